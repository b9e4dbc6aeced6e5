// What a layout worker is given and gives back (layout-worker.ts), and the pure steps on either side: the
// canvas's nodes and edges as plain data (sizes included, since a worker has no stylesheet to measure
// with), and the positions applied back. Kept apart from the worker so the main thread and the benchmark
// share one shape.

export interface JobNode {
  id: string;
  /** Rendered size with the label, measured on the main thread. */
  w: number;
  h: number;
  x?: number;
  y?: number;
}
export interface JobEdge {
  id: string;
  source: string;
  target: string;
}
export interface LayoutJob {
  nodes: JobNode[];
  edges: JobEdge[];
  /** fcose or cose options as plain data (functions do not cross to a worker: numbers only). */
  options: {
    name: 'fcose' | 'cose';
    quality?: 'draft' | 'default' | 'proof';
    randomize: boolean;
    idealEdgeLength: number;
    nodeRepulsion: number;
  };
}
export interface LayoutResult {
  positions: Record<string, { x: number; y: number }>;
  ms: number;
}

/** The job for a set of elements: only edges whose both ends are among the nodes (fcose needs both). */
export function jobOf(nodes: JobNode[], edges: JobEdge[], options: LayoutJob['options']): LayoutJob {
  const ids = new Set(nodes.map((n) => n.id));
  return { nodes, edges: edges.filter((e) => ids.has(e.source) && ids.has(e.target)), options };
}
