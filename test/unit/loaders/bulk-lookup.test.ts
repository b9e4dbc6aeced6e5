// The bulk path's name index (collect.ts SpilledGraph.lookup): what a name finds follows the node rows as the
// online MERGE would leave the graph. A set row renames, and the old name no longer finds the node; a fill
// row names only a node without a name; two nodes of one name are both returned, so the row is refused.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SpilledGraph } from '../../../loaders/bulk/collect.js';
import { loadMappings, parseMapping } from '../../../loaders/index.js';
import type { Mapping } from '../../../loaders/core/mapping/types.js';
import type { NodeRow } from '../../../loaders/core/writer/group.js';
import { loadGraphSchema } from '../../../platform/schema/graph-schema.js';

const schema = loadGraphSchema();
const unit = loadMappings({ schema }).find((m) => m.id === 'unit')!;
const roster = parseMapping(
  `id: by-name
title: { zh: 按名称, en: By name }
match: { headers: [idNo, unitName] }
format: { type: csv }
columns:
  idNo: { headers: [身份证号], normalise: idNo, required: true }
  unitName: { headers: [工作单位], required: true }
nodes:
  person: { label: Person, key: idNo }
  org: { label: Org, key: unitName, lookup: name }
relationships:
  - { type: HOLDS_POST, from: person, to: org }
`,
  schema,
);
const dir = mkdtempSync(path.join(tmpdir(), 'huiyan-bulk-lookup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** One batch of Org rows through the spec at `specIndex` of the unit mapping (0: the unit, set; 1: the parent, fill). */
function orgs(g: SpilledGraph, m: Mapping, specIndex: number, rows: [string, string][]) {
  const nodes: (NodeRow[] | undefined)[] = m.nodes.map(() => []);
  nodes[specIndex] = rows.map(([key, name], i) => ({ key, uid: `Org:${key}`, row: i + 1, p: { name } }));
  g.add(m, { nodes, rels: m.relationships.map(() => []) }, { source: m.id, file: 'f', run: 'r' });
}

describe('the bulk path finding a unit by its name', () => {
  const g = new SpilledGraph(path.join(dir, 'runs'), [unit, roster]);
  it('finds the one unit of a name, and both of a name two units share', () => {
    orgs(g, unit, 0, [
      ['A001', '测试县民政局'],
      ['T001', '党政办公室'],
      ['T002', '党政办公室'],
    ]);
    expect(g.lookup('Org', 'name', '测试县民政局')).toEqual(['A001']);
    expect(g.lookup('Org', 'name', '党政办公室')).toEqual(['T001', 'T002']);
    expect(g.lookup('Org', 'name', '测试县交通运输局')).toEqual([]);
  });
  it('follows a rename by a set row, and leaves a named unit to a fill row', () => {
    orgs(g, unit, 0, [['T002', '某镇党政办公室']]);
    expect(g.lookup('Org', 'name', '党政办公室')).toEqual(['T001']);
    expect(g.lookup('Org', 'name', '某镇党政办公室')).toEqual(['T002']);
    // The parent spec fills: it names a unit that has no name yet, and renames none.
    orgs(g, unit, 1, [
      ['A001', '民政局'],
      ['G001', '测试县人民政府'],
    ]);
    expect(g.lookup('Org', 'name', '民政局')).toEqual([]);
    expect(g.lookup('Org', 'name', '测试县民政局')).toEqual(['A001']);
    expect(g.lookup('Org', 'name', '测试县人民政府')).toEqual(['G001']);
  });
  it('drops the index when reading ends', () => {
    g.doneReading();
    expect(g.lookup('Org', 'name', '测试县民政局')).toEqual([]);
    g.store.remove();
  });
});
