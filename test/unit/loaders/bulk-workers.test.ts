// The bulk path's reading threads (loaders/bulk/read-pool.ts): a county whose files carry bad rows, quoted
// line breaks, a broken JSON line and a CSV that breaks off part-way, read on the main thread, by one thread
// and by two, each file cut into many small ranges: the importer's CSV files, the rejects files and the
// reconciliation must be the same, byte for byte. The importer's files are written on one thread for the
// first, by the CSV threads (loaders/bulk/csv-pool.ts) for the others: same bytes, same file order.
import { appendFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectFiles } from '../../../loaders/bulk/collect.js';
import { writeCsvFiles } from '../../../loaders/bulk/csv-pool.js';
import { writeImporterCsv, type ImporterFiles } from '../../../loaders/bulk/importer-csv.js';
import { PhaseMemoryMeter, type PhaseMemory } from '../../../loaders/bulk/memory.js';
import { loadWorkers, resize, type ReadPool } from '../../../loaders/bulk/read-pool.js';
import { mappingsFor, type LoadReport } from '../../../loaders/core/load-files.js';
import { pseudonymiser } from '../../../platform/identifiers/pseudonym.js';
import { loadGraphSchema } from '../../../platform/schema/graph-schema.js';
import { generateCounty } from '../../../synth/generate.js';

const KEY = 'a test pseudonym key of enough characters';
let tmp: string;
interface Run {
  dir: string;
  report: LoadReport;
  files: ImporterFiles;
  threads: number;
  memory: PhaseMemory;
  ranges?: ReadPool['ranges'];
}
/**
 * By threads (0, 1, 2); 'here': one thread with the main thread reading about every other range itself;
 * 'sized': up to three threads started and then stopped by a memory budget part-way through files (scripted below).
 */
const runs: Record<number | 'here' | 'sized', Run> = {} as Record<number | 'here' | 'sized', Run>;
/** The resident set the 'sized' run's budget sees, by call: room at first, then over budget, then room again. */
function scriptedRss(): () => number {
  let calls = 0;
  return () => {
    calls++;
    return calls > 30 && calls <= 150 ? 1000 * MiB : 0;
  };
}
const MiB = 2 ** 20;

/** Rewrites a GB18030 CSV's lines (CRLF-separated, as the generator writes them). */
function editLines(file: string, edit: (lines: string[]) => void): void {
  const lines = iconv.decode(readFileSync(file), 'gb18030').split('\r\n');
  edit(lines);
  writeFileSync(file, iconv.encode(lines.join('\r\n'), 'gb18030'));
}

/** Every file under dir, by relative path → bytes. */
function tree(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const f of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (f.isFile()) out.set(path.relative(dir, path.join(f.parentPath, f.name)), readFileSync(path.join(f.parentPath, f.name)));
  return out;
}

/** The report without its clock readings. */
const untimed = (r: LoadReport) => ({
  ...r,
  durationMs: 0,
  files: r.files.map((f) => ({ ...f, startedAt: '', durationMs: 0, rejectsFile: f.rejectsFile && path.basename(f.rejectsFile) })),
});

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'huiyan-bulk-workers-'));
  const county = path.join(tmp, 'county');
  await generateCounty({ persons: 400, seed: 11, outDir: county });
  // A payment with a control character, one whose address holds a quoted line break, and an opening quote
  // three quarters in that is never closed: the file stops there, with csv-parse's line number in the reason.
  editLines(path.join(county, '民生资金发放.csv'), (lines) => {
    const cols = lines[5]!.split(',');
    cols[5] = `${cols[5]}\u0001`;
    lines[5] = cols.join(',');
    const quoted = lines[40]!.split(',');
    quoted[7] = `"${quoted[7]}\r\n第二行, 含逗号 ""引号"""`;
    lines[40] = quoted.join(',');
    const at = Math.floor(lines.length * 0.75);
    lines[at] = lines[at]!.replace(',', ',"');
    // No quote after it closes it.
    for (let i = at + 1; i < lines.length; i++) lines[i] = lines[i]!.replaceAll('"', '');
  });
  editLines(path.join(county, '户籍人口.csv'), (lines) => {
    const cols = lines[9]!.split(',');
    cols[6] = `"${cols[6]}\n(旧址)"`;
    lines[9] = cols.join(',');
    // A 小计 row inside a range read by a thread, a 合计 row and a line under the table at the end: set aside
    // alike on every thread, as notes in the rejects file.
    const blank = (first: string) => [first, ...cols.slice(1).map(() => '')].join(',');
    lines.splice(300, 0, blank('小计'));
    const last = lines.at(-1) === '' ? lines.length - 1 : lines.length;
    lines.splice(last, 0, blank('合计'), blank('制表人：李梅'));
  });
  appendFileSync(path.join(county, '投标记录.jsonl'), '{"投标编号": not json}\n\n');
  const schema = loadGraphSchema();
  const mappings = mappingsFor({ rejectsDir: '' }, schema);
  for (const name of [0, 1, 2, 'here', 'sized'] as const) {
    const workers = name === 'here' ? 1 : name === 'sized' ? 3 : name;
    const dir = path.join(tmp, `w${name}`);
    const meter = new PhaseMemoryMeter();
    meter.start('read');
    const c = await collectFiles([county], {
      schema,
      mappings,
      rejectsDir: path.join(dir, 'rejects'),
      spillDir: path.join(tmp, `runs${name}`),
      pseudonymise: pseudonymiser(KEY),
      pseudonymKey: KEY,
      batchSize: 50,
      workers,
      // Ranges of 4 KiB: every text file of the county is cut, most into many ranges.
      rangeBytes: 4096,
      ...(name === 'here' ? { readHere: 'alternate' as const } : {}),
      ...(name === 'sized'
        ? { memoryBudget: { bytes: 1000 * MiB, threadBytes: 100 * MiB, headroomBytes: 10 * MiB, rss: scriptedRss(), settleMs: 0 } }
        : {}),
    });
    meter.end();
    const csv = path.join(dir, 'csv');
    const kin = c.derive.has('householdKin');
    const { threads, ...files } = workers
      ? await writeCsvFiles(c.graph, schema, csv, kin, { threads: workers + 1 })
      : { ...writeImporterCsv(c.graph, schema, csv, kin), threads: 1 };
    c.graph.store.remove();
    runs[name] = { dir, report: c.report, files, threads, memory: meter.phases.read!, ...(c.ranges ? { ranges: c.ranges } : {}) };
  }
}, 600_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('reading the bulk path on several threads', () => {
  it('read the damaged files as damaged: rows rejected, a quoted line break kept, a file stopped part-way', () => {
    const files = runs[0]!.report.files;
    const welfare = files.find((f) => f.file === '民生资金发放.csv')!;
    expect(welfare.status).toBe('stopped');
    expect(welfare.stopReason).toMatch(/^CSV parse error after data row \d+: Quote Not Closed.* at line \d+$/);
    const rejects = readFileSync(welfare.rejectsFile!, 'utf8');
    expect(rejects).toMatch(/control character U\+0001/);
    expect(files.find((f) => f.file === '投标记录.jsonl')!.rowsRejected).toBeGreaterThan(0);
    expect(tree(path.join(runs[0]!.dir, 'csv')).get('nodes-Person.csv')!.toString()).toContain('(旧址)');
    const hukou = files.find((f) => f.file === '户籍人口.csv')!;
    expect(hukou.asideRows).toEqual({
      count: 3,
      first: [
        { row: 300, text: '小计' },
        { row: hukou.rowsRead + 2, text: '合计' },
        { row: hukou.rowsRead + 3, text: '制表人:李梅' },
      ],
    });
    expect(readFileSync(hukou.rejectsFile!, 'utf8')).toContain('not a record but a total or a line under the table: 「小计」');
  });

  const told = { here: 'one thread and the main thread reading', sized: 'threads started and stopped by a memory budget' } as const;
  for (const workers of [1, 2, 'here', 'sized'] as const)
    it(`gives the same importer CSV, rejects and reconciliation with ${typeof workers === 'number' ? `${workers} thread(s)` : told[workers]} as on the main thread`, () => {
      const one = tree(runs[0]!.dir);
      const many = tree(runs[workers]!.dir);
      expect([...many.keys()].sort()).toEqual([...one.keys()].sort());
      for (const [f, bytes] of one) expect(many.get(f)!.equals(bytes), f).toBe(true);
      expect(untimed(runs[workers]!.report)).toEqual(untimed(runs[0]!.report));
    });

  it('reads ranges on the main thread beside the reading thread when told to, and counts them', () => {
    const { threads, here } = runs.here.ranges!;
    expect(here).toBeGreaterThan(10);
    expect(threads).toBeGreaterThan(10);
    expect(runs[0]!.ranges).toBeUndefined();
    // The same ranges in all: the files are cut alike however they are shared out.
    const all = (r: Run) => r.ranges!.threads + r.ranges!.here;
    expect(all(runs.here)).toBe(all(runs[1]!));
    expect(all(runs[2]!)).toBeGreaterThanOrEqual(all(runs[1]!));
  });

  for (const workers of [1, 2])
    it(`writes the importer's files on ${workers + 1} CSV threads in the order one thread writes them, kinship derived`, () => {
      const names = (f: ImporterFiles) => ({
        ...f,
        nodes: f.nodes.map((n) => path.basename(n)),
        relationships: f.relationships.map((n) => path.basename(n)),
      });
      const one = runs[0]!.files;
      expect(one.householdKin!.relationships).toBeGreaterThan(0);
      expect(names(runs[workers]!.files)).toEqual(names(one));
      expect(runs[workers]!.threads).toBe(workers + 1);
    });

  it("counts the reading threads' heaps in the read phase's memory, beside the main thread's heap", () => {
    expect(runs[0]!.memory.threadsHeapPeakMiB).toBe(0);
    // Each thread has loaded the loader's modules (tsx, zod, the schema): several MiB of heap at least.
    expect(runs[1]!.memory.threadsHeapPeakMiB).toBeGreaterThan(2);
    expect(runs[2]!.memory.threadsHeapPeakMiB).toBeGreaterThan(runs[1]!.memory.threadsHeapPeakMiB);
    for (const w of [0, 1, 2]) {
      const m = runs[w]!.memory;
      expect(m.heapPeakMiB).toBeGreaterThan(0);
      expect(m.rssPeakMiB).toBeGreaterThanOrEqual(m.heapPeakMiB);
    }
  });

  it('starts threads while the budget has room, stops them all when it has none, and starts none after', () => {
    const r = runs.sized.ranges!;
    expect(r.mostThreads).toBe(3);
    expect(r.stopped).toBe(3);
    // The budget has room again from the 151st look on (scriptedRss): a stopped thread stays stopped.
    expect(r.started).toBe(3);
    // While no thread was reading, the main thread read the files on.
    expect(r.here).toBeGreaterThan(10);
    expect(r.threads).toBeGreaterThan(10);
  });

  it('reads with up to one thread per core beside the main thread under a 1.5 GB budget, unless HUIYAN_LOAD_WORKERS fixes the number', () => {
    expect(loadWorkers({ HUIYAN_LOAD_WORKERS: '3' }, 2)).toEqual({ most: 3 });
    expect(loadWorkers({ HUIYAN_LOAD_WORKERS: '0' }, 16)).toEqual({ most: 0 });
    const sized = loadWorkers({ HUIYAN_LOAD_WORKERS: 'many' }, 2);
    expect(sized.most).toBe(1);
    expect(sized.budget!.bytes).toBe(1536 * MiB);
    expect(sized.budget!.rss()).toBeGreaterThan(10 * MiB);
    expect(loadWorkers({}, 16).most).toBe(15);
    expect(loadWorkers({ HUIYAN_LOAD_MEMORY_MB: '4096' }, 16).budget!.bytes).toBe(4096 * MiB);
    expect(loadWorkers({}, 1).most).toBe(0);
  });

  it('adds a thread only while its cost fits under the budget with the headroom, and drops one within the headroom', () => {
    const b = { bytes: 1536 * MiB, threadBytes: 320 * MiB, headroomBytes: 256 * MiB };
    expect(resize(1, 3, 900 * MiB, b)).toBe(1);
    expect(resize(1, 3, 1000 * MiB, b)).toBe(0);
    expect(resize(3, 3, 500 * MiB, b)).toBe(0);
    expect(resize(2, 3, 1300 * MiB, b)).toBe(-1);
    expect(resize(0, 3, 1300 * MiB, b)).toBe(0);
  });
});
