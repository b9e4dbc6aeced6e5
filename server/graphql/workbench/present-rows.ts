// Rows of analyst-written Cypher made fit to return: nodes and relationships shown the way entity() shows
// them (sensitive properties hidden, masked ones cut down for roles that may not see them), ID numbers in
// free text masked likewise, and every node and relationship collected for the graph view. Each entity
// returned is told to `seen`, for the audit trail and the jurisdiction check.
import { hideIdNumbers } from '../../../platform/identifiers/id-number.js';
import { isPlainNode, isPlainPath, isPlainRel, type PlainNode, type PlainRel } from '../../../platform/db/values.js';
import { presentNode, presentRel, type PresentOptions } from '../entity/present.js';

export interface SandboxGraph {
  nodes: { id: string; label: string; caption: string }[];
  edges: { id: string; type: string; source: string; target: string }[];
}

export function presentRows(
  rows: Record<string, unknown>[],
  opts: PresentOptions,
): { table: Record<string, unknown>[]; graph: SandboxGraph } {
  const nodes = new Map<string, { id: string; label: string; caption: string }>();
  const uidOfElement = new Map<string, string>();
  const rels = new Map<string, PlainRel>();
  const node = (n: PlainNode) => {
    const view = presentNode(n, opts);
    uidOfElement.set(n.elementId, view.id);
    nodes.set(view.id, { id: view.id, label: view.label, caption: view.caption });
    return { id: view.id, label: view.label, caption: view.caption, properties: view.properties };
  };
  const rel = (r: PlainRel) => {
    rels.set(r.elementId, r);
    return { type: r.type, properties: r.properties, elementId: r.elementId };
  };
  const cell = (v: unknown): unknown => {
    if (isPlainNode(v)) return node(v);
    if (isPlainRel(v)) return rel(v);
    if (isPlainPath(v)) return { nodes: v.nodes.map(node), relationships: v.relationships.map(rel) };
    if (Array.isArray(v)) return v.map(cell);
    if (typeof v === 'string') return opts.showSensitive ? v : hideIdNumbers(v);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, cell(x)]));
    return v;
  };
  const table = rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, cell(v)])));
  // A relationship is drawn only when both its ends are in the result (its ends' uids are known).
  const edges = [...rels.values()].flatMap((r) => {
    const source = uidOfElement.get(r.startElementId);
    const target = uidOfElement.get(r.endElementId);
    if (!source || !target) return [];
    const e = presentRel({ type: r.type, source, target, props: r.properties, eid: r.elementId }, opts);
    return [{ id: e.id, type: e.type, source, target }];
  });
  return { table, graph: { nodes: [...nodes.values()], edges } };
}
