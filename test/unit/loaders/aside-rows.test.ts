// Totals and the lines under a table are set aside, not rejected (loaders/core/aside-rows.ts): only rows the
// mapping already refuses, and only those that read as a total or a footer line, never a record.
import { describe, expect, it } from 'vitest';
import { asideRow } from '../../../loaders/core/aside-rows.js';
import { bindColumns, transformRow } from '../../../loaders/core/transform.js';
import { loadMappings } from '../../../loaders/core/mapping/registry.js';
import { headerKey } from '../../../loaders/core/readers/header.js';
import { idCheckChar } from '../../../platform/identifiers/id-number.js';
import { loadGraphSchema } from '../../../platform/schema/graph-schema.js';

const WELFARE = ['序号', '姓名', '身份证号', '发放金额', '备注'];
const row = (cells: (string | number | null)[], headers = WELFARE) => ({
  row: 1,
  values: Object.fromEntries(headers.map((h, i) => [headerKey(h), cells[i] ?? null])),
});

describe('which rows are set aside', () => {
  it.each([
    [['合计', '', '', '1530', ''], '合计 1530'],
    [['', '合 计', '', 1530, ''], '合 计 1530'],
    [['总计：', '', '', '1,530.00', ''], '总计: 1,530.00'],
    [['本页小计', '', '', '900', ''], '本页小计 900'],
    [['小计（3人）', '', '', '900', ''], '小计(3人) 900'],
    [['Total', '', '', '900', ''], 'Total 900'],
    [['制表人：李梅', '审核人：王强', '', '', '制表日期：2024-01-02'], '制表人:李梅 审核人:王强 制表日期:2024-01-02'],
    [['制表人', '李梅', '审核人', '王强', ''], '制表人 李梅 审核人 王强'],
    [['单位负责人：赵强', '', '', '', ''], '单位负责人:赵强'],
    [['注：1.本表金额单位为元', '', '', '', ''], '注:1.本表金额单位为元'],
    [['说明：低保对象不含五保户', '', '', '', ''], '说明:低保对象不含五保户'],
    [['填报日期：2024年1月2日', '', '', '', ''], '填报日期:2024年1月2日'],
  ])('%j as 「%s」', (cells, text) => {
    expect(asideRow(row(cells))).toBe(text);
  });

  it.each([
    [['1', '张三', '', '330', '']],
    [['', '', '', '', '']],
    [['3', '合计', '', '1530', '']],
    // A record whose 备注 is a note: five cells, not a line under the table.
    [['注：补发', '李四', '110105194912310048', '330', '补发']],
    [['注册资本', '', '', '', '']],
    [['审核通过', '', '', '', '']],
    [['总部', '', '', '', '']],
  ])('not %j', (cells) => {
    expect(asideRow(row(cells))).toBeUndefined();
  });

  it('looks only at rows the mapping refuses: a row that makes a record is loaded whatever its first cell says', () => {
    const schema = loadGraphSchema();
    const hukou = loadMappings({ schema }).find((m) => m.id === 'hukou')!;
    const headers = ['公民身份号码', '姓名', '性别', '出生日期', '户号', '与户主关系'];
    const bound = bindColumns(hukou, headers, '户籍人口.csv');
    const body = '11010119800101001';
    const record = transformRow({ bound, schema }, row([body + idCheckChar(body), '合计', '男', '1980-01-01', 'h1', '02'], headers));
    expect(record.ok).toBe(true);
    const total = transformRow({ bound, schema }, row(['合计', '2人', '', '', '', ''], headers));
    expect(total).toMatchObject({ ok: false, aside: '合计 2人' });
    const bad = transformRow({ bound, schema }, row(['', '张三', '男', '1980-01-01', 'h1', '02'], headers));
    expect(bad.ok).toBe(false);
    expect(bad).not.toHaveProperty('aside');
  });
});
