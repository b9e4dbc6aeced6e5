import { describe, expect, it } from 'vitest';
import { loadGraphSchema } from '../../../platform/schema/graph-schema.js';
import { mergeStatements, undoStatements } from '../../../server/resolution/merge.js';

const schema = loadGraphSchema();
const plan = (types: string[]) => ({ label: 'Person', keep: 'Person:a', absorbed: 'Person:b', merge: 'm1', types });

describe('the Cypher of a merge', () => {
  it('moves only the types graph.yaml declares for the label, both directions, then retires the node', () => {
    const s = mergeStatements(schema, plan(['MEMBER_OF', 'LEGAL_REP_OF', 'WON', 'X`]->() DETACH DELETE n //']));
    const moved = s.slice(0, -1).map((x) => /-\[r:(\w+)\]/.exec(x.cypher)?.[1]);
    // WON has no Person end; the last is not a type at all and is never spliced into a query.
    expect(moved).toEqual(['MEMBER_OF', 'MEMBER_OF', 'LEGAL_REP_OF', 'LEGAL_REP_OF']);
    expect(s.at(-1)!.cypher).toContain('SET old:MergedRecord');
    expect(s.every((x) => x.params?.merge === 'm1' && x.params.old === 'Person:b')).toBe(true);
  });

  it('undoes by giving the labels back first, then moving exactly the marked relationships', () => {
    const s = undoStatements(schema, plan(['MEMBER_OF']));
    expect(s[0]!.cypher).toContain('REMOVE old:MergedRecord');
    expect(s.slice(1).every((x) => x.cypher.includes('{_merge: $merge, _movedFrom: $old}'))).toBe(true);
  });

  it('refuses a label graph.yaml does not have', () => {
    expect(() => mergeStatements(schema, { ...plan([]), label: 'Person:Entity' })).toThrow(/not a graph.yaml label/);
  });
});
