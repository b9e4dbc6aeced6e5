// The canvas intents (canvas-state.ts): the context menu's tools, undo and redo, the legend's filters and
// "find paths to…". Beside controller.ts, with the same `step` for API calls, so the canvas work does not
// grow the main controller.
import type { Api } from './api/queries.js';
import { PATH_HOPS, toggled, type CanvasIntent, type CanvasState } from './canvas-state.js';
import type { GraphView } from './graph/cy.js';
import { graphElementIds } from './graph/elements.js';
import type { MessageKey } from './i18n.js';
import type { Intent, Store } from './state.js';

export interface CanvasDeps {
  store: Store;
  api: Api;
  view: GraphView;
  /** The main controller's step: busy indicator, and API errors to the error bar. */
  step(fn: () => Promise<void>): Promise<void>;
  toast(key: MessageKey, params?: Record<string, string | number>): void;
}

const CANVAS_INTENTS = new Set<string>([
  'menu',
  'canvasTool',
  'showHidden',
  'undo',
  'redo',
  'toggleFilter',
  'pathsFrom',
  'pathHops',
  'cancelPaths',
  'clearPath',
]);

export function isCanvasIntent(i: Intent): i is CanvasIntent {
  return CANVAS_INTENTS.has(i.type);
}

export function createCanvasController({ store, api, view, step, toast }: CanvasDeps) {
  const canvas = () => store.get().canvas;
  const patch = (p: Partial<CanvasState>) => store.set({ canvas: { ...canvas(), ...p } });

  async function paths(from: string, to: string) {
    const { hops, filter } = canvas();
    const g = await api.paths(from, to, hops, filter.types);
    if (g.nodes.length === 0) {
      patch({ path: null });
      view.clearHighlight();
      toast('paths.none', { n: hops });
      return;
    }
    await view.add(g);
    view.highlightPath(graphElementIds(g));
    view.fitTo(g.nodes.map((n) => n.id));
    patch({ path: { nodes: g.nodes.length, edges: g.edges.length } });
  }

  /** A bundle the server sent: its single edges are read (every page), then take its place. */
  async function openServerBundle(id: string) {
    const b = view.tools.serverBundle(id);
    if (!b) return;
    const edges = await api.parallelEdges(b.source, b.target, b.type);
    view.tools.openServerBundle(id, edges);
    toast('hub.opened', { n: edges.length });
  }

  function handle(intent: CanvasIntent): void {
    switch (intent.type) {
      case 'menu':
        patch({ menu: intent.target });
        return;
      case 'canvasTool': {
        patch({ menu: null });
        const t = view.tools;
        if (intent.tool === 'remove') t.remove(intent.id);
        else if (intent.tool === 'hide') t.hide(intent.id);
        else if (intent.tool === 'togglePin') t.togglePin(intent.id);
        else if (intent.tool === 'group') t.group(intent.id);
        else if (intent.tool === 'toggleGroup') t.toggleGroup(intent.id);
        else if (t.serverBundle(intent.id)) void step(() => openServerBundle(intent.id));
        else t.toggleBundle(intent.id);
        return;
      }
      case 'showHidden':
        view.tools.showHidden();
        return;
      case 'undo':
        if (view.tools.undo() === null) toast('canvas.nothingToUndo');
        return;
      case 'redo':
        if (view.tools.redo() === null) toast('canvas.nothingToRedo');
        return;
      case 'toggleFilter': {
        const filter = toggled(canvas().filter, intent.kind, intent.name);
        view.tools.setFilter(filter);
        patch({ filter });
        return;
      }
      case 'pathsFrom': {
        patch({ menu: null, picking: { from: intent.id, caption: intent.caption } });
        void view.pickNode().then((to) => {
          // A second "find paths" started meanwhile owns the banner now.
          if (canvas().picking?.from !== intent.id) return;
          patch({ picking: null });
          if (to && to !== intent.id) void step(() => paths(intent.id, to));
        });
        return;
      }
      case 'pathHops':
        patch({ hops: Math.min(PATH_HOPS.max, Math.max(PATH_HOPS.min, Math.round(intent.hops))) });
        return;
      case 'cancelPaths':
        view.cancelPick();
        patch({ picking: null });
        return;
      case 'clearPath': {
        view.clearHighlight();
        // The open alert's evidence stays marked: only the path's colour goes.
        const open = store.get().alert;
        if (open) view.highlight(graphElementIds(open.evidence));
        patch({ path: null });
        return;
      }
    }
  }
  return { handle };
}
