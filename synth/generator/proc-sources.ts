// The two procurement-side files beyond the original nine (docs/sources.md #10, #11).
import type { SourceFile } from './sources.js';

export const PROC_SOURCES = {
  direct: { id: 'direct-award', file: '直接发包及村级工程支付.xlsx', format: 'xlsx', sheet: '支付明细', header: ['凭证号', '付款单位', '付款单位代码', '项目名称', '地点', '收款人', '收款人类型', '收款人证件号码', '金额', '支付日期', '发包方式'] },
  regulation: { id: 'regulation', file: '行政许可检查处罚.csv', format: 'csv', encoding: 'gbk', header: ['文书号', '执法单位', '执法单位代码', '行政相对人', '统一社会信用代码', '事项类型', '日期', '有效期至', '执法人员', '执法人员证件号码', '结果', '罚款金额'] },
} as const satisfies Record<string, SourceFile>;
