// Identifiers as data, found through the search API: a company loaded with its credit code, its pre-2015
// 工商注册号 and 组织机构代码 (as Identifier nodes) and its 曾用名 is found exactly by either old number,
// typed as people type them, and by a part of its former name.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFiles } from '../../../loaders/index.js';
import { regNoCheckDigit } from '../../../platform/identifiers/schemes.js';
import { orgCodeCheckChar } from '../../../platform/identifiers/uscc.js';
import { freshGraph } from '../../support/db.js';
import { uscc } from '../loaders/fixtures.js';
import { harnessOn, type Harness, type Loose } from './harness.js';

const MAPPING = `id: site-registry-history
title: { zh: 企业登记沿革, en: Company registration history }
match: { files: ['registry-history*.csv'] }
format: { type: csv, encoding: utf-8 }
columns:
  uscc: { headers: [credit_code], normalise: uscc, required: true }
  name: { headers: [name] }
  formerNames: { headers: [former_names] }
  regNo: { headers: [reg_no], normalise: { type: identifier, scheme: cn-regno } }
  regNoValue: { headers: [reg_no], normalise: { type: identifier, scheme: cn-regno, yields: value } }
  orgCode: { headers: [org_code], normalise: { type: identifier, scheme: cn-orgcode } }
  orgCodeValue: { headers: [org_code], normalise: { type: identifier, scheme: cn-orgcode, yields: value } }
nodes:
  company: { label: Company, key: uscc, props: { name: name, aliases: formerNames } }
  regNo: { label: Identifier, key: regNo, props: { scheme: { value: cn-regno }, value: regNoValue } }
  orgCode: { label: Identifier, key: orgCode, props: { scheme: { value: cn-orgcode }, value: orgCodeValue } }
relationships:
  - { type: HAS_ID, from: company, to: regNo }
  - { type: HAS_ID, from: company, to: orgCode }
`;
// A credit code carries the 组织机构代码 in positions 9-17, as GB 32100 builds it.
const ORG = `MA2J0000${orgCodeCheckChar('MA2J0000')}`;
const CODE = uscc(`91330106${ORG}`);
const REGNO = `33010600088888${regNoCheckDigit('33010600088888')}`;

let h: Harness;
beforeAll(async () => {
  const db = await freshGraph();
  const work = mkdtempSync(path.join(tmpdir(), 'huiyan-ids-'));
  mkdirSync(path.join(work, 'maps'));
  mkdirSync(path.join(work, 'data'));
  writeFileSync(path.join(work, 'maps', 'site-registry-history.yaml'), MAPPING);
  writeFileSync(
    path.join(work, 'data', 'registry-history.csv'),
    [
      'credit_code,name,former_names,reg_no,org_code',
      `${CODE},杭州恒远建设有限公司,杭州恒远土石方工程队；恒远建筑,${REGNO},${ORG.slice(0, 8)}-${ORG[8]}`,
    ].join('\n'),
  );
  const report = await loadFiles(db, [path.join(work, 'data')], {
    rejectsDir: path.join(work, 'rejects'),
    extraMappingsDirs: [path.join(work, 'maps')],
  });
  expect(report.files.map((f) => [f.rowsLoaded, f.rowsRejected])).toEqual([[1, 0]]);
  h = harnessOn(db);
});
afterAll(async () => {
  await h?.executor.close();
});

const SEARCH = `query($q: String!) { search(q: $q) { score entity { id caption label } } }`;
const found = async (q: string) => ((await h.gql(SEARCH, { q })).data?.search ?? []).map((x: Loose) => x.entity.id);

describe('search by identifiers as data', () => {
  it('finds the company exactly by its old 工商注册号 and by its 组织机构代码 written with the hyphen', async () => {
    expect(await found(REGNO)).toEqual([`Company:${CODE}`]);
    expect(await found(`${ORG.slice(0, 8)}-${ORG[8]}`)).toEqual([`Company:${CODE}`]);
  });

  it('finds the company by a part of a former name', async () => {
    expect(await found('土石方')).toContain(`Company:${CODE}`);
  });

  it('still finds nothing exact for a number no one holds, and falls back to full text', async () => {
    expect(await found('440301103097413')).toEqual([]);
  });
});
