// Every entity and relationship of a graph with its properties, in a stable order: two loads that give the
// same graph give equal snapshots.
import { expect } from 'vitest';
import type { Executor } from '../../platform/db/executor.js';

export interface GraphSnapshot {
  nodes: string[];
  rels: string[];
}

/** `provenance: false` leaves out what says which file and row wrote a value (_file, _row, _run, …). */
export async function graphSnapshot(db: Executor, opts: { provenance?: boolean } = {}): Promise<GraphSnapshot> {
  const { rows: nodes } = await db.read<{ l: string[]; p: Record<string, unknown> }>(
    'MATCH (n:Entity) RETURN labels(n) AS l, properties(n) AS p',
  );
  const { rows: rels } = await db.read<{ a: string; t: string; b: string; p: Record<string, unknown> }>(
    'MATCH (a:Entity)-[r]->(b:Entity) RETURN a.uid AS a, type(r) AS t, b.uid AS b, properties(r) AS p',
  );
  const kept = ([k]: [string, unknown]) => opts.provenance !== false || !k.startsWith('_');
  const stable = (x: unknown) =>
    JSON.stringify(x, (_k, v: unknown) =>
      v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).filter(kept).sort()) : v,
    );
  return { nodes: nodes.map((n) => stable({ ...n, l: [...n.l].sort() })).sort(), rels: rels.map(stable).sort() };
}

/** The two graphs hold the same nodes and relationships with the same properties (counts first: a clearer failure). */
export async function expectSameGraph(expected: Executor, actual: Executor): Promise<void> {
  const a = await graphSnapshot(expected);
  const b = await graphSnapshot(actual);
  expect(b.nodes.length).toBe(a.nodes.length);
  expect(b.rels.length).toBe(a.rels.length);
  expect(b.nodes).toEqual(a.nodes);
  expect(b.rels).toEqual(a.rels);
}
