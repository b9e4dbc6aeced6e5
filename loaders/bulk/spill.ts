// External sorting for the bulk path: records go into named streams (one per label, one per relationship
// type), are held in memory up to a budget, then sorted and written as runs (one JSON array a line). A
// stream is read back through a k-way merge of its runs, in (key, sequence) order, so that each key's
// records come together in the order they were produced and can be folded as the online writer would have
// applied them. Memory: the buffer's budget plus one read buffer per run, whatever the size of the county.
import { closeSync, mkdirSync, openSync, readSync, rmSync } from 'node:fs';
import path from 'node:path';
import { LineFile } from '../../platform/files/line-file.js';

/** [key, sequence, ...payload]; key and sequence order the records, the payload is the caller's. */
export type SpillRecord = [string, number, ...unknown[]];

/**
 * A stream's records held, as parallel arrays rather than an object a record: sorting an index over them took
 * 1.0 s for 600,000 pair keys against 1.55 s for the objects (docs/bench.md), on the collecting thread, the one
 * the reading waits for once the county is large.
 */
interface Held {
  keys: string[];
  seqs: number[];
  lines: string[];
}

/** Writes a run: the lines in (key, sequence) order, records with equal key and sequence in the order held. */
function writeRun(file: string, held: Held): void {
  const { keys, seqs, lines } = held;
  const order = new Uint32Array(keys.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((a, b) => {
    const x = keys[a]!;
    const y = keys[b]!;
    if (x !== y) return x < y ? -1 : 1;
    return seqs[a]! - seqs[b]! || a - b;
  });
  const out = new LineFile(file);
  for (const i of order) out.line(lines[i]!);
  out.close();
}

/** Buffered records are spilled past either limit: characters of their JSON, or records (each costs ~100 bytes of overhead). */
export const SPILL_CHARS = 48_000_000;
export const SPILL_RECORDS = 600_000;

export class SpillStore {
  readonly #held = new Map<string, Held>();
  readonly #runs = new Map<string, string[]>();
  #chars = 0;
  #records = 0;
  #files = 0;
  spills = 0;

  /** Records held in memory, not yet in a run. */
  get held(): number {
    return this.#records;
  }

  constructor(
    readonly dir: string,
    readonly limits = { chars: SPILL_CHARS, records: SPILL_RECORDS },
  ) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
  }

  /** A stream's runs on disk, once everything held is spilled (spill() first). */
  runsOf(stream: string): string[] {
    return [...(this.#runs.get(stream) ?? [])];
  }

  /** Takes over runs another store wrote (a CSV thread reads the streams the collecting thread spilled). */
  adopt(stream: string, runs: string[]): void {
    this.#runs.set(stream, [...(this.#runs.get(stream) ?? []), ...runs]);
  }

  add(stream: string, rec: SpillRecord): void {
    const line = JSON.stringify(rec);
    let held = this.#held.get(stream);
    if (!held) this.#held.set(stream, (held = { keys: [], seqs: [], lines: [] }));
    held.keys.push(rec[0]);
    held.seqs.push(rec[1]);
    held.lines.push(line);
    this.#chars += line.length;
    if (++this.#records >= this.limits.records || this.#chars >= this.limits.chars) this.spill();
  }

  streams(): string[] {
    return [...new Set([...this.#held.keys(), ...this.#runs.keys()])].sort();
  }

  /** Writes every stream's held records as a sorted run. */
  spill(): void {
    if (!this.#records) return;
    for (const [stream, held] of this.#held) {
      if (!held.keys.length) continue;
      const file = path.join(this.dir, `run-${++this.#files}`);
      writeRun(file, held);
      let runs = this.#runs.get(stream);
      if (!runs) this.#runs.set(stream, (runs = []));
      runs.push(file);
    }
    this.#held.clear();
    this.#chars = 0;
    this.#records = 0;
    this.spills++;
  }

  /** The stream's records in (key, sequence) order; ties in the order added. Spills what is held first. */
  *read(stream: string): Generator<SpillRecord> {
    if (this.#held.get(stream)?.keys.length) this.spill();
    const readers = (this.#runs.get(stream) ?? []).map((f, i) => new RunReader(f, i));
    const heap = new Heap();
    for (const r of readers) if (r.next()) heap.push(r);
    while (heap.size) {
      const r = heap.top();
      yield r.rec!;
      if (r.next()) heap.fix();
      else {
        heap.pop();
        r.close();
      }
    }
  }

  /** Groups of consecutive records with the same key. */
  *groups(stream: string): Generator<SpillRecord[]> {
    let group: SpillRecord[] = [];
    for (const rec of this.read(stream)) {
      if (group.length && group[0]![0] !== rec[0]) {
        yield group;
        group = [];
      }
      group.push(rec);
    }
    if (group.length) yield group;
  }

  /** Drops a stream's runs once read. */
  drop(stream: string): void {
    for (const f of this.#runs.get(stream) ?? []) rmSync(f, { force: true });
    this.#runs.delete(stream);
    this.#held.delete(stream);
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A run read line by line through a fixed buffer. */
class RunReader {
  rec: SpillRecord | undefined;
  #fd: number;
  #buf = Buffer.alloc(1 << 16);
  #text = '';
  #pos = 0;
  #eof = false;
  constructor(
    file: string,
    readonly index: number,
  ) {
    this.#fd = openSync(file, 'r');
  }
  next(): boolean {
    for (;;) {
      const nl = this.#text.indexOf('\n', this.#pos);
      if (nl >= 0) {
        this.rec = JSON.parse(this.#text.slice(this.#pos, nl)) as SpillRecord;
        this.#pos = nl + 1;
        return true;
      }
      if (this.#eof) {
        this.rec = undefined;
        return false;
      }
      const n = readSync(this.#fd, this.#buf, 0, this.#buf.length, null);
      if (n === 0) this.#eof = true;
      // Lines are split only at '\n' (JSON escapes every line break), so a partial UTF-8 sequence at the
      // buffer's end would corrupt only the text read here: keep the bytes after the last newline undecoded.
      this.#text = this.#text.slice(this.#pos) + this.#decode(n);
      this.#pos = 0;
    }
  }
  #rest: Buffer = Buffer.alloc(0);
  #decode(n: number): string {
    const chunk = Buffer.concat([this.#rest, this.#buf.subarray(0, n)]);
    const cut = this.#eof ? chunk.length : chunk.lastIndexOf(10) + 1;
    this.#rest = Buffer.from(chunk.subarray(cut));
    return chunk.subarray(0, cut).toString('utf8');
  }
  close(): void {
    closeSync(this.#fd);
  }
}

function before(a: RunReader, b: RunReader): boolean {
  const x = a.rec!;
  const y = b.rec!;
  if (x[0] !== y[0]) return x[0] < y[0];
  if (x[1] !== y[1]) return x[1] < y[1];
  return a.index < b.index;
}

class Heap {
  #a: RunReader[] = [];
  get size(): number {
    return this.#a.length;
  }
  top(): RunReader {
    return this.#a[0]!;
  }
  push(r: RunReader): void {
    const a = this.#a;
    a.push(r);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(a[i]!, a[p]!)) break;
      [a[i], a[p]] = [a[p]!, a[i]!];
      i = p;
    }
  }
  pop(): void {
    const a = this.#a;
    const last = a.pop()!;
    if (a.length) {
      a[0] = last;
      this.fix();
    }
  }
  /** Restores the order after the top changed. */
  fix(): void {
    const a = this.#a;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < a.length && before(a[l]!, a[m]!)) m = l;
      if (r < a.length && before(a[r]!, a[m]!)) m = r;
      if (m === i) return;
      [a[i], a[m]] = [a[m]!, a[i]!];
      i = m;
    }
  }
}
