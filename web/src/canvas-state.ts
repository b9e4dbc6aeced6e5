// The canvas's part of the explorer state and the intents that change it: the context menu, undo and
// redo, hidden nodes, the legend's filters and "find paths". Kept beside state.ts so the canvas work grows
// in its own file; state.ts holds it as one field and one member of the Intent union.
import type { HistoryState, MenuTarget } from './graph/canvas-tools.js';

export type Direction = 'BOTH' | 'OUT' | 'IN';

export interface CanvasState {
  menu: MenuTarget | null;
  history: HistoryState;
  /** Nodes hidden with 隐藏 (shown again with 显示隐藏的节点). */
  hiddenNodes: number;
  /** Relationship types and labels the legend has switched off. */
  filter: { types: string[]; labels: string[] };
  /** Relationship types on the canvas, with counts, for the legend. */
  types: ReadonlyMap<string, number>;
  /** "Find paths to…": waiting for the second node. */
  picking: { from: string; caption: string } | null;
  /** The hop limit paths are asked with (the API allows 1..6). */
  hops: number;
  /** What the last paths query highlighted (null: nothing highlighted as a path). */
  path: { nodes: number; edges: number } | null;
}

export const PATH_HOPS = { dflt: 4, min: 1, max: 6 };

export const initialCanvas = (): CanvasState => ({
  menu: null,
  history: { undo: null, redo: null },
  hiddenNodes: 0,
  filter: { types: [], labels: [] },
  types: new Map(),
  picking: null,
  hops: PATH_HOPS.dflt,
  path: null,
});

/** The canvas tools a menu item or button asks for, on one element. */
export type CanvasTool = 'remove' | 'hide' | 'togglePin' | 'group' | 'toggleGroup' | 'toggleBundle';

export type CanvasIntent =
  | { type: 'menu'; target: MenuTarget | null }
  | { type: 'canvasTool'; tool: CanvasTool; id: string }
  | { type: 'showHidden' }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'toggleFilter'; kind: 'types' | 'labels'; name: string }
  | { type: 'pathsFrom'; id: string; caption: string }
  | { type: 'pathHops'; hops: number }
  | { type: 'cancelPaths' }
  | { type: 'clearPath' };

/** The filter with one type or label switched. Pure. */
export function toggled(filter: CanvasState['filter'], kind: 'types' | 'labels', name: string): CanvasState['filter'] {
  const list = filter[kind];
  return { ...filter, [kind]: list.includes(name) ? list.filter((x) => x !== name) : [...list, name] };
}
