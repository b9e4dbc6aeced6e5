// npm run bench -- explorer: the explorer's canvas in Debian's Chromium (playwright-core, as the browser
// tests drive it). For each size (nodes/edges): frames per second while zooming and panning with the canvas
// renderer and with WebGL (where Chromium gives WebGL2: headless here has no GPU, so only SwiftShader's
// software WebGL, asked for with --use-angle=swiftshader --enable-unsafe-swiftshader), and a whole-canvas
// fcose layout on the main thread against the layout worker, with the longest main-thread stall during each.
// Prints figures and ratios (docs/bench.md "Explorer"); nothing asserts timings.
import { execSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';

/** Debian's Chromium, as the browser tests use it (test/support/chromium.ts; benchmarks do not import tests). */
const CHROMIUM_PATH = '/usr/bin/chromium';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BASE_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
];
/** As the browser tests run it: no GPU at all. */
const NO_GPU = [...BASE_ARGS, '--disable-gpu'];
/** Software WebGL through ANGLE's SwiftShader backend. */
const SWIFTSHADER = [...BASE_ARGS, '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'];

export interface ExplorerBenchOptions {
  sizes: [number, number][];
  /** Sizes at which the layouts are timed (fcose proof on the main thread takes minutes past a few thousand nodes). */
  layoutSizes: [number, number][];
  /** Where the layouts run: the main-thread one at 5,000 nodes can take longer than a run can wait. */
  layoutIn: { main: boolean; worker: boolean };
  seconds: number;
  quality: 'draft' | 'default' | 'proof';
}

/** The page script and the worker as two IIFE bundles (vite, as the explorer is built). */
async function bundle(entry: string, name: string): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: true, lib: { entry: path.join(ROOT, entry), formats: ['iife'], name, fileName: name } },
  });
  const outputs = (Array.isArray(out) ? out : [out]).flatMap((o) => ('output' in o ? o.output : []));
  const chunk = outputs.find((o) => o.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error(`no bundle for ${entry}`);
  return chunk.code;
}

interface Bench {
  build(n: number, e: number, webgl: boolean): { renderer: string };
  fps(ms: number): Promise<number>;
  layoutMain(q: string): Promise<{ ms: number; longestStallMs: number }>;
  layoutWorker(q: string, url: string): Promise<{ ms: number; longestStallMs: number }>;
  webgl2(): boolean;
  glRenderer(): string;
}
declare global {
  interface Window {
    huiyanBench?: Bench;
    huiyanWorkerUrl?: string;
  }
}

async function open(args: string[], page: string, worker: string): Promise<{ browser: Browser; p: Page }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args });
  const p = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await p.setContent('<!doctype html><meta charset="utf-8"><div id="cy" style="position:absolute;inset:0"></div>');
  await p.addScriptTag({ content: page });
  await p.evaluate((code) => {
    window.huiyanWorkerUrl = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
  }, worker);
  return { browser, p };
}

const fmt = (n: number, d = 1) => n.toFixed(d);

export async function benchExplorer(opts: ExplorerBenchOptions): Promise<void> {
  const load = execSync('uptime').toString().trim();
  console.log(`machine: ${load}`);
  console.log('bundling the page script and the layout worker…');
  const [page, worker] = await Promise.all([
    bundle('bench/explorer/page.ts', 'huiyanBenchPage'),
    bundle('web/src/graph/layout-worker.ts', 'huiyanLayoutWorker'),
  ]);

  const plain = await open(NO_GPU, page, worker);
  const soft = await open(SWIFTSHADER, page, worker);
  try {
    const gl = {
      noGpu: await plain.p.evaluate(() => window.huiyanBench!.webgl2()),
      swiftshader: await soft.p.evaluate(() => window.huiyanBench!.webgl2()),
    };
    console.log(`WebGL2: --disable-gpu ${gl.noGpu ? 'yes' : 'no'}; SwiftShader ${gl.swiftshader ? 'yes' : 'no'}`);
    console.log(
      `renderer: --disable-gpu "${await plain.p.evaluate(() => window.huiyanBench!.glRenderer())}"; SwiftShader "${await soft.p.evaluate(() => window.huiyanBench!.glRenderer())}"`,
    );

    console.log('\nframes per second while zooming and panning');
    console.log('nodes/edges   canvas   webgl (renderer)   webgl/canvas');
    for (const [n, e] of opts.sizes) {
      const canvas = await fpsOf(plain.p, n, e, false, opts.seconds);
      const webgl = gl.swiftshader ? await fpsOf(soft.p, n, e, true, opts.seconds) : null;
      console.log(
        `${`${n}/${e}`.padEnd(13)} ${fmt(canvas.fps).padStart(6)}   ${webgl ? `${fmt(webgl.fps).padStart(5)} (${webgl.renderer})` : '    —'}   ${webgl ? `${fmt(webgl.fps / canvas.fps, 2)}×` : '—'}`,
      );
    }

    console.log(`\nfcose (${opts.quality}) whole-canvas layout, canvas renderer: wall time and the longest main-thread stall`);
    console.log('nodes/edges   main: ms (stall)       worker: ms (stall)     stall main/worker');
    for (const [n, e] of opts.layoutSizes) {
      const timed = async (where: 'main' | 'worker') => {
        if (!opts.layoutIn[where]) return null;
        await plain.p.evaluate(([n, e]) => void window.huiyanBench!.build(n, e, false), [n, e] as const);
        return where === 'main'
          ? plain.p.evaluate((q) => window.huiyanBench!.layoutMain(q), opts.quality)
          : plain.p.evaluate((q) => window.huiyanBench!.layoutWorker(q, window.huiyanWorkerUrl!), opts.quality);
      };
      const main = await timed('main');
      const off = await timed('worker');
      const cell = (r: { ms: number; longestStallMs: number } | null) => (r ? `${fmt(r.ms, 0)} (${fmt(r.longestStallMs, 0)})` : '—');
      console.log(
        `${`${n}/${e}`.padEnd(13)} ${cell(main).padEnd(22)} ${cell(off).padEnd(22)} ${main && off ? `${fmt(main.longestStallMs / Math.max(off.longestStallMs, 1), 0)}×` : '—'}`,
      );
    }
    console.log(`\nmachine after: ${execSync('uptime').toString().trim()}`);
  } finally {
    await plain.browser.close();
    await soft.browser.close();
  }
}

async function fpsOf(p: Page, n: number, e: number, webgl: boolean, seconds: number): Promise<{ fps: number; renderer: string }> {
  const { renderer } = await p.evaluate(([n, e, w]) => window.huiyanBench!.build(n, e, w), [n, e, webgl] as const);
  // One warm-up second: the first frames build the caches.
  await p.evaluate(() => window.huiyanBench!.fps(1000));
  const fps = await p.evaluate((ms) => window.huiyanBench!.fps(ms), seconds * 1000);
  return { fps, renderer };
}
