// The query cost limit (server/graphql/cost.ts): lists multiply their children, the reproduction
// is far over the limit, and every operation the explorer sends, with the page sizes it sends, is under it.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { costOf, DEFAULT_MAX_COST, STATEMENT } from '../../../server/graphql/cost.js';
import { buildSchema } from '../../../server/graphql/schema.js';
import { PREAWARD_OPERATIONS } from '../../../web/src/api/preaward-queries.js';
import { EXPAND_LIMIT, INBOX_PAGE, OPERATIONS } from '../../../web/src/api/queries.js';
import { dummyVariable } from './dummy-operations.js';

// The schema holds Node's copy of graphql (through @graphql-tools); parse with that copy, not Vite's.
const { getIntrospectionQuery, parse } = createRequire(import.meta.url)('graphql') as typeof import('graphql');
const schema = buildSchema();
const cost = (q: string, vars: Record<string, unknown> = {}) => costOf(schema, parse(q), vars);

const ALERT_SELECTION = `
  evidence { nodes { id degree } edges { id } }
  history { id actor }
  subjects { role entity { id degree } }`;
const page = (first: number, alias = 'a') => `${alias}: alerts(first: ${first}) { edges { node { id ${ALERT_SELECTION} } } }`;

describe('query cost', () => {
  it('multiplies an alert page by its size: 100 alerts cost 100 times one', () => {
    const one = cost(`{ ${page(1)} }`)!;
    const hundred = cost(`{ ${page(100)} }`)!;
    const own = STATEMENT * 2;
    expect(one).toBeGreaterThan(own);
    expect(hundred - own).toBe(100 * (one - own));
  });

  it('clamps a size as the resolver does: first: 10000 costs what first: 100 costs', () => {
    expect(cost(`{ ${page(10_000)} }`)).toBe(cost(`{ ${page(100)} }`));
  });

  it('reads sizes from variables and from the schema default', () => {
    const body = (n: string) => `alerts(first: ${n}) { edges { node { id evidence { nodes { id } } } } }`;
    const q = `query($n: Int) { ${body('$n')} }`;
    expect(cost(q, { n: 100 })).toBe(cost(`{ ${body('100')} }`));
    // alerts' SDL default is 20.
    expect(cost(q, {})).toBe(cost(`{ ${body('20')} }`));
    expect(cost(q, { n: 100 })).toBeGreaterThan(cost(q, {})!);
  });

  it('counts fragments and aliases each time they are used, and skips what @skip leaves out', () => {
    const frag = `fragment A on Alert { id ${ALERT_SELECTION} }`;
    const once = cost(`{ alerts(first: 5) { edges { node { ...A } } } } ${frag}`)!;
    const twice = cost(`{ x: alerts(first: 5) { edges { node { ...A } } } y: alerts(first: 5) { edges { node { ...A } } } } ${frag}`)!;
    expect(twice).toBe(2 * once);
    expect(cost(`{ x: alerts(first: 5) { edges { node { ...A } } } y: alerts(first: 5) @skip(if: true) { totalCount } } ${frag}`)).toBe(
      once,
    );
  });

  it("refuses the issue's reproduction: 15 aliases of 100 alerts with evidence, history and degrees", () => {
    const q = `{ ${Array.from({ length: 15 }, (_, i) => page(100, `a${i}`)).join('\n')} }`;
    expect(cost(q)).toBeGreaterThan(DEFAULT_MAX_COST * 10);
    // One page of 100 alerts with evidence is already over the limit; 20 of them is not.
    expect(cost(`{ ${page(100)} }`)).toBeGreaterThan(DEFAULT_MAX_COST);
    expect(cost(`{ ${page(20)} }`)).toBeLessThan(DEFAULT_MAX_COST);
  });

  it('bounds a list field the table does not know', () => {
    // Query.models has no size argument: a typical size, never zero.
    expect(cost('{ models { id stats { alerts } } }')).toBeGreaterThan(STATEMENT * 10);
  });

  it("counts GraphiQL's introspection query as nothing: it is answered from memory", () => {
    expect(cost(getIntrospectionQuery())).toBe(0);
    expect(cost(`{ __schema { types { name } } ${page(1)} }`)).toBe(cost(`{ ${page(1)} }`));
  });

  it('leaves variables that do not fit to execute, which refuses them', () => {
    expect(cost('query($n: Int) { alerts(first: $n) { totalCount } }', { n: 'many' })).toBeUndefined();
  });
});

/** What the explorer sends: its page sizes by name, dummies of the right type for the rest. */
const REALISTIC: Record<string, unknown> = { first: INBOX_PAGE, limit: EXPAND_LIMIT, lang: 'zh', q: '张' };

describe('explorer operations under the cost limit', () => {
  it.each(Object.entries({ ...OPERATIONS, ...PREAWARD_OPERATIONS }))('%s', (name, doc) => {
    const document = parse(doc);
    const op = document.definitions.find((d) => d.kind === 'OperationDefinition' && d.name?.value === name);
    if (!op || op.kind !== 'OperationDefinition') throw new Error(`${name} has no operation of that name`);
    const variables = Object.fromEntries(
      (op.variableDefinitions ?? []).map((v) => [v.variable.name.value, REALISTIC[v.variable.name.value] ?? dummyVariable(v.type, schema)]),
    );
    const c = costOf(schema, document, variables, name);
    expect(c).toBeGreaterThan(0);
    // Well under: a handler clicking around never meets the limit, and the explorer may grow a little.
    expect(c).toBeLessThan(DEFAULT_MAX_COST / 2);
  });
});
