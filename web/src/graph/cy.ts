// The one Cytoscape instance. Everything that draws, selects, lays out or highlights goes through the
// GraphView returned here; panels never see `cy` (tests do, via window.__cy, to assert what is drawn).
import cytoscape, { type Core, type NodeSingular, type EdgeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { Edge, Entity, Graph } from '../api/types.js';
import type { Lang } from '../i18n.js';
import type { SchemaIndex } from '../schema.js';
import { mergeGraph, type EdgeData, type More, type NodeData } from './elements.js';
import { fitView, layoutAdded } from './layout.js';
import { buildStylesheet } from './style.js';
import { canvasGraph, canvasPng, setHidden } from './snapshot.js';

cytoscape.use(fcose);

export type Selection =
  { kind: 'node'; entity: Entity; more: More } | { kind: 'edge'; edge: Edge; source: Entity | null; target: Entity | null } | null;

export interface GraphEvents {
  select(sel: Selection): void;
  /** Double-click on a node: the user wants its neighbours. */
  expand(id: string): void;
  /** Node and edge counts changed. */
  change(counts: { nodes: number; edges: number }): void;
}

export interface AddOptions {
  /** The node the graph was expanded from: new nodes start around it. */
  around?: string;
  /** Select this node afterwards (shows it in the details panel). */
  select?: string;
}

export interface GraphView {
  setStyle(schema: SchemaIndex | null, lang: Lang): void;
  nodeIds(): string[];
  /** Adds what is not on the canvas yet, lays out only that, and returns how many nodes were new. */
  add(graph: Graph, opts?: AddOptions): Promise<number>;
  setMore(id: string, more: More): void;
  highlight(ids: string[]): void;
  clearHighlight(): void;
  select(id: string): void;
  unselect(): void;
  fitTo(ids?: string[]): void;
  clear(): void;
  resize(): void;
  /** What is on the canvas, in the API's shapes (exports, timeline, as-of filter: graph/snapshot.ts). */
  graph(): Graph;
  /** The whole canvas as a PNG data URL. */
  png(): string;
  /** Hides exactly these elements (the as-of date); all others are shown. */
  setHidden(ids: ReadonlySet<string>): void;
}

declare global {
  interface Window {
    __cy?: Core;
  }
}

export function createGraphView(container: HTMLElement, events: GraphEvents): GraphView {
  const cy = cytoscape({
    container,
    style: buildStylesheet(null, 'zh'),
    minZoom: 0.15,
    maxZoom: 3,
    // Box selection would fight with panning on a laptop touchpad; one selected element is what the panel shows.
    boxSelectionEnabled: false,
    selectionType: 'single',
  });
  window.__cy = cy;

  const inView = (nodes: cytoscape.NodeCollection) => {
    const ext = cy.extent();
    const bb = nodes.boundingBox();
    return bb.x1 > ext.x1 && bb.x2 < ext.x2 && bb.y1 > ext.y1 && bb.y2 < ext.y2;
  };
  const changed = () => events.change({ nodes: cy.nodes().length, edges: cy.edges().length });

  cy.on('select', 'node', (ev) => {
    const d = (ev.target as NodeSingular).data() as NodeData;
    events.select({ kind: 'node', entity: d.entity, more: d.more });
  });
  cy.on('select', 'edge', (ev) => {
    const e = ev.target as EdgeSingular;
    const d = e.data() as EdgeData;
    const ent = (n: NodeSingular) => (n.data() as NodeData | undefined)?.entity ?? null;
    events.select({ kind: 'edge', edge: d.edge, source: ent(e.source()), target: ent(e.target()) });
  });
  cy.on('unselect', () => {
    if (cy.$(':selected').length === 0) events.select(null);
  });
  cy.on('dbltap', 'node', (ev) => events.expand((ev.target as NodeSingular).id()));

  const view: GraphView = {
    setStyle(schema, lang) {
      cy.style(buildStylesheet(schema, lang));
    },
    nodeIds: () => cy.nodes().map((n) => n.id()),
    async add(graph, opts = {}) {
      const existing = new Set(cy.elements().map((e) => e.id()));
      const merge = mergeGraph(existing, graph);
      cy.startBatch();
      const added = cy.add([...merge.nodes, ...merge.edges]);
      cy.endBatch();
      changed();
      const around = opts.around ? cy.getElementById(opts.around) : undefined;
      if (merge.nodes.length > 0) await layoutAdded(cy, added, around && around.nonempty() ? around : undefined);
      if (opts.select) view.select(opts.select);
      const newIds = merge.nodes.map((n) => n.data.id);
      if (newIds.length > 0 && !opts.around) view.fitTo(newIds);
      else if (newIds.length > 0 && opts.around && !inView(added.nodes())) view.fitTo([opts.around, ...newIds]);
      return merge.nodes.length;
    },
    setMore(id, more) {
      const n = cy.getElementById(id);
      if (n.nonempty()) n.data('more', more);
      if (n.selected()) events.select({ kind: 'node', entity: (n.data() as NodeData).entity, more });
    },
    highlight(ids) {
      const marked = cy.collection();
      for (const id of ids) marked.merge(cy.getElementById(id));
      cy.batch(() => {
        cy.elements().removeClass('evidence').addClass('faded');
        marked.removeClass('faded').addClass('evidence');
      });
    },
    clearHighlight() {
      cy.elements().removeClass('evidence faded');
    },
    select(id) {
      const el = cy.getElementById(id);
      if (el.empty()) return;
      cy.$(':selected').unselect();
      el.select();
    },
    unselect() {
      cy.$(':selected').unselect();
    },
    fitTo(ids) {
      let eles = cy.elements();
      if (ids) {
        eles = cy.collection();
        for (const id of ids) eles.merge(cy.getElementById(id));
      }
      if (eles.empty()) return;
      cy.animate({ ...fitView(eles.boundingBox(), cy.width(), cy.height()) }, { duration: 250 });
    },
    clear() {
      cy.elements().remove();
      changed();
      events.select(null);
    },
    resize() {
      cy.resize();
    },
    graph: () => canvasGraph(cy),
    png: () => canvasPng(cy),
    setHidden: (ids) => setHidden(cy, ids),
  };
  return view;
}
