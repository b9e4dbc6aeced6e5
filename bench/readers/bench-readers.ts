// npm run bench -- readers [--county dir | --persons n] [--runs r]: what reading a department's export costs
// in the shapes it may come in, each beside its plain form, measured in the same run (medians of `runs`,
// in rotating order):
// - each XLSX sheet read row by row, and the extra pass that finds its merged ranges (merged-cells.ts);
// - the largest workbook as Excel 97-2003 (.xls) beside the XLSX;
// - the largest JSON-lines file as one JSON document (an API envelope) beside the JSON lines.
// Only the readers run: no normalising, no database. The county is the generator's, or any folder given.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { read as readBook, write as writeBook } from '@e965/xlsx';
import { openSource } from '../../loaders/core/readers/source-reader.js';
import { sheetMerges, sheetNames } from '../../loaders/core/readers/workbook.js';
import type { SourceFormat } from '../../loaders/core/mapping/types.js';
import { generateCounty } from '../../synth/generate.js';

export interface ReadersBenchOptions {
  county?: string;
  persons: number;
  seed: number;
  runs: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mib = (b: number) => Math.round(b / 1024 / 1024);

/** Reads every row of a file as the loaders' reader gives them; rows and milliseconds. */
async function readAll(file: string, format: SourceFormat, hints: { expand?: string } = {}): Promise<{ rows: number; ms: number }> {
  const t0 = performance.now();
  const reader = await openSource(file, format, hints);
  let rows = 0;
  for await (const _ of reader.rows()) rows++;
  return { rows, ms: performance.now() - t0 };
}

async function mergesMs(file: string): Promise<number> {
  const t0 = performance.now();
  for (const name of await sheetNames(file)) await sheetMerges(file, name);
  return performance.now() - t0;
}

interface Case {
  name: string;
  /** The plain form's timing and the shaped form's, in one run. */
  run(): Promise<{ rows: number; plainMs: number; shapedMs: number }>;
  plain: string;
  shaped: string;
}

export async function benchReaders(o: ReadersBenchOptions): Promise<Record<string, unknown>> {
  const work = mkdtempSync(path.join(tmpdir(), 'huiyan-bench-readers-'));
  try {
    let county = o.county ? path.resolve(o.county) : path.join(work, 'county');
    if (!o.county) {
      console.log(`generating a county of ${o.persons} persons (seed ${o.seed}) in ${county}`);
      await generateCounty({ persons: o.persons, seed: o.seed, outDir: county });
    }
    county = path.resolve(county);
    const files = readdirSync(county).map((f) => path.join(county, f));
    const bySize = (ext: string) =>
      files.filter((f) => f.endsWith(ext)).sort((a, b) => statSync(b).size - statSync(a).size || a.localeCompare(b));
    const workbooks = bySize('.xlsx');
    const cases: Case[] = [];
    // Every workbook: its rows, then the pass for merged ranges that a load makes before them.
    for (const f of workbooks)
      cases.push({
        name: `${path.basename(f)}: rows, then + merged-range pass`,
        plain: 'rows',
        shaped: 'merges',
        run: async () => {
          const { rows, ms } = await readAll(f, 'xlsx');
          return { rows, plainMs: ms, shapedMs: await mergesMs(f) };
        },
      });
    /** The same records in two files, read alike: they must give as many rows. */
    const sameRows = (name: string, plain: [string, string], shaped: [string, string], format: SourceFormat): Case => ({
      name,
      plain: plain[0],
      shaped: shaped[0],
      run: async () => {
        const a = await readAll(plain[1], format);
        const b = await readAll(shaped[1], format);
        if (a.rows !== b.rows) throw new Error(`${path.basename(shaped[1])}: ${b.rows} rows against ${a.rows}`);
        return { rows: a.rows, plainMs: a.ms, shapedMs: b.ms };
      },
    });
    const biggest = workbooks[0];
    if (biggest) {
      const xls = path.join(work, `${path.basename(biggest, '.xlsx')}.xls`);
      writeFileSync(xls, writeBook(readBook(readFileSync(biggest), { dense: true }), { bookType: 'biff8', type: 'buffer' }) as Buffer);
      cases.push(sameRows(`${path.basename(biggest)} as XLSX, and as Excel 97-2003 (.xls)`, ['xlsx', biggest], ['xls', xls], 'xlsx'));
    }
    const lines = bySize('.jsonl')[0];
    if (lines) {
      const doc = path.join(work, `${path.basename(lines, '.jsonl')}.json`);
      const list = readFileSync(lines, 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as unknown);
      writeFileSync(doc, JSON.stringify({ code: 0, msg: '成功', data: { total: list.length, list } }));
      cases.push(
        sameRows(
          `${path.basename(lines)} as JSON lines, and as one JSON document (an API envelope)`,
          ['jsonl', lines],
          ['json', doc],
          'jsonl',
        ),
      );
    }
    const load0 = loadavg()[0]!;
    const timings = cases.map(() => ({ rows: 0, plain: [] as number[], shaped: [] as number[] }));
    // Warm-up: the first read of a kind also loads its code (SheetJS, stream-json).
    for (const c of cases) await c.run();
    let rss = process.memoryUsage().rss;
    for (let r = 0; r < o.runs; r++)
      for (let i = 0; i < cases.length; i++) {
        const k = (i + r) % cases.length;
        const t = await cases[k]!.run();
        timings[k]!.rows = t.rows;
        timings[k]!.plain.push(t.plainMs);
        timings[k]!.shaped.push(t.shapedMs);
        rss = Math.max(rss, process.memoryUsage().rss);
      }
    const rows = cases.map((c, i) => {
      const t = timings[i]!;
      const [plain, shaped] = [median(t.plain), median(t.shaped)];
      return {
        case: c.name,
        rows: t.rows,
        [`${c.plain} ms`]: Math.round(plain),
        [`${c.shaped} ms`]: Math.round(shaped),
        ratio: Number((shaped / plain).toFixed(2)),
      };
    });
    const summary = {
      county,
      runs: o.runs,
      loadAverage: [Number(load0.toFixed(2)), Number(loadavg()[0]!.toFixed(2))],
      peakRssMiB: mib(rss),
      cases: rows,
    };
    console.log(
      `\nreaders, medians of ${o.runs} runs (load average ${summary.loadAverage.join(' → ')}, peak RSS ${summary.peakRssMiB} MiB):`,
    );
    for (const r of rows) console.log(`  ${JSON.stringify(r)}`);
    console.log(JSON.stringify(summary));
    return summary;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
