import { describe, expect, it } from 'vitest';
import { InvalidModel, referencedParams } from '../../../server/models/header.js';
import { loadLibrary, parseModel } from '../../../server/models/library.js';
import { renderSummary } from '../../../server/models/render.js';
import { resolveParams } from '../../../server/models/params.js';

const header = (extra = '', body = 'MATCH (n:Person) WHERE n.name = $name RETURN n.uid AS who, [] AS evidence') => `// ---
// id: test.sample
// revision: 2
// title: { zh: 样例, en: Sample }
// description: a sample
// severity: medium
// parameters:
//   name: { type: string, default: 张三, description: who }
// identity: [who]
// subjects: [{ column: who, role: person }]
// evidence: evidence
// summary: { zh: "{who}", en: "{who}" }
${extra}// ---
${body}
`;

describe('model header', () => {
  it('parses a well-formed model', () => {
    const m = parseModel(header(), 'x.cypher', 'test');
    expect(m).toMatchObject({ id: 'test.sample', revision: 2, severity: 'medium', identity: ['who'], domain: 'test' });
    expect(m.parameters).toEqual([{ name: 'name', type: 'string', default: '张三', description: 'who' }]);
  });

  it('refuses an unknown header key, naming it', () => {
    expect(() => parseModel(header('// colour: red\n'), 'x.cypher', 'test')).toThrow(/unknown header key\(s\): colour/);
  });

  it('refuses an unknown key inside a parameter, naming it and its path', () => {
    const text = header().replace('description: who }', 'description: who, min: 1 }');
    expect(() => parseModel(text, 'x.cypher', 'test')).toThrow(/x\.cypher: parameters\.name: unknown key "min"/);
  });

  it('refuses a query parameter the header does not declare', () => {
    const body = 'MATCH (n) WHERE n.name = $name AND n.age > $age RETURN n.uid AS who, [] AS evidence';
    expect(() => parseModel(header('', body), 'x.cypher', 'test')).toThrow(/not declared in the header: \$age/);
  });

  it('refuses a declared parameter the query never uses', () => {
    expect(() => parseModel(header('', 'MATCH (n) RETURN n.uid AS who, [] AS evidence'), 'x.cypher', 'test')).toThrow(/never uses: name/);
  });

  it('refuses a default that does not match the declared type', () => {
    const text = header().replace('{ type: string, default: 张三', '{ type: integer, default: 张三');
    expect(() => parseModel(text, 'x.cypher', 'test')).toThrow(InvalidModel);
  });

  it('refuses a file without the opening header marker', () => {
    expect(() => parseModel('MATCH (n) RETURN n', 'x.cypher', 'test')).toThrow(/must start with a `\/\/ ---` line/);
  });

  it('ignores $words inside strings and comments when matching parameters', () => {
    expect([...referencedParams("RETURN '$notParam' AS a // $nor\nWITH $real AS r")]).toEqual(['real']);
  });
});

describe('parameters for a run', () => {
  const m = parseModel(header(), 'x.cypher', 'test');
  it('refuses an override the model does not declare', () => {
    expect(() => resolveParams(m, { other: 1 })).toThrow(/has no parameter other/);
  });
  it('refuses an override of the wrong type', () => {
    expect(() => resolveParams(m, { name: 5 })).toThrow(/must be a string/);
  });
  it('takes a list of calendar days and refuses a day the calendar lacks', () => {
    const cal = parseModel(
      header().replace(
        'name: { type: string, default: 张三, description: who }',
        "name: { type: 'date[]', default: [], description: days off }",
      ),
      'x.cypher',
      'test',
    );
    expect(resolveParams(cal, { name: ['2024-02-29', '2024-10-01'] })).toEqual({ name: ['2024-02-29', '2024-10-01'] });
    expect(() => resolveParams(cal, { name: ['2023-02-29'] })).toThrow(/must be a date\[\]/);
    expect(() => resolveParams(cal, { name: ['2024-13-01'] })).toThrow(/must be a date\[\]/);
    expect(() => resolveParams(cal, { name: ['2024/10/01'] })).toThrow(/must be a date\[\]/);
  });
});

describe('summary rendering', () => {
  it('fills placeholders from the row and formats amounts with grouping', () => {
    expect(renderSummary('{who}中标{amount}元', { who: '甲公司', amount: 1234567.5 }, 'zh')).toBe('甲公司中标1,234,567.50元');
  });
  it('leaves an unknown placeholder visible', () => {
    expect(renderSummary('{nobody}', {}, 'en')).toBe('{nobody}');
  });
});

describe('the built-in library', () => {
  it('loads every model with a unique id and refuses none', () => {
    const lib = loadLibrary();
    expect(lib.refused).toEqual([]);
    expect(lib.models.length).toBeGreaterThan(0);
    expect(new Set(lib.models.map((m) => m.id)).size).toBe(lib.models.length);
    expect(lib.get('procurement.kin-of-official-at-winning-bidder')?.catalog).toBe('M03');
  });
});

describe('model schedule', () => {
  it('reads an interval in minutes, hours or days', () => {
    const m = parseModel(header('// schedule: 6h\n'), 'x.cypher', 'test');
    expect(m.scheduleMs).toBe(6 * 3_600_000);
  });
  it('refuses an interval it cannot read', () => {
    expect(() => parseModel(header('// schedule: sometimes\n'), 'x.cypher', 'test')).toThrow(/schedule must be an interval/);
  });
});
