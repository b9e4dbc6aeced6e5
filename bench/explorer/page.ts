// The benchmark's page script (bundled by bench-explorer.ts, run in Chromium): a Cytoscape canvas styled
// like the explorer's, a random graph of a given size, and the three measurements: frames per second while
// zooming and panning, and a whole-canvas fcose layout on the main thread or in the layout worker, with the
// longest stall of the main thread during it (what the user feels as a frozen page).
import cytoscape, { type Core } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { jobFor, runInWorker } from '../../web/src/graph/layout-offload.js';
import type { LayoutJob } from '../../web/src/graph/layout-job.js';

cytoscape.use(fcose);

let cy: Core | null = null;

/** A seeded pseudo-random generator (mulberry32), so every run draws the same graph. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function build(nodes: number, edges: number, webgl: boolean): { renderer: string } {
  cy?.destroy();
  const r = rng(7);
  const side = Math.ceil(Math.sqrt(nodes));
  const els: cytoscape.ElementDefinition[] = [];
  for (let i = 0; i < nodes; i++)
    els.push({
      data: { id: `n${i}`, label: `节点${i}` },
      position: { x: (i % side) * 80 + r() * 30, y: Math.floor(i / side) * 80 + r() * 30 },
    });
  for (let i = 0; i < edges; i++) {
    const s = Math.floor(r() * nodes);
    let t = Math.floor(r() * nodes);
    if (t === s) t = (s + 1) % nodes;
    els.push({ data: { id: `e${i}`, source: `n${s}`, target: `n${t}` } });
  }
  const container = document.getElementById('cy')!;
  cy = cytoscape({
    container,
    elements: els,
    layout: { name: 'preset' },
    style: [
      {
        selector: 'node',
        style: { width: 28, height: 28, 'background-color': '#2563eb', label: 'data(label)', 'font-size': 10, 'text-valign': 'bottom' },
      },
      { selector: 'edge', style: { width: 1.2, 'line-color': '#94a3b8', 'curve-style': 'bezier', 'target-arrow-shape': 'triangle' } },
    ],
    // cytoscape ≥ 3.31: the canvas renderer draws nodes and edges through WebGL where asked and available.
    renderer: { name: 'canvas', webgl },
  } as unknown as cytoscape.CytoscapeOptions);
  cy.fit(undefined, 20);
  const webglOn = Boolean((cy as unknown as { renderer(): { webgl?: unknown } }).renderer().webgl);
  return { renderer: webglOn ? 'webgl' : 'canvas' };
}

/** Frames per second over `ms` while the view zooms in and out and pans every frame. */
function fps(ms: number): Promise<number> {
  const c = cy!;
  const z0 = c.zoom();
  const p0 = { ...c.pan() };
  return new Promise((resolve) => {
    let frames = 0;
    const t0 = performance.now();
    const step = (now: number) => {
      const t = (now - t0) / 1000;
      c.viewport({ zoom: z0 * (1 + 0.5 * Math.sin(t * 2)), pan: { x: p0.x + 200 * Math.sin(t * 3), y: p0.y + 120 * Math.cos(t * 2) } });
      frames++;
      if (now - t0 < ms) requestAnimationFrame(step);
      else resolve((frames * 1000) / (now - t0));
    };
    requestAnimationFrame(step);
  });
}

/** Watches the main thread: the longest gap between 10 ms ticks while `work` runs. */
async function stalls<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; longestStallMs: number }> {
  let last = performance.now();
  let longest = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 10);
  const t0 = performance.now();
  const value = await work();
  const ms = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 20));
  clearInterval(tick);
  return { value, ms, longestStallMs: Math.max(longest, performance.now() - last) };
}

const OPTIONS: LayoutJob['options'] = { name: 'fcose', quality: 'proof', randomize: true, idealEdgeLength: 90, nodeRepulsion: 6500 };

async function layoutMain(quality: LayoutJob['options']['quality']) {
  const c = cy!;
  return stalls(
    () =>
      new Promise<void>((resolve) => {
        // Yield first so the watcher's first tick is in.
        setTimeout(() => {
          const l = c.layout({
            ...OPTIONS,
            quality,
            animate: false,
            fit: true,
            idealEdgeLength: () => 90,
            nodeRepulsion: () => 6500,
          } as cytoscape.LayoutOptions);
          l.one('layoutstop', () => resolve());
          l.run();
        }, 20);
      }),
  );
}

async function layoutWorker(quality: LayoutJob['options']['quality'], workerUrl: string) {
  const c = cy!;
  const w = new Worker(workerUrl);
  try {
    return await stalls(async () => {
      const { positions } = await runInWorker(jobFor(c.elements(), { ...OPTIONS, quality }), w);
      c.batch(() => c.nodes().forEach((n) => void (positions[n.id()] && n.position(positions[n.id()]!))));
      c.fit(undefined, 20);
    });
  } finally {
    w.terminate();
  }
}

const webgl2 = () => Boolean(document.createElement('canvas').getContext('webgl2'));

/** The unmasked WebGL2 renderer string (what the explorer reads to decide on WebGL), or '' without one. */
function glRenderer(): string {
  const gl = document.createElement('canvas').getContext('webgl2');
  const ext = gl?.getExtension('WEBGL_debug_renderer_info');
  return gl && ext ? String(gl.getParameter(ext.UNMASKED_RENDERER_WEBGL)) : '';
}

Object.assign(window, { huiyanBench: { build, fps, layoutMain, layoutWorker, webgl2, glRenderer } });
