// The seven integrity and welfare files (docs/sources.md, "Integrity and welfare sources"): names,
// formats, encodings and headers, merged into SOURCES so writers and tests read one contract.
export const INTEGRITY_SOURCES = {
  death: { id: 'death', file: '死亡火化登记.csv', format: 'csv', encoding: 'gbk', header: ['身份证号', '姓名', '性别', '死亡日期', '火化日期', '殡仪馆', '火化证编号'] },
  party: { id: 'party', file: '党员信息.xlsx', format: 'xlsx', sheet: '党员基本信息', header: ['身份证号码', '姓名', '性别', '入党日期', '转正日期', '所在党支部', '人员类别', '工作岗位'] },
  payroll: { id: 'payroll', file: '财政供养人员工资.csv', format: 'csv', encoding: 'utf8bom', header: ['身份证号', '姓名', '单位名称', '单位代码', '编制类型', '工资月份', '应发工资'] },
  welfare: { id: 'welfare', file: '民生资金发放.csv', format: 'csv', encoding: 'gb18030', header: ['项目代码', '项目名称', '主管部门', '是否普惠', '身份证号', '姓名', '户号', '所在村', '发放所属期', '发放日期', '发放金额', '收款账号', '发放类型'] },
  police: { id: 'police', file: '公安行政处罚.jsonl', format: 'jsonl', header: ['案件编号', '决定书文号', '违法行为类别', '违法时间', '违法地点', '办案单位', '身份证号', '姓名', '涉案角色', '政治面貌', '职业', '工作单位', '处罚种类', '处罚日期'] },
  sanction: { id: 'sanction', file: '纪律处分.xlsx', format: 'xlsx', sheet: '处分决定', header: ['决定文号', '身份证号', '姓名', '单位及职务', '处分类别', '处分种类', '决定日期', '影响期止', '违纪事由'] },
  insurance: { id: 'insurance', file: '社保参保.csv', format: 'csv', encoding: 'utf8', header: ['身份证号', '姓名', '参保单位名称', '参保单位信用代码', '单位类型', '险种', '参保起始年月', '参保终止年月'] },
} as const;
