// The one Cytoscape instance. Everything that draws, selects, lays out or highlights goes through the
// GraphView returned here; panels never see `cy` (tests do, via window.__cy, to assert what is drawn).
import cytoscape, { type Core, type NodeSingular, type EdgeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { Edge, Entity, Graph } from '../api/types.js';
import type { Lang } from '../i18n.js';
import type { SchemaIndex } from '../schema.js';
import { bundleKey } from './bundle.js';
import { byIds, dataEdges, serverBundles } from './bundles-cy.js';
import { mergeGraph, type CanvasGraph, type EdgeData, type More, type NodeData } from './elements.js';
import { fitView, layoutAdded } from './layout.js';
import { buildStylesheet } from './style.js';
import { canvasGraph, canvasPng, setAsOf } from './snapshot.js';
import { createCanvasTools, type CanvasTools, type HistoryState, type MenuTarget } from './canvas-tools.js';
import type { BundleData } from './bundles-cy.js';
import { rendererSwitch } from './webgl-cy.js';

cytoscape.use(fcose);

export type Selection =
  | { kind: 'node'; entity: Entity; more: More }
  | { kind: 'edge'; edge: Edge; source: Entity | null; target: Entity | null }
  /** Parallel edges drawn as one (bundle.ts). */
  | { kind: 'bundle'; bundle: BundleData; source: Entity | null; target: Entity | null }
  | null;

export interface GraphEvents {
  select(sel: Selection): void;
  /** Double-click on a node: the user wants its neighbours. */
  expand(id: string): void;
  /** Node and edge counts changed. */
  change(counts: { nodes: number; edges: number }): void;
  /** Right-click on a node or edge (null: closed). */
  menu(target: MenuTarget | null): void;
  history(h: HistoryState): void;
  /** How many nodes are hidden. */
  hidden(n: number): void;
  /** Double-click on a bundle the server sent: its single edges are to be read (canvas-controller.ts). */
  openBundle(id: string): void;
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
  add(graph: CanvasGraph, opts?: AddOptions): Promise<number>;
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
  /** Hides exactly these elements and dims those nodes (the as-of date); all others are shown as they were. */
  setAsOf(hidden: ReadonlySet<string>, dimmed: ReadonlySet<string>): void;
  /** Relationship types on the canvas with their counts (single edges, whether bundled or not). */
  edgeTypes(): Map<string, number>;
  /** Highlights a path result (its own colour, everything else faded). */
  highlightPath(ids: string[]): void;
  /** Resolves with the next node tapped (null: the background was tapped or `cancelPick` was called). */
  pickNode(): Promise<string | null>;
  cancelPick(): void;
  /** Remove, hide, pin, group, bundles, filters, undo and redo (canvas-tools.ts). */
  tools: Omit<CanvasTools, 'refresh' | 'setNames' | 'hiddenIds'>;
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

  /** Relationship types with their counts: single edges, and the edges server bundles stand for. */
  const edgeTypes = () => {
    const out = new Map<string, number>();
    const add = (t: string, n: number) => out.set(t, (out.get(t) ?? 0) + n);
    const servers = serverBundles(cy);
    dataEdges(cy).forEach((e) => {
      // Single edges under a server bundle are counted in its count.
      if (!servers.has(bundleKey(e.data() as EdgeData))) add(String(e.data('type')), 1);
    });
    for (const b of servers.values()) add(String(b.data('type')), Number(b.data('count')));
    return out;
  };
  const inView = (nodes: cytoscape.NodeCollection) => {
    const ext = cy.extent();
    const bb = nodes.boundingBox();
    return bb.x1 > ext.x1 && bb.x2 < ext.x2 && bb.y1 > ext.y1 && bb.y2 < ext.y2;
  };
  // Large views on a GPU draw through WebGL (graph/webgl.ts); forced on, from the start.
  const renderer = rendererSwitch(cy, container);
  renderer.update(0);
  // Counts are of what the data holds on the canvas: nodes (not group boxes) and single edges, those a
  // server bundle stands for included (edgeTypes).
  const changed = () => {
    const nodes = cy.nodes().not('.group').length;
    renderer.update(nodes);
    events.change({ nodes, edges: [...edgeTypes().values()].reduce((a, b) => a + b, 0) });
  };
  const tools = createCanvasTools(cy, { menu: events.menu, history: events.history, hidden: events.hidden, changed });
  let picking: ((id: string | null) => void) | null = null;
  const endPick = (id: string | null) => {
    const p = picking;
    picking = null;
    p?.(id);
  };
  cy.on('tap', (ev) => {
    if (!picking) return;
    const t = ev.target as NodeSingular | Core;
    endPick(t !== cy && (t as NodeSingular).isNode() && !(t as NodeSingular).hasClass('group') ? (t as NodeSingular).id() : null);
  });

  cy.on('select', 'node', (ev) => {
    const d = (ev.target as NodeSingular).data() as NodeData;
    events.select({ kind: 'node', entity: d.entity, more: d.more });
  });
  cy.on('select', 'edge', (ev) => {
    const e = ev.target as EdgeSingular;
    const ent = (n: NodeSingular) => (n.data() as NodeData | undefined)?.entity ?? null;
    if (e.data('bundle') === true) {
      events.select({ kind: 'bundle', bundle: e.data() as BundleData, source: ent(e.source()), target: ent(e.target()) });
      return;
    }
    const d = e.data() as EdgeData;
    // The expand-collapse extension's meta edges stand for a folded group's edges: no data of their own.
    if (!d.edge) return;
    events.select({ kind: 'edge', edge: d.edge, source: ent(e.source()), target: ent(e.target()) });
  });
  cy.on('unselect', () => {
    if (cy.$(':selected').length === 0) events.select(null);
  });
  cy.on('dbltap', 'node', (ev) => {
    const n = ev.target as NodeSingular;
    // A group box folds and unfolds; a bundle opens; anything else expands.
    if (n.hasClass('group')) tools.toggleGroup(n.id());
    else events.expand(n.id());
  });
  cy.on('dbltap', 'edge.bundle', (ev) => {
    const id = (ev.target as EdgeSingular).id();
    if (tools.serverBundle(id)) events.openBundle(id);
    else tools.toggleBundle(id);
  });

  /** Marks these elements (alert evidence, or a path) and fades the rest. */
  const mark = (ids: string[], cls: 'evidence' | 'path') => {
    cy.batch(() => {
      cy.elements().removeClass(cls).addClass('faded');
      byIds(cy, ids).removeClass('faded').addClass(cls);
    });
    tools.refresh();
  };

  const view: GraphView = {
    setStyle(schema, lang) {
      cy.style(buildStylesheet(schema, lang));
      tools.setNames(schema, lang);
    },
    // Members of a folded group are off the canvas but still shown (inside the group): expansions exclude them.
    nodeIds: () => [
      ...cy
        .nodes()
        .not('.group')
        .map((n) => n.id()),
      ...tools.hiddenIds(),
    ],
    async add(graph, opts = {}) {
      const existing = new Set([...cy.elements().map((e) => e.id()), ...tools.hiddenIds()]);
      const merge = mergeGraph(existing, graph);
      cy.startBatch();
      const added = cy.add([...merge.nodes, ...merge.edges, ...merge.bundles]);
      cy.endBatch();
      tools.refresh();
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
    highlight: (ids) => mark(ids, 'evidence'),
    highlightPath: (ids) => mark(ids, 'path'),
    clearHighlight() {
      cy.elements().removeClass('evidence faded path');
      tools.refresh();
    },
    pickNode() {
      endPick(null);
      return new Promise((resolve) => (picking = resolve));
    },
    cancelPick: () => endPick(null),
    edgeTypes,
    tools,
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
      tools.clearHistory();
      tools.refresh();
      events.select(null);
    },
    resize() {
      cy.resize();
    },
    graph: () => canvasGraph(cy),
    png: () => canvasPng(cy),
    setAsOf: (hidden, dimmed) => setAsOf(cy, hidden, dimmed),
  };
  return view;
}
