// The parts of the jurisdiction rules that need no database: whole-county callers cost nothing, two
// jurisdictions meet along the hierarchy only, and the site's policy is read strictly.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../platform/config.js';
import { loadGraphSchema } from '../../../platform/schema/graph-schema.js';
import { alertInScope, entityInScope, jurisdictionsMeet, orgLinks } from '../../../server/access/jurisdiction.js';

describe('jurisdiction predicates', () => {
  it('are the constant true for a whole-county scope, with no parameter and no subquery', () => {
    expect(alertInScope({ all: true })).toEqual({ cypher: 'true', params: {} });
    expect(entityInScope({ all: true })).toEqual({ cypher: 'true', params: {} });
  });

  it('read the subtree as a parameter, never as text', () => {
    const p = alertInScope({ all: false, orgs: ["Org:x' OR 1=1"], links: ['HOLDS_POST'] }, 'a');
    expect(p.params).toEqual({ jurOrgs: ["Org:x' OR 1=1"] });
    expect(p.cypher).not.toContain('1=1');
    expect(p.cypher).toContain('(a)-[:FLAGS]->');
  });

  it('walk one hop from a subject only along the types that reach a unit, neither FLAGS nor PART_OF', () => {
    const links = orgLinks(loadGraphSchema());
    expect(links).toEqual(expect.arrayContaining(['HOLDS_POST', 'ON_PAYROLL', 'INSURED_BY', 'TENDERED', 'AWARDED', 'REGULATES']));
    expect(links).not.toContain('FLAGS');
    expect(links).not.toContain('PART_OF');
    expect(links).not.toContain('KIN');
    expect(links).not.toContain('RECEIVED');
    // An entity next to a unit is inside it, the unit above included.
    expect(entityInScope({ all: false, orgs: [], links }).cypher).toContain('|PART_OF]');
  });
});

describe('jurisdictionsMeet', () => {
  // county ← township A ← village A1; county ← township B
  const above = new Map([
    ['Org:C', new Set(['Org:C'])],
    ['Org:A', new Set(['Org:A', 'Org:C'])],
    ['Org:A1', new Set(['Org:A1', 'Org:A', 'Org:C'])],
    ['Org:B', new Set(['Org:B', 'Org:C'])],
  ]);
  const units = (...u: string[]) => ({ all: false as const, units: u });

  it('meets along a branch, either way, and not across branches', () => {
    expect(jurisdictionsMeet(units('Org:A'), units('Org:A1'), above)).toBe(true);
    expect(jurisdictionsMeet(units('Org:A1'), units('Org:A'), above)).toBe(true);
    expect(jurisdictionsMeet(units('Org:C'), units('Org:B'), above)).toBe(true);
    expect(jurisdictionsMeet(units('Org:A1'), units('Org:B'), above)).toBe(false);
    expect(jurisdictionsMeet(units('Org:A'), units('Org:B'), above)).toBe(false);
  });

  it('meets everything from *, and on any shared unit of several', () => {
    expect(jurisdictionsMeet({ all: true }, units('Org:B'), above)).toBe(true);
    expect(jurisdictionsMeet(units('Org:A'), { all: true }, above)).toBe(true);
    expect(jurisdictionsMeet(units('Org:A1', 'Org:B'), units('Org:B'), above)).toBe(true);
    expect(jurisdictionsMeet(units(), units('Org:B'), above)).toBe(false);
  });
});

describe('HUIYAN_OUTSIDE_JURISDICTION', () => {
  it('defaults to reason, takes refuse, and refuses anything else', () => {
    expect(loadConfig({}).outsideJurisdiction).toBe('reason');
    expect(loadConfig({ HUIYAN_OUTSIDE_JURISDICTION: 'refuse' }).outsideJurisdiction).toBe('refuse');
    expect(() => loadConfig({ HUIYAN_OUTSIDE_JURISDICTION: 'allow' })).toThrow(/reason or refuse/);
  });
});
