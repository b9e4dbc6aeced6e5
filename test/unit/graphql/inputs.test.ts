import { describe, expect, it } from 'vitest';
import { clampLimit, labelsOf, link, maxHops, relPattern, relTypes } from '../../../server/graphql/inputs.js';
import { loadGraphSchema } from '../../../platform/schema/graph-schema.js';

const schema = loadGraphSchema();
const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { extensions?: { code?: string } }).extensions?.code;
  }
  return undefined;
};

describe('input validation', () => {
  it('clamps limits and uses the default when absent', () => {
    expect(clampLimit(undefined, 50, 1, 500)).toBe(50);
    expect(clampLimit(null, 50, 1, 500)).toBe(50);
    expect(clampLimit(0, 50, 1, 500)).toBe(1);
    expect(clampLimit(-3, 50, 1, 500)).toBe(1);
    expect(clampLimit(10_000, 50, 1, 500)).toBe(500);
    expect(code(() => clampLimit(2.5, 50, 1, 500))).toBe('BAD_INPUT');
  });

  it('accepts relationship types from graph.yaml and refuses others', () => {
    expect(relTypes(schema, ['KIN', 'HOLDS_POST', 'KIN'])).toEqual(['KIN', 'HOLDS_POST']);
    expect(relTypes(schema, [])).toBeNull();
    expect(relTypes(schema, null)).toBeNull();
    for (const bad of ['kin', 'KNOWS', 'KIN|WON', 'KIN]-(x) DETACH DELETE x //', 'toString', '__proto__']) {
      expect(
        code(() => relTypes(schema, [bad])),
        bad,
      ).toBe('BAD_INPUT');
    }
  });

  it('accepts labels from graph.yaml and refuses others, Entity included', () => {
    expect(labelsOf(schema, ['Person'])).toEqual(['Person']);
    for (const bad of ['Entity', 'person', 'Person:Org', 'constructor'])
      expect(
        code(() => labelsOf(schema, [bad])),
        bad,
      ).toBe('BAD_INPUT');
  });

  it('accepts maxHops 1..6 only, as an integer', () => {
    expect(maxHops(undefined)).toBe(4);
    expect(maxHops(1)).toBe(1);
    expect(maxHops(6)).toBe(6);
    for (const bad of [0, 7, -1, 2.5, Number.NaN, Infinity])
      expect(
        code(() => maxHops(bad)),
        String(bad),
      ).toBe('BAD_INPUT');
  });

  it('builds relationship patterns only from validated parts', () => {
    expect(link('OUT', relPattern('r', ['KIN', 'WON']))).toBe('-[r:KIN|WON]->');
    expect(link('IN', relPattern('r', null))).toBe('<-[r]-');
    expect(link('BOTH', relPattern('', ['KIN'], '*..3'))).toBe('-[:KIN*..3]-');
  });
});
