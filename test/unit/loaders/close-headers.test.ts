// A column the mapping finds no header for is shown beside the file's unread headers that look like its
// aliases (loaders/core/close-headers.ts), so the person adapting a mapping sees which alias to add.
import { describe, expect, it } from 'vitest';
import { columnReport } from '../../../loaders/core/column-report.js';
import { MissingColumns } from '../../../loaders/core/errors.js';
import { loadMappings } from '../../../loaders/core/mapping/registry.js';
import { parseMapping } from '../../../loaders/core/mapping/validate.js';
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

describe('the column report of a mapping keyed by joined columns', () => {
  const schema = loadGraphSchema();
  const pension = parseMapping(
    `id: pension-test
title: { zh: 养老金, en: Pensions }
match: { files: ['养老金*.csv'] }
format: { type: csv }
columns:
  scheme: { headers: [险种类型], required: true }
  item: { headers: [待遇项目], required: true }
  programCode: { join: [scheme, item] }
  idNo: { headers: [社会保障号码], normalise: idNo, required: true }
nodes:
  person: { label: Person, key: idNo, mode: fill }
  program: { label: Program, key: programCode }
relationships:
  - { type: RECEIVED, from: person, to: program }
`,
    schema,
    'pension-test.yaml',
  );

  it('builds the relationship whose node is keyed by a join when every joined column has a header', () => {
    const headers = ['险种类型', '待遇项目', '社会保障号码'];
    const report = columnReport(pension, headers, bindColumns(pension, headers, '养老金.csv'));
    expect(report.unbuilt).toEqual([]);
    // A join has no header of its own to miss.
    expect(report.missingOptional).toEqual([]);
  });
});
