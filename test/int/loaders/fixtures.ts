// Small department exports in their real encodings and formats, with good rows and broken ones, written to
// a temp folder for the loader integration tests.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import writeXlsxFile from 'write-excel-file/node';
import { idCheckChar } from '../../../platform/identifiers/id-number.js';
import { usccCheckChar } from '../../../platform/identifiers/uscc.js';

export const id = (body17: string) => body17 + idCheckChar(body17);
export const uscc = (body17: string) => body17 + usccCheckChar(body17)!;
/** A number whose check character is deliberately wrong. */
export const badId = (body17: string) => body17 + (idCheckChar(body17) === '1' ? '2' : '1');

export const P = {
  head: id('33012219600101001'),
  wife: id('33012219620202002'),
  son: id('33012219850303003'),
  daughter: id('33012219880404004'),
  dil: id('33012219860505006'),
  official: id('33012219700606007'),
  officialWife: id('33012219720707008'),
};
export const C = {
  a: uscc('91330122MA2A00001'),
  b: uscc('91330122MA2B00002'),
  agent: uscc('91330122MA2C00003'),
};

const csv = (rows: string[][]) =>
  rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n') + '\r\n';

export async function writeFixtures(): Promise<{ dir: string; files: Record<string, string> }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'huiyan-loaders-'));
  const f = (name: string) => path.join(dir, name);
  // 户籍人口, GBK. Row 5: bad check digit; row 6: impossible birth date; row 7: missing 姓名; row 8 duplicates row 1.
  const hukou = [
    ['公民身份号码', '姓名', '性别', '出生日期', '户号', '与户主关系', '住址', '注销标志', '注销日期', '注销原因'],
    [P.head, '王建国', '男', '1960年1月1日', 'H001', '02', '桐庐县某村1号', '否', '', ''],
    [P.wife.toLowerCase(), '李秀英', '女', '1962/2/2', 'H001', '12', '桐庐县某村1号', '否', '', ''],
    [P.son, '王志强', '男', '19850303', 'H001', '22', '桐庐县某村1号', '否', '', ''],
    ['３３０１２２' + P.daughter.slice(6), '王丽', '女', '1988.4.4', 'H001', '长女', '桐庐县某村1号', '是', '2020-06-01', '死亡'],
    [badId('33012219900101009'), '赵六', '男', '1990-01-01', 'H002', '02', '', '否', '', ''],
    [id('33012219900101011'), '钱七', '男', '1990-02-30', 'H002', '10', '', '否', '', ''],
    [id('33012219900101020'), '', '女', '1990-01-01', 'H002', '20', '', '否', '', ''],
    [P.head, '王建国', '男', '1960年1月1日', 'H001', '02', '桐庐县某村1号', '否', '', ''],
    [P.dil, '陈芳', '女', '1986-05-05', 'H001', '38', '桐庐县某村1号', '否', '', ''],
  ];
  writeFileSync(f('户籍人口.csv'), iconv.encode(csv(hukou), 'gbk'));
  // 婚姻登记, UTF-8 with BOM.
  const marriage = [
    ['男方身份证号', '男方姓名', '女方身份证号', '女方姓名', '登记日期', '登记类型'],
    [P.official, '孙国庆', P.officialWife, '周敏', '1995年10月1日', '结婚'],
    [P.son, '王志强', P.dil, '陈芳', '2012-05-20', '结婚'],
  ];
  writeFileSync(f('婚姻登记.csv'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv(marriage), 'utf8')]));
  // 干部名册, XLSX.
  await writeXlsxFile(
    [
      ['身份证号', '姓名', '单位名称', '单位代码', '单位类型', '职务', '职级', '是否领导成员', '任职开始日期', '任职结束日期'],
      [P.official, '孙国庆', '桐庐县住建局', 'ORG-ZJJ', '党政机关', '局长', '正科', '是', new Date(Date.UTC(2018, 0, 15)), ''],
      [P.head, '王建国', '某村村委会', 'ORG-CWH', '村委会', '主任', '', '是', '2015/3/1', '2021/3/1'],
    ],
    { sheet: '干部名册', dateFormat: 'yyyy-mm-dd' },
  ).toFile(f('干部名册.xlsx'));
  // 企业登记, XLSX; 注册资本 in 万元.
  await writeXlsxFile(
    [
      ['统一社会信用代码', '企业名称', '登记状态', '成立日期', '注册资本', '住所', '联系电话', '法定代表人', '法定代表人证件号码'],
      [C.a, '桐庐甲建设有限公司', '存续', '2010-01-01', '500', '桐庐县', '0571-64000000', '周敏', P.officialWife],
      [C.b, '桐庐乙工程有限公司', '在业', '2012-06-01', '1,000万元', '桐庐县', '13800138000', '王志强', P.son],
      [C.agent, '桐庐丙招标代理有限公司', '存续', '2008-01-01', '100', '桐庐县', '', '', ''],
    ],
    { sheet: '企业基本信息' },
  ).toFile(f('企业登记.xlsx'));
  // 企业股东, GB18030. Row 3: a company that is not in the registry.
  const holders = [
    ['统一社会信用代码', '企业名称', '股东名称', '股东类型', '股东证件号码', '出资比例', '认缴日期', '退出日期'],
    [C.a, '桐庐甲建设有限公司', '周敏', '自然人', P.officialWife, '60%', '2010-01-01', ''],
    [C.a, '桐庐甲建设有限公司', '桐庐乙工程有限公司', '企业法人', C.b, '0.4', '2010-01-01', ''],
    [uscc('91330122MA2Z99999'), '不存在公司', '周敏', '自然人', P.officialWife, '10%', '', ''],
  ];
  writeFileSync(f('企业股东.csv'), iconv.encode(csv(holders), 'gb18030'));
  // 企业主要人员, UTF-8 (no BOM).
  const officers = [
    ['统一社会信用代码', '姓名', '证件号码', '职务', '任职日期'],
    [C.b, '王志强', P.son, '执行董事', '2012-06-01'],
    [C.b, '王志强', P.son, '总经理', '2012-06-01'],
  ];
  writeFileSync(f('企业主要人员.csv'), csv(officers));
  // 招标项目, XLSX.
  await writeXlsxFile(
    [
      ['项目编号', '项目名称', '招标人', '招标人代码', '招标代理', '招标代理信用代码', '预算金额', '招标方式', '公告日期'],
      [
        'TLZB-2020-0001',
        '道路改造工程',
        '桐庐县住建局',
        'ORG-ZJJ',
        '桐庐丙招标代理有限公司',
        C.agent,
        '1,200,000.00',
        '公开招标',
        '2020-03-01',
      ],
    ],
    { sheet: '招标项目' },
  ).toFile(f('招标项目.xlsx'));
  // 投标记录, JSON lines. Line 3 bids on an unknown project.
  const bids = [
    {
      投标编号: 'TB01',
      项目编号: 'TLZB-2020-0001',
      投标人: '桐庐甲建设有限公司',
      投标人信用代码: C.a,
      投标报价: '118万元',
      递交时间: '2020-03-20 09:30:00',
      上传IP: '10.0.0.1',
      MAC地址: 'AA-BB',
      机器码: 'M1',
      保证金账号: '6228001',
      联系人: '周敏',
      联系电话: '13800138001',
      项目负责人: '王志强',
    },
    {
      投标编号: 'TB02',
      项目编号: 'TLZB-2020-0001',
      投标人: '桐庐乙工程有限公司',
      投标人信用代码: C.b,
      投标报价: 1190000,
      递交时间: '2020/3/20 10:00',
      上传IP: '10.0.0.1',
    },
    { 投标编号: 'TB03', 项目编号: 'TLZB-2099-0404', 投标人: '桐庐乙工程有限公司', 投标人信用代码: C.b, 投标报价: 1 },
  ];
  writeFileSync(f('投标记录.jsonl'), bids.map((b) => JSON.stringify(b)).join('\n') + '\n');
  // 中标结果, GBK. Row 2: unknown project.
  const awards = [
    ['项目编号', '中标人', '中标人信用代码', '中标金额', '中标日期'],
    ['TLZB-2020-0001', '桐庐甲建设有限公司', C.a, '1,180,000.00', '2020年4月1日'],
    ['TLZB-2099-0001', '桐庐乙工程有限公司', C.b, '100', '2020-04-01'],
  ];
  writeFileSync(f('中标结果.csv'), iconv.encode(csv(awards), 'gbk'));
  writeFileSync(f('readme.txt'), 'not a department file');
  return { dir, files: {} };
}
