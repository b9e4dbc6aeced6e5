// Pure functions from API results to Cytoscape element definitions. No cy instance here, so they are
// unit-tested in Node and the merge rules (no duplicate nodes or edges, no dangling edges) hold in one place.
import type { ElementDefinition } from 'cytoscape';
import type { Edge, Entity, Graph, Neighbourhood, ServerBundle } from '../api/types.js';
import type { Lang, MessageKey } from '../i18n.js';
import { bundleId, bundleKey, type BundleData } from './bundle.js';

/**
 * Neighbours known to exist but not on the canvas yet. Past 1,000 relationships (a hub such as a welfare
 * programme, paid monthly to thousands) the API does not count neighbours but gives the centre's
 * relationships: then `n` is a ceiling (`capped`) and the screen says "up to", counted by relationships.
 */
export interface More {
  n: number;
  capped: boolean;
}
export const NO_MORE: More = { n: 0, capped: false };

/** The count as the screen shows it; the words around it say whether it is exact or a ceiling (`capped`). */
export function moreText(m: More): string {
  return String(m.n);
}

/** The words around the count, in the details panel and in the toast: "up to N" for a ceiling. */
export function moreMessages(m: More): { details: MessageKey; toast: MessageKey } {
  return m.capped ? { details: 'canvas.moreUpTo', toast: 'canvas.toastMoreUpTo' } : { details: 'details.more', toast: 'toast.more' };
}

export interface NodeData {
  id: string;
  label: string;
  caption: string;
  entity: Entity;
  /** Neighbours known to exist but not brought onto the canvas yet (n = 0 when all are shown). */
  more: More;
}

export interface EdgeData {
  id: string;
  source: string;
  target: string;
  type: string;
  edge: Edge;
}

/**
 * Edge element ids are namespaced: a node's uid (`Person:...`) and a relationship id come from different
 * id spaces, and Cytoscape needs one namespace for both.
 */
export function edgeElementId(edgeId: string): string {
  return `rel:${edgeId}`;
}

/** Captions can be long company names; the canvas shows a short form and the details panel the whole. */
export function shortCaption(caption: string, max = 14): string {
  const chars = Array.from(caption);
  return chars.length <= max ? caption : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * A spell's dates for its edge (ON_PAYROLL: one edge per spell, not per month): `2023-01—2024-06 · 18个月`,
 * `2023-01—至今` while it runs; undefined for an edge without a start.
 */
export function spellSpan(props: Record<string, unknown>, lang: Lang): string | undefined {
  if (typeof props.from !== 'string') return undefined;
  const to = typeof props.to === 'string' ? props.to.slice(0, 7) : lang === 'zh' ? '至今' : 'now';
  const months = typeof props.months === 'number' ? (lang === 'zh' ? ` · ${props.months}个月` : ` · ${props.months} mo`) : '';
  return `${props.from.slice(0, 7)}—${to}${months}`;
}

export function nodeElement(e: Entity, more: More = NO_MORE): ElementDefinition & { data: NodeData } {
  return {
    group: 'nodes',
    data: { id: e.id, label: e.label, caption: shortCaption(e.caption || e.id), entity: e, more },
  };
}

export function edgeElement(e: Edge): ElementDefinition & { data: EdgeData } {
  return {
    group: 'edges',
    data: { id: edgeElementId(e.id), source: e.source, target: e.target, type: e.type, edge: e },
  };
}

/** What the canvas adds: a graph, and the parallel edges the server sent as bundles (neighbours). */
export interface CanvasGraph extends Graph {
  bundles?: ServerBundle[];
}

/**
 * Parallel edges the server counted instead of sending (neighbours with bundleMin), drawn as the canvas
 * draws its own bundles, under the id it would give them. No members on the canvas yet: opening it reads
 * them (api parallelEdges). The caption is the canvas's to write, in the current language (bundles-cy.ts).
 */
export function serverBundleElement(b: ServerBundle): ElementDefinition & { data: BundleData } {
  const key = bundleKey(b);
  return {
    group: 'edges',
    classes: 'bundle',
    data: {
      id: bundleId(key),
      source: b.source,
      target: b.target,
      type: b.type,
      bundle: true,
      key,
      count: b.count,
      members: [],
      caption: '',
      from: b.from ?? null,
      to: b.to ?? null,
      amount: b.amount ?? null,
      server: true,
    },
  };
}

export interface Merge {
  nodes: (ElementDefinition & { data: NodeData })[];
  edges: (ElementDefinition & { data: EdgeData })[];
  bundles: (ElementDefinition & { data: BundleData })[];
}

/**
 * What a graph adds to a canvas that already holds `existing` element ids: only nodes and edges not there
 * yet, each once, and no edge whose ends would be missing (Cytoscape refuses those; the API may return an
 * edge to a node that a later page will bring).
 */
export function mergeGraph(existing: ReadonlySet<string>, graph: CanvasGraph): Merge {
  const seen = new Set<string>();
  const nodes: Merge['nodes'] = [];
  for (const n of graph.nodes) {
    if (existing.has(n.id) || seen.has(n.id)) continue;
    seen.add(n.id);
    nodes.push(nodeElement(n));
  }
  const present = (id: string) => existing.has(id) || seen.has(id);
  const edges: Merge['edges'] = [];
  for (const e of graph.edges) {
    const id = edgeElementId(e.id);
    if (existing.has(id) || seen.has(id) || !present(e.source) || !present(e.target)) continue;
    seen.add(id);
    edges.push(edgeElement(e));
  }
  // A bundle already on the canvas (the server's, or the canvas's own of the same edges) stays as it is.
  const bundles: Merge['bundles'] = [];
  for (const b of graph.bundles ?? []) {
    const el = serverBundleElement(b);
    if (existing.has(el.data.id) || seen.has(el.data.id) || !present(b.source) || !present(b.target)) continue;
    seen.add(el.data.id);
    bundles.push(el);
  }
  return { nodes, edges, bundles };
}

/** A neighbourhood as a graph, with its centre in it (the centre may be new when expanding from a search). */
export function neighbourhoodGraph(n: Neighbourhood): CanvasGraph {
  return { nodes: [n.center, ...n.nodes], edges: n.edges, bundles: n.bundles };
}

/**
 * How many neighbours of the centre stay hidden after this expansion. `total` counts the neighbours the
 * API did not exclude, of which `nodes` brought at most `limit`; for a hub (`totalCapped`) it is the
 * centre's relationship count, so what is left is at most that many.
 */
export function remaining(n: Pick<Neighbourhood, 'total' | 'totalCapped' | 'truncated' | 'nodes'>): More {
  return n.truncated ? { n: Math.max(0, n.total - n.nodes.length), capped: n.totalCapped } : NO_MORE;
}

/** The element ids of an evidence graph, as the canvas names them, for highlighting. */
export function graphElementIds(g: Graph): string[] {
  return [...g.nodes.map((n) => n.id), ...g.edges.map((e) => edgeElementId(e.id))];
}
