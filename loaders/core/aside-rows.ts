// Rows a department's spreadsheet carries that are not records: a total at the end (合计, 总计), subtotals
// between groups (小计), and the lines under the table (制表人：… 审核人：…, 填报日期, 注：…). They were rejected
// like bad records, so a feed that exports a 合计 row every month showed a reject every month, and its reject
// rate (the feed's alert) counted rows no one could fix. Only a row the mapping already refuses is looked at,
// so a row that makes a record is loaded whatever it says; the row is then listed apart, not counted as read.
import { cellText } from './normalise/text.js';
import type { DataRow } from './readers/reader-types.js';

/** How much of such a row is kept to show. */
const SHOWN_CHARS = 120;

/** 合计, 总计, 本页合计, 小计：3人: how the first cell of a total row starts, spaces inside it removed. */
const TOTAL = /^(?:本页|本月|本年|本期|全部|总)?(?:合计|总计|小计|共计|累计)|^(?:sub|grand)?totals?\b/i;

/**
 * The lines under a table: who drew it up and checked it, when, the contact, and notes. A label with its
 * colon (制表人：张三), or a label alone in its cell with the name in the next (制表人 | 张三).
 */
const FOOTER =
  /^(?:(?:制表|填表|填报|审核|复核|审批|统计|经办|编制|打印|导出)(?:人|单位|日期|时间)?|(?:单位|部门|分管|主管)?(?:负责人|领导)|联系人|联系电话|数据来源|数据截至|截至日期)[:：]|^(?:制表|填表|填报|审核|复核|统计|经办|编制)人$|^(?:注|备注|说明|附注|填表说明|填报说明)\s*(?:[:：]|\d|[一二三四五六七八九十][、.．])/;

/** A footer line has few cells; a record with a 备注 starting "注：" has many. */
const FOOTER_CELLS = 4;

/**
 * The row as text (its non-empty cells joined by a space) when it is a total or a line under the table;
 * undefined when it is not (it is then rejected as any other refused row).
 */
export function asideRow(data: DataRow): string | undefined {
  const cells: string[] = [];
  for (const v of Object.values(data.values)) {
    const t = cellText(v);
    if (t !== '') cells.push(t);
  }
  const first = cells[0];
  if (first === undefined) return undefined;
  const total = TOTAL.test(first.replace(/\s+/g, ''));
  if (!total && !(cells.length <= FOOTER_CELLS && FOOTER.test(first))) return undefined;
  return cells.join(' ').slice(0, SHOWN_CHARS);
}
