// What an investigator does to the picture, beside adding to it: remove, hide, pin, fold groups, open
// bundles of parallel edges, filter by type or label, highlight a path; every change of the picture goes
// through the command stack (history.ts) so it can be undone. cy.ts builds one of these on its instance.
import type { Collection, Core, EdgeSingular, NodeSingular } from 'cytoscape';
import type { Edge } from '../api/types.js';
import { translate, type Lang, type MessageKey } from '../i18n.js';
import { labelName, relName, type SchemaIndex } from '../schema.js';
import { bundleKey } from './bundle.js';
import { syncBundles, type BundleData } from './bundles-cy.js';
import { edgeElement, type EdgeData, type NodeData } from './elements.js';
import { groupRule, type GroupRule } from './groups.js';
import { createGroups } from './groups-cy.js';
import { createHistory, type Command } from './history.js';
import { edgeLabelsShown, nodeTooltip } from './labels.js';
import { ruleClasses } from './rules.js';

/** What the context menu offers for the element right-clicked; positions are in the canvas's pixels. */
export type MenuTarget =
  | {
      kind: 'node';
      id: string;
      caption: string;
      x: number;
      y: number;
      pinned: boolean;
      /** A compound group node: fold or unfold it. */
      group: { collapsed: boolean } | null;
      /** A household, company or project that can be grouped with its members. */
      groupable: boolean;
    }
  | { kind: 'edge'; id: string; caption: string; x: number; y: number; bundle: boolean; reBundle: boolean };

export interface HistoryState {
  undo: string | null;
  redo: string | null;
}

export interface Filter {
  types: readonly string[];
  labels: readonly string[];
}

export interface ToolEvents {
  menu(target: MenuTarget | null): void;
  history(h: HistoryState): void;
  hidden(n: number): void;
  /** Something was removed or restored: counts and selection to refresh. */
  changed(): void;
}

export function createCanvasTools(cy: Core, events: ToolEvents) {
  const opened = new Set<string>();
  let schema: SchemaIndex | null = null;
  let lang: Lang = 'zh';
  let filter: Filter = { types: [], labels: [] };
  const rel = (t: string) => relName(schema, t, lang);

  /** Re-plans bundles and re-applies classes after any change of what is on the canvas. */
  const refresh = () => {
    syncBundles(cy, opened, rel);
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        const d = n.data() as Partial<NodeData>;
        n.toggleClass('filtered', !!d.label && filter.labels.includes(d.label));
        if (d.entity) for (const c of ruleClasses('node', d.entity.label, d.entity.properties)) n.addClass(c);
      });
      cy.edges().forEach((e) => {
        e.toggleClass('filtered', filter.types.includes(String(e.data('type'))));
        const d = e.data() as Partial<EdgeData>;
        if (d.edge) for (const c of ruleClasses('edge', d.edge.type, d.edge.properties)) e.addClass(c);
      });
    });
    quiet(true);
    events.hidden(cy.nodes('.hidden').length);
    events.changed();
  };

  let labelsOn: boolean | null = null;
  /** Edge labels by zoom level (labels.ts); only touches the edges when the answer changes, or when forced. */
  const quiet = (force = false) => {
    const on = edgeLabelsShown(cy.zoom(), cy.edges(':visible').length);
    if (on === labelsOn && !force) return;
    labelsOn = on;
    cy.edges().toggleClass('quiet', !on);
  };
  cy.on('zoom', () => quiet());

  const groups = createGroups(cy, refresh);
  const history = createHistory(undefined, () =>
    events.history({ undo: history.peekUndo()?.label ?? null, redo: history.peekRedo()?.label ?? null }),
  );
  const push = (cmd: Command | null) => {
    if (cmd) history.push(cmd);
  };
  const caption = (id: string) => {
    const el = cy.getElementById(id);
    // The whole name (the canvas shows a shortened one): menus and undo tooltips have room for it.
    const entity = (el.data() as Partial<NodeData> | undefined)?.entity;
    return String(entity?.caption || el.data('caption') || el.data('type') || id);
  };

  /** Puts removed elements back: nodes first, then the edges whose ends are there; bundles re-plan. */
  const restore = (removed: Collection) => {
    const absent = (id: string) => cy.getElementById(id).empty();
    removed.filter((el) => el.isNode() && absent(el.id())).restore();
    removed
      .filter(
        (el) =>
          el.isEdge() &&
          absent(el.id()) &&
          // The canvas's own bundles re-plan; the server's stand for edges not on the canvas and come back.
          (el.data('bundle') !== true || (el.data() as BundleData).server === true) &&
          !absent(el.data('source')) &&
          !absent(el.data('target')),
      )
      .restore();
  };

  // Hover: the whole caption as a tooltip (the canvas shows a short one), and the labels of the node's
  // edges even when zoomed out.
  const container = cy.container();
  cy.on('mouseover', 'node', (ev) => {
    const n = ev.target as NodeSingular;
    const d = n.data() as Partial<NodeData> & { caption: string };
    if (container) container.title = d.entity ? nodeTooltip(d.entity.caption, labelName(schema, d.entity.label, lang)) : d.caption;
    n.connectedEdges().addClass('hover');
  });
  cy.on('mouseover', 'edge', (ev) => {
    const e = ev.target as EdgeSingular;
    if (container) container.title = e.data('bundle') ? String(e.data('caption')) : rel(String(e.data('type')));
    e.addClass('hover');
  });
  cy.on('mouseout', 'node, edge', (ev) => {
    if (container) container.title = '';
    const t = ev.target as NodeSingular | EdgeSingular;
    (t.isNode() ? t.connectedEdges() : t).removeClass('hover');
  });

  cy.on('cxttap', (ev) => {
    const t = ev.target as NodeSingular | EdgeSingular | Core;
    if (t === cy) return events.menu(null);
    const el = t as NodeSingular | EdgeSingular;
    const { x, y } = ev.renderedPosition ?? { x: 0, y: 0 };
    if (el.isNode()) {
      const isGroup = el.hasClass('group');
      return events.menu({
        kind: 'node',
        id: el.id(),
        caption: caption(el.id()),
        x,
        y,
        pinned: el.locked(),
        group: isGroup ? { collapsed: groups.isCollapsed(el.id()) } : null,
        groupable: !isGroup && !el.isChild() && groupRule(String(el.data('label'))) !== undefined,
      });
    }
    const d = el.data() as Partial<EdgeData & BundleData>;
    const key = d.source && d.target && d.type ? bundleKey({ source: d.source, target: d.target, type: d.type }) : '';
    return events.menu({
      kind: 'edge',
      id: el.id(),
      caption: d.bundle ? String(d.caption) : rel(String(d.type)),
      x,
      y,
      bundle: d.bundle === true,
      reBundle: !d.bundle && opened.has(key),
    });
  });
  cy.on('tap', (ev) => {
    if (ev.target === cy) events.menu(null);
  });

  const tools = {
    refresh,
    setNames(s: SchemaIndex | null, l: Lang) {
      schema = s;
      lang = l;
      refresh();
    },
    /** Ids still on the canvas for the API's `exclude`, folded group members included. */
    hiddenIds: () => groups.hiddenIds(),
    remove(id: string) {
      if (cy.getElementById(id).empty()) return;
      let removed: Collection = cy.collection();
      push({
        label: translate(lang, 'canvas.cmd.remove', { name: caption(id) }),
        run() {
          removed = cy.getElementById(id).remove();
          refresh();
        },
        undo() {
          restore(removed);
          refresh();
        },
      });
    },
    hide(id: string) {
      if (cy.getElementById(id).empty()) return;
      push({
        label: translate(lang, 'canvas.cmd.hide', { name: caption(id) }),
        run: () => (cy.getElementById(id).addClass('hidden'), refresh()),
        undo: () => (cy.getElementById(id).removeClass('hidden'), refresh()),
      });
    },
    showHidden() {
      const ids = cy.nodes('.hidden').map((n) => n.id());
      if (ids.length === 0) return;
      const set = (on: boolean) => {
        for (const id of ids) cy.getElementById(id).toggleClass('hidden', !on);
        refresh();
      };
      push({ label: translate(lang, 'canvas.showHidden', { n: ids.length }), run: () => set(false), undo: () => set(true) });
    },
    togglePin(id: string) {
      const n = cy.getElementById(id) as NodeSingular;
      if (n.empty()) return;
      const pin = !n.locked();
      const set = (on: boolean) => {
        const el = cy.getElementById(id) as NodeSingular;
        if (on) el.lock().addClass('pinned');
        else el.unlock().removeClass('pinned');
      };
      push({
        label: translate(lang, pin ? 'canvas.cmd.pin' : 'canvas.cmd.unpin', { name: caption(id) }),
        run: () => set(pin),
        undo: () => set(!pin),
      });
    },
    /** Opens a bundle into its single edges, or closes single edges back into their bundle. */
    toggleBundle(id: string) {
      const e = cy.getElementById(id);
      if (e.empty() || !e.isEdge()) return;
      const key = bundleKey({ source: e.data('source'), target: e.data('target'), type: e.data('type') });
      const open = !opened.has(key);
      const set = (on: boolean) => {
        if (on) opened.add(key);
        else opened.delete(key);
        refresh();
      };
      push({
        label: translate(lang, open ? 'canvas.cmd.openBundle' : 'canvas.cmd.closeBundle'),
        run: () => set(open),
        undo: () => set(!open),
      });
    },
    /** The ends and type of a bundle the server sent, whose single edges are not read yet; null for any other element. */
    serverBundle(id: string): Pick<BundleData, 'source' | 'target' | 'type'> | null {
      const d = cy.getElementById(id).data() as Partial<BundleData> | undefined;
      return d?.server === true && d.source && d.target && d.type ? { source: d.source, target: d.target, type: d.type } : null;
    },
    /**
     * Opens a server bundle with its single edges, read by the caller: they take its place on the canvas,
     * and from then on are single edges like any others (details, highlight, exports, close back into a
     * bundle). Undo puts the server bundle back and takes away the edges this brought.
     */
    openServerBundle(id: string, edges: Edge[]) {
      const el = cy.getElementById(id);
      if (el.empty() || (el.data() as BundleData).server !== true) return;
      const key = (el.data() as BundleData).key;
      let bundle: Collection = cy.collection();
      let added: Collection = cy.collection();
      push({
        label: translate(lang, 'canvas.cmd.openBundle'),
        run() {
          // Unselected first, so the details panel does not keep offering to open what is gone.
          bundle = cy.getElementById(id).unselect().remove();
          const fresh = edges.map(edgeElement).filter((e) => cy.getElementById(e.data.id).empty());
          added = cy.add(fresh);
          opened.add(key);
          refresh();
        },
        undo() {
          added.remove();
          opened.delete(key);
          bundle.restore();
          refresh();
        },
      });
    },
    group(anchorId: string) {
      push(
        groups.make(anchorId, (kind: GroupRule['kind'], name: string) => translate(lang, `canvas.group.${kind}` as MessageKey, { name })),
      );
    },
    toggleGroup(id: string) {
      push(groups.toggle(id));
    },
    setFilter(f: Filter) {
      filter = f;
      refresh();
    },
    undo: () => history.undo()?.label ?? null,
    redo: () => history.redo()?.label ?? null,
    clearHistory: () => {
      opened.clear();
      history.clear();
    },
  };
  return tools;
}

export type CanvasTools = ReturnType<typeof createCanvasTools>;
