// "Show on graph" of the pre-award check: back to the explorer, the tie's paths added to the canvas and
// marked the way "find paths" marks its result (highlightPath, the paths banner with 清除高亮), so the
// handler expands and works from there as from any path.
import type { GraphView } from '../graph/cy.js';
import { graphElementIds } from '../graph/elements.js';
import type { Intent, Store } from '../state.js';

export interface OnCanvasDeps {
  store: Store;
  view: GraphView;
  /** The main controller's step: busy indicator, and errors to the error bar. */
  step(fn: () => Promise<void>): Promise<void>;
}

export function preAwardOnCanvas({ store, view, step }: OnCanvasDeps): (intent: Intent) => void {
  return (intent) => {
    if (intent.type !== 'preAwardShow') return;
    const g = intent.graph;
    store.dispatch({ type: 'page', page: 'explore' });
    void step(async () => {
      // The canvas was hidden behind the page: let it take its size before laying out and fitting.
      await new Promise((r) => requestAnimationFrame(r));
      view.resize();
      await view.add(g);
      view.highlightPath(graphElementIds(g));
      view.fitTo(g.nodes.map((n) => n.id));
      store.set({ canvas: { ...store.get().canvas, path: { nodes: g.nodes.length, edges: g.edges.length } } });
    });
  };
}
