// A layout off the main thread: fcose's proof layout of 1,000 nodes takes tens of seconds, and on the main
// thread the page froze for all of it (issue #15). Cytoscape runs headless here with the nodes' sizes as
// data; the positions go back to the page, which applies them in one batch (layout-offload.ts).
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { LayoutJob, LayoutResult } from './layout-job.js';

cytoscape.use(fcose);

export function runJob(job: LayoutJob): LayoutResult {
  const t0 = performance.now();
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: 'data(w)', height: 'data(h)' } }],
    elements: [
      ...job.nodes.map((n) => ({ group: 'nodes' as const, data: { id: n.id, w: n.w, h: n.h }, position: { x: n.x ?? 0, y: n.y ?? 0 } })),
      ...job.edges.map((e) => ({ group: 'edges' as const, data: { id: e.id, source: e.source, target: e.target } })),
    ],
  });
  const { idealEdgeLength, nodeRepulsion, ...rest } = job.options;
  const layout = cy.layout({
    ...rest,
    animate: false,
    fit: false,
    nodeDimensionsIncludeLabels: false,
    idealEdgeLength: () => idealEdgeLength,
    nodeRepulsion: () => nodeRepulsion,
  } as cytoscape.LayoutOptions);
  layout.run();
  const positions: LayoutResult['positions'] = {};
  cy.nodes().forEach((n) => {
    const p = n.position();
    positions[n.id()] = { x: p.x, y: p.y };
  });
  cy.destroy();
  return { positions, ms: performance.now() - t0 };
}

// In a worker only (not when the page or a test imports runJob).
declare const WorkerGlobalScope: { new (): unknown } | undefined;
if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) {
  self.onmessage = (ev: MessageEvent<LayoutJob>) => {
    try {
      self.postMessage({ ok: true, result: runJob(ev.data) });
    } catch (e) {
      self.postMessage({ ok: false, error: e instanceof Error ? e.message : String(e) });
    }
  };
}
