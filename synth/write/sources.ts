// The 19 department files of docs/sources.md: names, formats, encodings and headers, as one table so
// the writers and the tests read the same contract. The order is the order generateCounty writes them.
import type { Encoding } from './csv.js';
import { OVERSIGHT_SOURCES } from './oversight-sources.js';

export interface SourceFile {
  id: string;
  file: string;
  format: 'csv' | 'xlsx' | 'jsonl';
  encoding?: Encoding;
  sheet?: string;
  header: readonly string[];
}

export const SOURCES = {
  hukou: {
    id: 'hukou',
    file: '户籍人口.csv',
    format: 'csv',
    encoding: 'gbk',
    header: ['公民身份号码', '姓名', '性别', '出生日期', '户号', '与户主关系', '住址', '注销标志', '注销日期', '注销原因'],
  },
  marriage: {
    id: 'marriage',
    file: '婚姻登记.csv',
    format: 'csv',
    encoding: 'utf8bom',
    header: ['男方身份证号', '男方姓名', '女方身份证号', '女方姓名', '登记日期', '登记类型'],
  },
  cadre: {
    id: 'cadre',
    file: '干部名册.xlsx',
    format: 'xlsx',
    sheet: '干部名册',
    header: ['身份证号', '姓名', '单位名称', '单位代码', '单位类型', '职务', '职级', '是否领导成员', '任职开始日期', '任职结束日期'],
  },
  company: {
    id: 'company',
    file: '企业登记.xlsx',
    format: 'xlsx',
    sheet: '企业基本信息',
    header: [
      '统一社会信用代码',
      '企业名称',
      '登记状态',
      '成立日期',
      '注册资本',
      '住所',
      '联系电话',
      '法定代表人',
      '法定代表人证件号码',
      '参保人数',
    ],
  },
  shareholder: {
    id: 'shareholder',
    file: '企业股东.csv',
    format: 'csv',
    encoding: 'gb18030',
    header: ['统一社会信用代码', '企业名称', '股东名称', '股东类型', '股东证件号码', '出资比例', '认缴日期', '退出日期'],
  },
  officer: {
    id: 'officer',
    file: '企业主要人员.csv',
    format: 'csv',
    encoding: 'utf8',
    header: ['统一社会信用代码', '姓名', '证件号码', '职务', '任职日期'],
  },
  tender: {
    id: 'tender',
    file: '招标项目.xlsx',
    format: 'xlsx',
    sheet: '招标项目',
    header: ['项目编号', '项目名称', '招标人', '招标人代码', '招标代理', '招标代理信用代码', '预算金额', '招标方式', '公告日期'],
  },
  bid: {
    id: 'bid',
    file: '投标记录.jsonl',
    format: 'jsonl',
    header: [
      '投标编号',
      '项目编号',
      '投标人',
      '投标人信用代码',
      '投标报价',
      '递交时间',
      '上传IP',
      'MAC地址',
      '机器码',
      '保证金账号',
      '联系人',
      '联系电话',
      '项目负责人',
      '项目负责人证件号码',
      '否决投标',
      '否决原因',
    ],
  },
  award: {
    id: 'award',
    file: '中标结果.csv',
    format: 'csv',
    encoding: 'gbk',
    header: ['项目编号', '中标人', '中标人信用代码', '中标金额', '中标日期'],
  },
  // Integrity and welfare (docs/sources.md "Integrity and welfare sources").
  death: {
    id: 'death',
    file: '死亡火化登记.csv',
    format: 'csv',
    encoding: 'gbk',
    header: ['身份证号', '姓名', '性别', '死亡日期', '火化日期', '殡仪馆', '火化证编号'],
  },
  party: {
    id: 'party',
    file: '党员信息.xlsx',
    format: 'xlsx',
    sheet: '党员基本信息',
    header: ['身份证号码', '姓名', '性别', '入党日期', '转正日期', '所在党支部', '人员类别', '工作岗位'],
  },
  payroll: {
    id: 'payroll',
    file: '财政供养人员工资.csv',
    format: 'csv',
    encoding: 'utf8bom',
    header: ['身份证号', '姓名', '单位名称', '单位代码', '编制类型', '工资月份', '应发工资'],
  },
  welfare: {
    id: 'welfare',
    file: '民生资金发放.csv',
    format: 'csv',
    encoding: 'gb18030',
    header: [
      '项目代码',
      '项目名称',
      '主管部门',
      '是否普惠',
      '身份证号',
      '姓名',
      '户号',
      '所在村',
      '发放所属期',
      '发放日期',
      '发放金额',
      '收款账号',
      '发放类型',
    ],
  },
  police: {
    id: 'police',
    file: '公安行政处罚.jsonl',
    format: 'jsonl',
    header: [
      '案件编号',
      '决定书文号',
      '违法行为类别',
      '违法时间',
      '违法地点',
      '办案单位',
      '身份证号',
      '姓名',
      '涉案角色',
      '政治面貌',
      '职业',
      '工作单位',
      '处罚种类',
      '处罚日期',
    ],
  },
  sanction: {
    id: 'sanction',
    file: '纪律处分.xlsx',
    format: 'xlsx',
    sheet: '处分决定',
    header: ['决定文号', '身份证号', '姓名', '单位及职务', '处分类别', '处分种类', '决定日期', '影响期止', '违纪事由'],
  },
  insurance: {
    id: 'insurance',
    file: '社保参保.csv',
    format: 'csv',
    encoding: 'utf8',
    header: ['身份证号', '姓名', '参保单位名称', '参保单位信用代码', '单位类型', '险种', '参保起始年月', '参保终止年月'],
  },
  // Procurement beyond tenders (docs/sources.md #10, #11).
  direct: {
    id: 'direct-award',
    file: '直接发包及村级工程支付.xlsx',
    format: 'xlsx',
    sheet: '支付明细',
    header: [
      '凭证号',
      '付款单位',
      '付款单位代码',
      '项目名称',
      '地点',
      '收款人',
      '收款人类型',
      '收款人证件号码',
      '金额',
      '支付日期',
      '发包方式',
    ],
  },
  regulation: {
    id: 'regulation',
    file: '行政许可检查处罚.csv',
    format: 'csv',
    encoding: 'gbk',
    header: [
      '文书号',
      '执法单位',
      '执法单位代码',
      '行政相对人',
      '统一社会信用代码',
      '事项类型',
      '日期',
      '有效期至',
      '执法人员',
      '执法人员证件号码',
      '结果',
      '罚款金额',
    ],
  },
  // 编办 机构编制名录: which unit each unit belongs to (docs/sources.md #19); jurisdiction is built on it.
  unit: {
    id: 'unit',
    file: '机构编制名录.csv',
    format: 'csv',
    encoding: 'gbk',
    header: ['统一社会信用代码', '单位名称', '单位类型', '上级单位代码', '上级单位名称'],
  },
  // 信访/检举控告 and 审批/用印 (docs/sources.md #20, #21; M41, M39): synth/oversight.
  ...OVERSIGHT_SOURCES,
} as const satisfies Record<string, SourceFile>;

export type SourceId = keyof typeof SOURCES;
export const SOURCE_LIST: SourceFile[] = Object.values(SOURCES) as SourceFile[];
