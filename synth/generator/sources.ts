// The nine files of docs/sources.md: names, formats, encodings and headers, as one table so the
// writers and the tests read the same contract.
import type { Encoding } from './writers/csv.js';
import { INTEGRITY_SOURCES } from './integrity-sources.js';
import { PROC_SOURCES } from './proc-sources.js';

export interface SourceFile {
  id: string;
  file: string;
  format: 'csv' | 'xlsx' | 'jsonl';
  encoding?: Encoding;
  sheet?: string;
  header: readonly string[];
}

export const SOURCES = {
  hukou: { id: 'hukou', file: '户籍人口.csv', format: 'csv', encoding: 'gbk', header: ['公民身份号码', '姓名', '性别', '出生日期', '户号', '与户主关系', '住址', '注销标志', '注销日期', '注销原因'] },
  marriage: { id: 'marriage', file: '婚姻登记.csv', format: 'csv', encoding: 'utf8bom', header: ['男方身份证号', '男方姓名', '女方身份证号', '女方姓名', '登记日期', '登记类型'] },
  cadre: { id: 'cadre', file: '干部名册.xlsx', format: 'xlsx', sheet: '干部名册', header: ['身份证号', '姓名', '单位名称', '单位代码', '单位类型', '职务', '职级', '是否领导成员', '任职开始日期', '任职结束日期'] },
  company: { id: 'company', file: '企业登记.xlsx', format: 'xlsx', sheet: '企业基本信息', header: ['统一社会信用代码', '企业名称', '登记状态', '成立日期', '注册资本', '住所', '联系电话', '法定代表人', '法定代表人证件号码', '参保人数'] },
  shareholder: { id: 'shareholder', file: '企业股东.csv', format: 'csv', encoding: 'gb18030', header: ['统一社会信用代码', '企业名称', '股东名称', '股东类型', '股东证件号码', '出资比例', '认缴日期', '退出日期'] },
  officer: { id: 'officer', file: '企业主要人员.csv', format: 'csv', encoding: 'utf8', header: ['统一社会信用代码', '姓名', '证件号码', '职务', '任职日期'] },
  tender: { id: 'tender', file: '招标项目.xlsx', format: 'xlsx', sheet: '招标项目', header: ['项目编号', '项目名称', '招标人', '招标人代码', '招标代理', '招标代理信用代码', '预算金额', '招标方式', '公告日期'] },
  bid: { id: 'bid', file: '投标记录.jsonl', format: 'jsonl', header: ['投标编号', '项目编号', '投标人', '投标人信用代码', '投标报价', '递交时间', '上传IP', 'MAC地址', '机器码', '保证金账号', '联系人', '联系电话', '项目负责人', '项目负责人证件号码'] },
  award: { id: 'award', file: '中标结果.csv', format: 'csv', encoding: 'gbk', header: ['项目编号', '中标人', '中标人信用代码', '中标金额', '中标日期'] },
  death: INTEGRITY_SOURCES.death,
  party: INTEGRITY_SOURCES.party,
  payroll: INTEGRITY_SOURCES.payroll,
  welfare: INTEGRITY_SOURCES.welfare,
  police: INTEGRITY_SOURCES.police,
  sanction: INTEGRITY_SOURCES.sanction,
  insurance: INTEGRITY_SOURCES.insurance,
  direct: PROC_SOURCES.direct,
  regulation: PROC_SOURCES.regulation,
} as const satisfies Record<string, SourceFile>;

export type SourceId = keyof typeof SOURCES;
export const SOURCE_LIST: SourceFile[] = Object.values(SOURCES) as SourceFile[];
