// A generated county rewritten in the shapes department systems really export: what the generator writes
// plainly, here under titles, with merged cells, totals and the lines under a table, across sheets, several
// sources in one workbook, epoch dates, ="…" IDs, as Excel 97-2003, as a JSON envelope, as a web system's "导出Excel",
// with units in headers, timestamps in date columns, 无 for nothing, decisions dated in Chinese numerals and
// payments in capitals. Loading it must give the plain county's
// graph (test/int/loaders/export-shapes.int.test.ts).
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { read as readBook, utils, write as writeBook } from '@e965/xlsx';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import writeXlsxFile from 'write-excel-file/node';
import { amount } from '../../loaders/core/normalise/number.js';
import { date } from '../../loaders/core/normalise/date.js';

type Table = string[][];

export async function writeExportShapes(base: string, out: string): Promise<void> {
  mkdirSync(out, { recursive: true });
  const csv = (f: string): Table =>
    parse(iconv.decode(readFileSync(path.join(base, f)), 'gb18030'), { bom: true, relax_column_count: true });
  const writeCsv = (f: string, t: Table) =>
    writeFileSync(
      path.join(out, f),
      iconv.encode(t.map((r) => r.map((x) => (/[",\r\n]/.test(x) ? `"${x.replace(/"/g, '""')}"` : x)).join(',')).join('\r\n'), 'gbk'),
    );
  const xlsx = async (f: string, sheets: { sheet: string; data: (string | null)[][] }[]) => {
    const data = sheets.map((s) => ({ sheet: s.sheet, data: s.data.map((r) => r.map((value) => (value ? { value } : null))) }));
    writeFileSync(path.join(out, f), await (writeXlsxFile(data as never) as unknown as { toBuffer(): Promise<Buffer> }).toBuffer());
  };
  const done = new Set<string>();

  // The household register as a ledger under a title and a filing line, named as its system names it: 户号
  // merged down over each household's consecutive rows (the value in the top cell alone, as Excel keeps it),
  // a 合计 row and the lines under the table at the end.
  {
    const [h, ...rows] = csv('户籍人口.csv');
    const at = h!.indexOf('户号');
    const top = 3;
    const merges: { s: { r: number; c: number }; e: { r: number; c: number } }[] = [];
    const body = rows.map((r) => [...r]);
    for (let i = 0; i < body.length;) {
      let j = i + 1;
      while (j < body.length && body[i]![at] !== '' && body[j]![at] === body[i]![at]) j++;
      if (j - i > 1) {
        merges.push({ s: { r: top + i, c: at }, e: { r: top + j - 1, c: at } });
        for (let k = i + 1; k < j; k++) body[k]![at] = '';
      }
      i = j;
    }
    const sheet = utils.aoa_to_sheet([
      ['桐庐县常住人口信息表'],
      ['填报单位：桐庐县公安局', null, null, '导出时间：2023-12-31'],
      h!,
      ...body,
      ['合计', `${rows.length}人`],
      ['制表人：王芳', null, '审核人：李强'],
    ]);
    sheet['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: h!.length - 1 } }, ...merges];
    const book = utils.book_new();
    utils.book_append_sheet(book, sheet, '常住人口');
    writeFileSync(path.join(out, '常住人口信息导出.xlsx'), writeBook(book, { bookType: 'xlsx', type: 'buffer' }) as Buffer);
    done.add('户籍人口.csv');
  }
  // Welfare payments as a workbook: a cover sheet, then one sheet a year under its title, the amount's unit in its header.
  {
    const [h, ...rows] = csv('民生资金发放.csv');
    const at = h!.indexOf('发放所属期');
    const header = h!.map((x) => (x === '发放金额' ? '发放金额（元）' : x));
    const years = [...new Set(rows.map((r) => r[at]!.slice(0, 4)))].sort();
    await xlsx('民生资金发放明细.xlsx', [
      { sheet: '填表说明', data: [['1. 金额单位为元'], ['2. 身份证号为18位']] },
      ...years.map((y) => ({
        sheet: `${y}年`,
        data: [
          [`${y}年民生资金发放明细表`],
          header,
          ...rows.filter((r) => r[at]!.startsWith(y)),
          ['合计'],
          ['制表人：李梅', '审核人：王强'],
        ],
      })),
    ]);
    done.add('民生资金发放.csv');
  }
  // Bids as an API's JSON envelope.
  {
    const lines = readFileSync(path.join(base, '投标记录.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim());
    const list = lines.map((l) => JSON.parse(l) as unknown);
    writeFileSync(path.join(out, '投标记录.json'), JSON.stringify({ code: 0, msg: '成功', data: { total: list.length, list } }, null, 2));
    done.add('投标记录.jsonl');
  }
  // The cadre roster as an Excel 97-2003 workbook, with a cover sheet first.
  {
    const book = readBook(readFileSync(path.join(base, '干部名册.xlsx')));
    const name = book.SheetNames[0]!;
    const data = utils.sheet_to_json<unknown[]>(book.Sheets[name]!, { header: 1, raw: false, defval: null });
    const old = utils.book_new();
    utils.book_append_sheet(old, utils.aoa_to_sheet([['填表说明：职务按现任填写']]), '说明');
    utils.book_append_sheet(old, utils.aoa_to_sheet(data), name);
    writeFileSync(path.join(out, '干部名册.xls'), writeBook(old, { bookType: 'biff8', type: 'buffer' }) as Buffer);
    done.add('干部名册.xlsx');
  }
  // Awards in 万元, said in the header; every spelling of an amount (full-width, separators, ¥) rewritten so.
  {
    const [h, ...rows] = csv('中标结果.csv');
    const at = h!.indexOf('中标金额');
    const wan = (x: string) => {
      const yuan = amount(x);
      return yuan === null ? x : String(yuan / 10_000);
    };
    writeCsv('中标结果.csv', [
      h!.map((x, i) => (i === at ? '中标金额（万元）' : x)),
      ...rows.map((r) => r.map((x, i) => (i === at ? wan(x) : x))),
    ]);
    done.add('中标结果.csv');
  }
  // Deaths with the death date as a timestamp, and the ID numbers kept as text for Excel (="…", quoted as Excel
  // quotes it).
  {
    const [h, ...rows] = csv('死亡火化登记.csv');
    const at = h!.indexOf('死亡日期');
    const idAt = h!.indexOf('身份证号');
    const stamp = (x: string) => (/^\d{8}$/.test(x) ? `${x.slice(0, 4)}-${x.slice(4, 6)}-${x.slice(6)} 10:15:00` : x);
    writeCsv('死亡火化登记.csv', [h!, ...rows.map((r) => r.map((x, i) => (i === at ? stamp(x) : i === idAt && x !== '' ? `="${x}"` : x)))]);
    done.add('死亡火化登记.csv');
  }
  // Police cases with the decision date as epoch milliseconds, as a Java system's JSON sends midnight in Beijing.
  {
    const lines = readFileSync(path.join(base, '公安行政处罚.jsonl'), 'utf8').split('\n');
    const epoch = (x: unknown) => {
      const m = typeof x === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(x) : null;
      return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - 8 * 3_600_000 : x;
    };
    writeFileSync(
      path.join(out, '公安行政处罚.jsonl'),
      lines
        .map((l) => {
          if (!l.trim()) return l;
          try {
            const o = JSON.parse(l) as Record<string, unknown>;
            return JSON.stringify({ ...o, 处罚日期: epoch(o['处罚日期']) });
          } catch {
            return l; // a line the generator broke on purpose stays broken
          }
        })
        .join('\n'),
    );
    done.add('公安行政处罚.jsonl');
  }
  // The business registry as one workbook of three sources after a cover sheet, shareholders and officers
  // before the companies in tab order; the shareholders with 无 where no exit date is known.
  {
    const companies = readBook(readFileSync(path.join(base, '企业登记.xlsx')));
    const name = companies.SheetNames[0]!;
    const [h, ...rows] = csv('企业股东.csv');
    const at = h!.indexOf('退出日期');
    const officers = parse(readFileSync(path.join(base, '企业主要人员.csv'), 'utf8'), { bom: true, relax_column_count: true }) as Table;
    const book = utils.book_new();
    utils.book_append_sheet(book, utils.aoa_to_sheet([['本工作簿由市场监管局导出，含企业、股东、主要人员三张表']]), '填表说明');
    utils.book_append_sheet(
      book,
      utils.aoa_to_sheet([h!, ...rows.map((r) => r.map((x, i) => (i === at && x === '' ? '无' : x)))]),
      '股东及出资信息',
    );
    utils.book_append_sheet(book, utils.aoa_to_sheet(officers), '主要人员');
    utils.book_append_sheet(
      book,
      utils.aoa_to_sheet(utils.sheet_to_json<unknown[]>(companies.Sheets[name]!, { header: 1, raw: false, defval: null })),
      name,
    );
    writeFileSync(path.join(out, '企业登记信息.xlsx'), writeBook(book, { bookType: 'xlsx', type: 'buffer' }) as Buffer);
    for (const f of ['企业登记.xlsx', '企业股东.csv', '企业主要人员.csv']) done.add(f);
  }
  // Disciplinary decisions dated as the decisions are (二〇二一年四月十五日), and direct awards paid in capitals
  // as on the voucher (玖万伍仟元整): sheets whose cells the normalisers must read as the plain ones.
  {
    const rewrite = (f: string, column: string, to: (x: string) => string) => {
      const book = readBook(readFileSync(path.join(base, f)));
      const name = book.SheetNames[0]!;
      const [h, ...rows] = utils.sheet_to_json<(string | null)[]>(book.Sheets[name]!, { header: 1, raw: false, defval: null });
      const at = h!.indexOf(column);
      if (at < 0) throw new Error(`${f} has no column ${column}`);
      const out2 = utils.book_new();
      utils.book_append_sheet(out2, utils.aoa_to_sheet([h!, ...rows.map((r) => r.map((x, i) => (i === at && x ? to(x) : x)))]), name);
      writeFileSync(path.join(out, f), writeBook(out2, { bookType: 'xlsx', type: 'buffer' }) as Buffer);
      done.add(f);
    };
    rewrite('纪律处分.xlsx', '决定日期', (x) => {
      const iso = tryValue(() => date(x));
      return iso ? chineseDateOf(iso) : x;
    });
    rewrite('直接发包及村级工程支付.xlsx', '金额', (x) => {
      const yuan = tryValue(() => amount(x));
      return yuan === null || yuan === undefined ? x : capitalsOf(yuan);
    });
  }
  // The unit directory as a web system's "导出Excel": UTF-16 tab-separated text under an .xls name.
  {
    const rows = csv('机构编制名录.csv');
    const text = rows.map((r) => r.join('\t')).join('\r\n');
    writeFileSync(path.join(out, '机构编制名录.xls'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    done.add('机构编制名录.csv');
  }
  for (const f of readdirSync(base)) if (!done.has(f)) copyFileSync(path.join(base, f), path.join(out, f));
}

/** The value, or undefined where the normaliser refuses it (a cell the generator broke on purpose stays as it was). */
function tryValue<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

const CN_DIGITS = '〇一二三四五六七八九';
/** 1–31 as a date writes it: 五, 十, 十五, 二十, 三十一. */
const cnSmall = (n: number) =>
  n < 10 ? CN_DIGITS[n]! : `${n >= 20 ? CN_DIGITS[Math.floor(n / 10)] : ''}十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
/** 2021-04-15 → 二〇二一年四月十五日. */
export const chineseDateOf = (iso: string): string =>
  `${[...iso.slice(0, 4)].map((d) => CN_DIGITS[Number(d)]).join('')}年${cnSmall(Number(iso.slice(5, 7)))}月${cnSmall(Number(iso.slice(8, 10)))}日`;

const CAP = '零壹贰叁肆伍陆柒捌玖';
/** A section below 10,000 in capitals, zeros inside it said once (1005 → 壹仟零伍). */
function capSection(n: number): string {
  let out = '';
  let zero = false;
  for (const [unit, place] of [
    ['仟', 1000],
    ['佰', 100],
    ['拾', 10],
    ['', 1],
  ] as const) {
    const d = Math.floor(n / place) % 10;
    if (d === 0) zero = out !== '';
    else {
      out += `${zero ? '零' : ''}${CAP[d]}${unit}`;
      zero = false;
    }
  }
  return out;
}
/** 元 in capitals as a voucher writes them: 95000 → 玖万伍仟元整, 1234.56 → 壹仟贰佰叁拾肆元伍角陆分. */
export function capitalsOf(yuan: number): string {
  const fen = Math.round(yuan * 100);
  const whole = Math.floor(fen / 100);
  const [yi, wan, rest] = [Math.floor(whole / 1e8), Math.floor(whole / 1e4) % 1e4, whole % 1e4];
  let text = '';
  if (yi) text += `${capSection(yi)}亿`;
  if (wan) text += `${text && wan < 1000 ? '零' : ''}${capSection(wan)}万`;
  else if (text && rest) text += '零';
  if (rest) text += `${text && !text.endsWith('零') && rest < 1000 ? '零' : ''}${capSection(rest)}`;
  const [jiao, f] = [Math.floor(fen / 10) % 10, fen % 10];
  const small = jiao || f ? `${jiao ? `${CAP[jiao]}角` : '零'}${f ? `${CAP[f]}分` : ''}` : '整';
  return `${text || '零'}元${small}`;
}
