# Writes the workbooks readers.test.ts reads, with the Python writers departments' exports and independent
# test data are often made with (openpyxl 3.1.5, XlsxWriter 3.2.9). Their archives differ from the ones
# write-excel-file makes: openpyxl writes inline strings and package-root sheet targets, XlsxWriter puts the
# sheets before the shared strings and can use the 1904 date system. Run again only to change them:
#   PYTHONPATH=<openpyxl, et_xmlfile and xlsxwriter> python3 make.py
import datetime
import re
import os

import openpyxl
import xlsxwriter
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

HERE = os.path.dirname(os.path.abspath(__file__))
HEADER = ['身份证号码', '姓名', '入党日期', '金额', '是否', '备注', '时间', '公式']
ROWS = [
    ['330122199011142524', ' 陈云 ', datetime.date(2021, 1, 4), 1234.5, True, 'A&B <c> "q" &lt;x&gt;',
     datetime.datetime(2021, 3, 5, 14, 30, 0), ('=1+1', 2)],
    ['33012219901114252X', '李四', datetime.date(1950, 3, 11), 0, False, None,
     datetime.datetime(1999, 12, 31, 23, 59, 59), ('="a"&"b"', 'ab')],
    [330122199011142, '王五', '2001-03-11', -7, None, '', None, ('=1/0', '#DIV/0!')],
    None,  # an empty row between data rows
    ['330122198006018137', '严宁凯', datetime.date(1900, 3, 1), 3.14159265358979, True, ('富', '文本', '结尾'),
     datetime.datetime(2020, 2, 29), None],
]


def openpyxl_book(path):
    wb = openpyxl.Workbook()
    notes = wb.active
    notes.title = '说明'
    notes['A1'] = '本表为测试'
    ws = wb.create_sheet('党员基本信息')
    # Row 1 left empty: the header is the first row that holds anything.
    for j, h in enumerate(HEADER):
        ws.cell(row=2, column=j + 1, value=h)
    for i, r in enumerate(ROWS):
        if r is None:
            continue
        for j, v in enumerate(r):
            if v is None:
                continue
            cell = ws.cell(row=3 + i, column=j + 1)
            if isinstance(v, tuple) and j == 7:
                cell.value = v[0]  # openpyxl stores no computed result
            elif isinstance(v, tuple):
                cell.value = CellRichText(v[0], TextBlock(InlineFont(b=True), v[1]), v[2])
            else:
                cell.value = v
    wb.save(path)


def xlsxwriter_book(path, options):
    wb = xlsxwriter.Workbook(path, options)
    day = wb.add_format({'num_format': 'yyyy-mm-dd'})
    moment = wb.add_format({'num_format': 'yyyy/m/d h:mm:ss'})
    bold = wb.add_format({'bold': True})
    wb.add_worksheet('说明').write(0, 0, '本表为测试')
    ws = wb.add_worksheet('党员基本信息')
    for j, h in enumerate(HEADER):
        ws.write(1, j, h)
    for i, r in enumerate(ROWS):
        if r is None:
            continue
        for j, v in enumerate(r):
            row = 2 + i
            if v is None:
                continue
            if isinstance(v, datetime.datetime):
                ws.write_datetime(row, j, v, moment)
            elif isinstance(v, datetime.date):
                ws.write_datetime(row, j, datetime.datetime(v.year, v.month, v.day), day)
            elif isinstance(v, tuple) and j == 7:
                ws.write_formula(row, j, v[0], None, v[1])
            elif isinstance(v, tuple):
                ws.write_rich_string(row, j, v[0], bold, v[1], v[2])
            else:
                ws.write(row, j, v)
    wb.close()


openpyxl_book(os.path.join(HERE, 'openpyxl.xlsx'))
xlsxwriter_book(os.path.join(HERE, 'xlsxwriter.xlsx'), {})
xlsxwriter_book(os.path.join(HERE, 'xlsxwriter-1904.xlsx'), {'date_1904': True})
xlsxwriter_book(os.path.join(HERE, 'xlsxwriter-inline.xlsx'), {'constant_memory': True})

# A workbook whose sheet's XML breaks at data row 2,500 of 3,000 (an export cut off, a damaged file), far
# enough in that the sheet is read in several chunks before the break.
import zipfile

wb = xlsxwriter.Workbook(os.path.join(HERE, 'whole.xlsx'))
ws = wb.add_worksheet('党员基本信息')
ws.write_row(0, 0, ['身份证号码', '姓名'])
for i in range(3000):
    ws.write_row(i + 1, 0, ['3301221990%08d' % i, '姓名%d' % i])
wb.close()
with zipfile.ZipFile(os.path.join(HERE, 'whole.xlsx')) as whole, \
        zipfile.ZipFile(os.path.join(HERE, 'broken.xlsx'), 'w', zipfile.ZIP_DEFLATED) as broken:
    for item in whole.infolist():
        data = whole.read(item.filename)
        if item.filename == 'xl/worksheets/sheet1.xml':
            data = data.replace(b'<row r="2502"', b'<row r="2502"><c r="A2502" <<', 1)
        broken.writestr(item, data)
os.remove(os.path.join(HERE, 'whole.xlsx'))

# Dates stored with built-in number formats and no format code of their own, as Chinese Excel and WPS store
# them: 14 (locale-independent), 31 (yyyy"年"m"月"d"日"), 57 (yyyy"年"m"月"), 58 (m"月"d"日"), 32 (a time).
wb = xlsxwriter.Workbook(os.path.join(HERE, 'builtin-dates.xlsx'))
ws = wb.add_worksheet('日期')
ws.write_row(0, 0, ['格式', '日期'])
for i, (fmt, when) in enumerate([(14, datetime.datetime(2021, 1, 4)), (31, datetime.datetime(2021, 1, 5)),
                                 (57, datetime.datetime(2021, 2, 1)), (58, datetime.datetime(2021, 3, 8)),
                                 (32, datetime.datetime(1899, 12, 31, 14, 30))]):
    ws.write(i + 1, 0, str(fmt))
    ws.write_datetime(i + 1, 1, when, wb.add_format({'num_format': fmt}))
wb.close()

# Dates as ISO 8601 text cells (t="d"), as openpyxl writes them with iso_dates.
wb = openpyxl.Workbook(iso_dates=True)
ws = wb.active
ws.title = '日期'
ws.append(['编号', '日期'])
ws.append(['1', datetime.datetime(2021, 1, 4)])
ws.append(['2', datetime.datetime(2021, 3, 5, 14, 30)])
ws.append(['3', datetime.date(1950, 3, 11)])
wb.save(os.path.join(HERE, 'iso-dates.xlsx'))

# Tabs moved: the workbook lists sheet2.xml ('数据') before sheet1.xml ('旧表'), as Excel keeps the files when
# a tab is dragged to the front. "The first sheet" is the first tab.
wb = xlsxwriter.Workbook(os.path.join(HERE, 'tabs.xlsx'))
wb.add_worksheet('旧表').write_row(0, 0, ['旧', '表'])
wb.add_worksheet('数据').write_row(0, 0, ['姓名', '身份证号'])
wb.close()
with zipfile.ZipFile(os.path.join(HERE, 'tabs.xlsx')) as z:
    items = [(item, z.read(item.filename)) for item in z.infolist()]
with zipfile.ZipFile(os.path.join(HERE, 'tabs.xlsx'), 'w', zipfile.ZIP_DEFLATED) as z:
    for item, data in items:
        if item.filename == 'xl/workbook.xml':
            first = b'<sheet name="\xe6\x97\xa7\xe8\xa1\xa8" sheetId="1" r:id="rId1"/>'
            second = b'<sheet name="\xe6\x95\xb0\xe6\x8d\xae" sheetId="2" r:id="rId2"/>'
            assert first in data and second in data
            data = data.replace(first + second, second + first)
        z.writestr(item, data)

# The least a writer may put in a workbook, as a hand-rolled exporter does: no styles, no shared strings,
# inline strings, and rows and cells without references (r), which OOXML makes optional; the last row gives
# a reference to its third cell only, after a gap.
def part(body):
    return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + body


RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
PKG = 'http://schemas.openxmlformats.org/package/2006/relationships'
MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'


def inline(text):
    return '<c t="inlineStr"><is><t>%s</t></is></c>' % text


minimal_rows = [
    '<row>%s%s%s</row>' % (inline('身份证号码'), inline('姓名'), inline('金额')),
    '<row>%s%s<c><v>12.5</v></c></row>' % (inline('330122199011142524'), inline('陈云')),
    '<row>%s<c r="C3"><v>7</v></c></row>' % inline('33012219901114252X'),
]
with zipfile.ZipFile(os.path.join(HERE, 'minimal.xlsx'), 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('[Content_Types].xml', part(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'))
    z.writestr('_rels/.rels', part(
        '<Relationships xmlns="%s"><Relationship Id="rId1" Type="%s/officeDocument" Target="xl/workbook.xml"/>'
        '</Relationships>' % (PKG, RELS)))
    z.writestr('xl/workbook.xml', part(
        '<workbook xmlns="%s" xmlns:r="%s"><sheets><sheet name="党员基本信息" sheetId="1" r:id="rId1"/></sheets>'
        '</workbook>' % (MAIN, RELS)))
    z.writestr('xl/_rels/workbook.xml.rels', part(
        '<Relationships xmlns="%s"><Relationship Id="rId1" Type="%s/worksheet" Target="worksheets/sheet1.xml"/>'
        '</Relationships>' % (PKG, RELS)))
    z.writestr('xl/worksheets/sheet1.xml', part(
        '<worksheet xmlns="%s"><sheetData>%s</sheetData></worksheet>' % (MAIN, ''.join(minimal_rows))))

# The same with SpreadsheetML bound to a prefix, as the Open XML SDK writes it: <x:worksheet xmlns:x="…">.
with zipfile.ZipFile(os.path.join(HERE, 'minimal.xlsx')) as z:
    items = [(item, z.read(item.filename)) for item in z.infolist()]
with zipfile.ZipFile(os.path.join(HERE, 'prefixed.xlsx'), 'w', zipfile.ZIP_DEFLATED) as z:
    for item, data in items:
        if item.filename in ('xl/worksheets/sheet1.xml', 'xl/workbook.xml'):
            text = data.decode().replace('xmlns="%s"' % MAIN, 'xmlns:x="%s"' % MAIN)
            text = re.sub(r'<(/?)(worksheet|sheetData|row|c|is|t|v|workbook|sheets|sheet)\b', r'<\1x:\2', text)
            data = text.encode()
        z.writestr(item, data)
