// The layout worker's job (web/src/graph/layout-worker.ts) run headless in Node, as the worker runs it in
// the page: every node gets a finite position, nodes do not pile up, and edges with an end outside the job
// are left out before fcose sees them.
import { describe, expect, it } from 'vitest';
import { jobOf, type JobNode } from '../../../web/src/graph/layout-job.js';
import { runJob } from '../../../web/src/graph/layout-worker.js';

const nodes: JobNode[] = Array.from({ length: 12 }, (_, i) => ({ id: `n${i}`, w: 30, h: 30 }));
// Two rings of six joined by one edge.
const edges = [
  ...Array.from({ length: 6 }, (_, i) => ({ id: `a${i}`, source: `n${i}`, target: `n${(i + 1) % 6}` })),
  ...Array.from({ length: 6 }, (_, i) => ({ id: `b${i}`, source: `n${6 + i}`, target: `n${6 + ((i + 1) % 6)}` })),
  { id: 'bridge', source: 'n0', target: 'n6' },
];
const OPTIONS = { name: 'fcose' as const, quality: 'default' as const, randomize: true, idealEdgeLength: 90, nodeRepulsion: 6500 };

describe('layout worker', () => {
  it('drops edges whose ends are not both in the job', () => {
    const job = jobOf(nodes.slice(0, 6), edges, OPTIONS);
    expect(job.edges.map((e) => e.id)).toEqual(['a0', 'a1', 'a2', 'a3', 'a4', 'a5']);
  });

  it('places every node, apart from the others, with neighbours nearer than strangers', () => {
    const { positions } = runJob(jobOf(nodes, edges, OPTIONS));
    expect(Object.keys(positions).sort()).toEqual(nodes.map((n) => n.id).sort());
    const all = Object.values(positions);
    expect(all.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))).toBe(true);
    const d = (a: string, b: string) => Math.hypot(positions[a]!.x - positions[b]!.x, positions[a]!.y - positions[b]!.y);
    for (let i = 0; i < 12; i++) for (let j = i + 1; j < 12; j++) expect(d(`n${i}`, `n${j}`)).toBeGreaterThan(10);
    // A node of one ring is nearer its ring neighbour than the far side of the other ring.
    expect(d('n2', 'n3')).toBeLessThan(d('n2', 'n9'));
  });
});
