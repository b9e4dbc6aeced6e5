// Whole-canvas layouts of large views in a Web Worker (layout-worker.ts), so the page keeps answering while
// fcose works; small views stay on the main thread, where starting a worker costs more than the layout.
import type { Collection, Core } from 'cytoscape';
import { jobOf, type LayoutJob, type LayoutResult } from './layout-job.js';

/** From this many nodes a whole-canvas layout goes to the worker. */
export const WORKER_FROM_NODES = 300;

let worker: Worker | null = null;
let seq = Promise.resolve() as Promise<unknown>;

function theWorker(): Worker {
  worker ??= new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module' });
  return worker;
}

/** Runs one job in the worker; jobs queue, one at a time. */
export function runInWorker(job: LayoutJob, w: Worker = theWorker()): Promise<LayoutResult> {
  const next = seq.then(
    () =>
      new Promise<LayoutResult>((resolve, reject) => {
        w.onmessage = (ev: MessageEvent<{ ok: boolean; result?: LayoutResult; error?: string }>) =>
          ev.data.ok ? resolve(ev.data.result!) : reject(new Error(ev.data.error));
        w.onerror = (e) => reject(new Error(e.message));
        w.postMessage(job);
      }),
  );
  seq = next.catch(() => undefined);
  return next;
}

/** The job for these elements as they are drawn (sizes with labels, from the renderer's bounding boxes). */
export function jobFor(eles: Collection, options: LayoutJob['options']): LayoutJob {
  const nodes = eles.nodes().map((n) => {
    const bb = n.boundingBox({ includeLabels: true });
    const p = n.position();
    return { id: n.id(), w: Math.max(bb.w, 1), h: Math.max(bb.h, 1), x: p.x, y: p.y };
  });
  const edges = eles.edges().map((e) => ({ id: e.id(), source: e.source().id(), target: e.target().id() }));
  return jobOf(nodes, edges, options);
}

/** Lays out `eles` in the worker and applies the positions in one batch, then fits the view. */
export async function layoutOffMainThread(cy: Core, eles: Collection, options: LayoutJob['options'], w?: Worker): Promise<number> {
  const { positions, ms } = await runInWorker(jobFor(eles, options), w);
  cy.batch(() => eles.nodes().forEach((n) => void (positions[n.id()] && n.position(positions[n.id()]!))));
  cy.fit(eles, 40);
  return ms;
}
