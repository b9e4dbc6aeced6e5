// npm run bench -- readers [--county dir | --persons n] [--runs r]: what reading a department's export costs
// in the shapes it may come in, each beside its plain form, measured in the same run (medians of `runs`,
// in rotating order):
// - each XLSX sheet read row by row, and the extra pass that finds its merged ranges (merged-cells.ts);
// - the largest workbook as Excel 97-2003 (.xls) beside the XLSX;
// - the largest JSON-lines file as one JSON document (an API envelope) beside the JSON lines.
// Only the readers run: no normalising, no database. Each read runs in a process of its own (read-one.ts),
// so its time and peak memory are its own: writing the .xls through SheetJS, the benchmark's setup, takes
// gigabytes. The county is the generator's, or any folder given.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { read as readBook, write as writeBook } from '@e965/xlsx';
import type { SourceFormat } from '../../loaders/core/mapping/types.js';
import { generateCounty } from '../../synth/generate.js';

export interface ReadersBenchOptions {
  county?: string;
  persons: number;
  seed: number;
  runs: number;
}

interface Read {
  rows: number;
  ms: number;
  peakRssMiB: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** One read in a process of its own (read-one.ts). */
function readOne(...args: string[]): Read {
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'read-one.ts'), ...args], {
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Read;
}

/** Every row of a file, read as the loaders' reader gives them. */
const readAll = (file: string, format: SourceFormat): Read => readOne('rows', format, file);

interface Case {
  name: string;
  plain: string;
  shaped: string;
  /** The plain form's read and the shaped form's, in one run. */
  run(): { rows: number; plain: Read; shaped: Read };
}

/** The same records in two files, read alike: they must give as many rows. */
const sameRows = (name: string, plain: [string, string], shaped: [string, string], format: SourceFormat): Case => ({
  name,
  plain: plain[0],
  shaped: shaped[0],
  run: () => {
    const a = readAll(plain[1], format);
    const b = readAll(shaped[1], format);
    if (a.rows !== b.rows) throw new Error(`${path.basename(shaped[1])}: ${b.rows} rows against ${a.rows}`);
    return { rows: a.rows, plain: a, shaped: b };
  },
});

export async function benchReaders(o: ReadersBenchOptions): Promise<Record<string, unknown>> {
  const work = mkdtempSync(path.join(tmpdir(), 'huiyan-bench-readers-'));
  try {
    const county = path.resolve(o.county ?? path.join(work, 'county'));
    if (!o.county) {
      console.log(`generating a county of ${o.persons} persons (seed ${o.seed}) in ${county}`);
      await generateCounty({ persons: o.persons, seed: o.seed, outDir: county });
    }
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
        run: () => {
          const plain = readAll(f, 'xlsx');
          return { rows: plain.rows, plain, shaped: readOne('merges', f) };
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
    const timings = cases.map(() => ({ rows: 0, plain: [] as Read[], shaped: [] as Read[] }));
    for (let r = 0; r < o.runs; r++)
      for (let i = 0; i < cases.length; i++) {
        const k = (i + r) % cases.length;
        const t = cases[k]!.run();
        timings[k]!.rows = t.rows;
        timings[k]!.plain.push(t.plain);
        timings[k]!.shaped.push(t.shaped);
      }
    const ms = (xs: Read[]) => median(xs.map((x) => x.ms));
    const peak = (xs: Read[]) => Math.max(...xs.map((x) => x.peakRssMiB));
    const rows = cases.map((c, i) => {
      const t = timings[i]!;
      return {
        case: c.name,
        rows: t.rows,
        [`${c.plain} ms`]: Math.round(ms(t.plain)),
        [`${c.shaped} ms`]: Math.round(ms(t.shaped)),
        ratio: Number((ms(t.shaped) / ms(t.plain)).toFixed(2)),
        [`${c.plain} peak MiB`]: peak(t.plain),
        [`${c.shaped} peak MiB`]: peak(t.shaped),
      };
    });
    const summary = { county, runs: o.runs, loadAverage: [Number(load0.toFixed(2)), Number(loadavg()[0]!.toFixed(2))], cases: rows };
    console.log(
      `\nreaders, medians of ${o.runs} runs, each read in a process of its own (load average ${summary.loadAverage.join(' → ')}):`,
    );
    for (const r of rows) console.log(`  ${JSON.stringify(r)}`);
    console.log(JSON.stringify(summary));
    return summary;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
