import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGraphSchema } from '../../../platform/schema/graph-schema.js';
import { InvalidMapping } from '../../../loaders/core/errors.js';
import { loadMappings, MAPPINGS_DIR, globToRegExp, mappingByHeaders, mappingsByName } from '../../../loaders/core/mapping/registry.js';
import { parseMapping } from '../../../loaders/core/mapping/validate.js';

const schema = loadGraphSchema();
const base = `
id: t
title: { zh: 测试, en: Test }
format: { type: csv }
columns:
  idNo: { headers: [身份证号], normalise: idNo, required: true }
  name: { headers: [姓名] }
  birth: { headers: [出生日期], normalise: date }
nodes:
  person: { label: Person, key: idNo, props: { name: name } }
`;
const refusal = (yaml: string) => {
  try {
    parseMapping(yaml, schema, 't.yaml');
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidMapping);
    return (e as InvalidMapping).reason;
  }
  throw new Error('mapping was accepted');
};

describe('mapping validation against graph.yaml', () => {
  it('accepts every shipped mapping, in dependency order', () => {
    const ids = loadMappings().map((m) => m.id);
    const core = ['hukou', 'marriage', 'cadre', 'company', 'shareholder', 'officer', 'tender', 'bid', 'award'];
    expect(ids.filter((id) => core.includes(id))).toEqual(core);
    // The integrity and welfare sources refer to people and units, so they load after the register.
    for (const id of ['death', 'party', 'payroll', 'welfare', 'police', 'sanction', 'insurance'])
      expect(ids.indexOf(id), id).toBeGreaterThan(ids.indexOf('hukou'));
  });
  it('refuses split on two columns, or on a join', () => {
    expect(
      refusal(
        base
          .replace('  name: { headers: [姓名] }', '  name: { headers: [姓名], split: true }')
          .replace('required: true }', 'required: true, split: true }'),
      ),
    ).toMatch(/only one column may be split \(idNo, name are\)/);
    expect(refusal(base.replace('  name: { headers: [姓名] }', '  name: { join: [idNo, birth], split: true }'))).toMatch(
      /a join column cannot be split/,
    );
  });
  it('refuses a replace rule that is not a regular expression, and keeps one that is', () => {
    expect(
      refusal(
        base.replace('  name: { headers: [姓名] }', "  name: { headers: [姓名], normalise: { type: text, replace: [['(村', '']] } }"),
      ),
    ).toMatch(/not a regular expression/);
    // A function, not a string, as the replacement: a string's $' means something to String.replace.
    const m = parseMapping(
      base.replace(
        '  name: { headers: [姓名] }',
        () => "  name: { headers: [姓名], normalise: { type: text, replace: [['村民委员会$', '村']] } }",
      ),
      schema,
    );
    expect(m.columns.name!.normalise).toEqual({ type: 'text', opts: { replace: [['村民委员会$', '村']] } });
  });
  it('refuses fillDown on a join, which has no cell of its own to fill', () => {
    expect(refusal(base.replace('  name: { headers: [姓名] }', '  name: { join: [idNo, birth], fillDown: true }'))).toMatch(
      /a join column cannot be filled down/,
    );
  });
  it('accepts a minimal mapping and fills defaults', () => {
    const m = parseMapping(base, schema);
    expect(m.order).toBe(100);
    expect(m.columns.name!.normalise).toEqual({ type: 'text', opts: {} });
    expect(m.match.headers).toEqual(['idNo']);
    expect(m.nodes[0]).toMatchObject({ keyProp: 'idNo', mode: 'set', mustExist: false });
  });
  it('refuses a mapping naming an unknown property', () => {
    expect(refusal(base.replace('props: { name: name }', 'props: { nickname: name }'))).toMatch(/Person has no property "nickname"/);
  });
  it('refuses an unknown label', () => {
    expect(refusal(base.replace('label: Person', 'label: Citizen'))).toMatch(/unknown label "Citizen"/);
  });
  it('refuses a label that is not a safe identifier even if crafted into the YAML', () => {
    expect(refusal(base.replace('label: Person', 'label: "Person) DETACH DELETE (x"'))).toMatch(/unknown label/);
  });
  it('refuses an unknown relationship type and wrong endpoints', () => {
    const withRel = (r: string) => `${base}  org: { label: Org, key: name }\nrelationships:\n  - ${r}\n`;
    expect(refusal(withRel('{ type: LIKES, from: person, to: org }'))).toMatch(/unknown relationship type "LIKES"/);
    expect(refusal(withRel('{ type: HOLDS_POST, from: org, to: person }'))).toMatch(/may not start at Org/);
    expect(refusal(withRel('{ type: HOLDS_POST, from: person, to: nobody }'))).toMatch(/unknown node ref "nobody"/);
  });
  it('refuses a property bound to a column of the wrong type', () => {
    expect(refusal(base.replace('props: { name: name }', 'props: { name: birth }'))).toMatch(/yields date but Person.name is string/);
  });
  it('refuses an unknown column, normaliser or top-level key', () => {
    expect(refusal(base.replace('props: { name: name }', 'props: { name: nom }'))).toMatch(/unknown column "nom"/);
    expect(refusal(base.replace('normalise: date', 'normalise: fuzzyDate'))).toMatch(/unknown normaliser "fuzzyDate"/);
    expect(refusal(`${base}colums: {}\n`)).toMatch(/unknown key "colums"/);
  });
  it('refuses an unknown nested key, naming it and its path', () => {
    expect(refusal(base.replace('key: idNo, props', 'key: idNo, mod: fill, props'))).toMatch(/nodes\.person: unknown key "mod"/);
    expect(refusal(base.replace('normalise: date', 'normalise: { type: date, format: ymd }'))).toMatch(
      /columns\.birth\.normalise: unknown key "format"/,
    );
  });
  it('ignores the editor modeline, in the digest too (adding it is not a new load run)', () => {
    const withModeline = parseMapping(`# yaml-language-server: $schema=../../schemas/mapping.schema.json\n${base}`, schema);
    expect(withModeline).toEqual(parseMapping(base, schema));
  });
  it('refuses an identifying property that may be empty', () => {
    const y = `${base}  org: { label: Org, key: name }\nrelationships:\n  - { type: HOLDS_POST, from: person, to: org, identity: [from], props: { from: birth } }\n`;
    expect(refusal(y)).toMatch(/must come from a required column/);
  });
  it('refuses writing the loader-owned labels', () => {
    expect(refusal(base.replace('label: Person', 'label: LoadRun'))).toMatch(/written by the loader/);
  });
});

describe('recognising a file', () => {
  const mappings = loadMappings();
  it('matches file-name patterns, full-width or not', () => {
    expect(mappingsByName(mappings, '/data/户籍人口.csv').map((m) => m.id)).toEqual(['hukou']);
    expect(mappingsByName(mappings, '2024年中标结果.csv').map((m) => m.id)).toEqual(['award']);
    expect(globToRegExp('a*.csv').test('A1.CSV')).toBe(true);
  });
  it('matches a header signature through aliases', () => {
    expect(mappingByHeaders(mappings, ['身份证号码', '姓名', '户号', '与户主关系'])?.id).toBe('hukou');
    expect(mappingByHeaders(mappings, ['项目编号', '中标人', '中标人信用代码', '中标金额'])?.id).toBe('award');
    expect(mappingByHeaders(mappings, ['foo', 'bar'])).toBeUndefined();
  });
  it('every shipped mapping names a file in docs/sources.md', () => {
    const doc = readFileSync(path.join(MAPPINGS_DIR, '..', '..', 'docs', 'sources.md'), 'utf8');
    for (const m of mappings) expect(doc).toContain(`\`${m.id}\``);
  });
});
