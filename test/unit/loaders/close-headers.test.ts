// A column the mapping finds no header for is shown beside the file's unread headers that look like its
// aliases (loaders/core/close-headers.ts), so the person adapting a mapping sees which alias to add.
import { describe, expect, it } from 'vitest';
import { columnReport } from '../../../loaders/core/column-report.js';
import { MissingColumns } from '../../../loaders/core/errors.js';
import { loadMappings } from '../../../loaders/core/mapping/registry.js';
import { bindColumns } from '../../../loaders/core/transform.js';
import { loadGraphSchema } from '../../../platform/schema/graph-schema.js';

const hukou = loadMappings({ schema: loadGraphSchema() }).find((m) => m.id === 'hukou')!;

describe('headers that look like a missing column', () => {
  it('are named in the refusal of a file that lacks required columns', () => {
    const headers = ['身份证件号码', '姓名', '户编号', '与户主关系'];
    let e: unknown;
    try {
      bindColumns(hukou, headers, '户籍.csv');
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(MissingColumns);
    expect((e as MissingColumns).close).toEqual(['公民身份号码 (idNo) ≈ 身份证件号码', '户号 (hhNo) ≈ 户编号']);
    expect((e as MissingColumns).message).toContain(
      "the file has headers like them (add one to the column's headers): 公民身份号码 (idNo) ≈ 身份证件号码",
    );
  });

  it('are listed for optional columns in the report, never a header a column already reads, nor one sharing a single character', () => {
    const headers = ['公民身份号码', '姓名', '户号', '与户主关系', '出生年月', '户籍详细地址', '名称备注'];
    const bound = bindColumns(hukou, headers, '户籍.csv');
    const report = columnReport(hukou, headers, bound);
    expect(report.close).toEqual(['出生日期 (birthDate) ≈ 出生年月', '住址 (address) ≈ 户籍详细地址']);
  });

  it('are none when nothing looks alike', () => {
    const headers = ['公民身份号码', '姓名', '户号', '与户主关系', '备注'];
    expect(columnReport(hukou, headers, bindColumns(hukou, headers, '户籍.csv')).close).toEqual([]);
  });
});
