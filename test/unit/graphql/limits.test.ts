import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { maxAliasesRule, maxDepthRule, noIntrospectionForbidden, noIntrospectionUnauthenticated } from '../../../server/graphql/limits.js';

const schema = buildSchema(`
  type Node { id: ID! child: Node }
  type Query { node: Node }
`);
const errors = (q: string, rule: ReturnType<typeof maxDepthRule>) => validate(schema, parse(q), [rule]).map((e) => e.message);

describe('depth limit', () => {
  it('counts nested fields and allows up to the limit', () => {
    expect(errors('{ node { child { id } } }', maxDepthRule(3))).toEqual([]);
    expect(errors('{ node { child { child { id } } } }', maxDepthRule(3))).toEqual(['Query depth 4 exceeds the limit of 3']);
  });

  it('follows fragments and inline fragments', () => {
    const q = `{ node { ...A } } fragment A on Node { child { ... on Node { child { id } } } }`;
    expect(errors(q, maxDepthRule(3))).toEqual(['Query depth 4 exceeds the limit of 3']);
  });

  it('does not loop on a fragment cycle (another rule reports it)', () => {
    const q = `{ node { ...A } } fragment A on Node { child { ...B } } fragment B on Node { child { ...A } }`;
    expect(errors(q, maxDepthRule(10))).toEqual([]);
  });

  it('ignores introspection fields, which are deep by nature', () => {
    expect(errors('{ __schema { types { fields { type { ofType { ofType { name } } } } } } }', maxDepthRule(2))).toEqual([]);
  });
});

describe('alias limit', () => {
  it('counts aliases, fragments each time they are spread', () => {
    expect(errors('{ a: node { id } b: node { id } }', maxAliasesRule(2))).toEqual([]);
    const q = `{ ...F ...F2 } fragment F on Query { a: node { x: id } } fragment F2 on Query { ...F }`;
    expect(errors(q, maxAliasesRule(3))).toEqual(['Query has 4 aliases; the limit is 3']);
  });
});

describe('introspection rules', () => {
  it.each([noIntrospectionForbidden, noIntrospectionUnauthenticated])('refuse __schema and __type but not __typename', (rule) => {
    expect(errors('{ __typename node { __typename id } }', rule)).toEqual([]);
    expect(errors('{ __schema { queryType { name } } }', rule)).toHaveLength(1);
    expect(errors('{ __type(name: "Node") { name } }', rule)).toHaveLength(1);
  });

  it('say whether signing in would help, and have names of their own (yoga caches validation by rule name)', () => {
    const code = (rule: typeof noIntrospectionForbidden) =>
      validate(schema, parse('{ __schema { queryType { name } } }'), [rule])[0]?.extensions.code;
    expect(code(noIntrospectionUnauthenticated)).toBe('UNAUTHENTICATED');
    expect(code(noIntrospectionForbidden)).toBe('FORBIDDEN');
    expect(noIntrospectionForbidden.name).not.toBe(noIntrospectionUnauthenticated.name);
  });
});
