// The audit trail's chain on a real folder: appends verify, and every kind of edit to the files (a field
// changed, a line removed, swapped, inserted, a file removed, the newest records cut off) is found at its
// line. Two trails on one folder, and two processes, keep one chain between them.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditTrail } from '../../../server/audit/trail.js';
import { hashOf, type AuditEvent, type AuditRecord } from '../../../server/audit/record.js';
import { parseAnchor } from '../../../server/audit/verify.js';

const run = promisify(execFile);
const PER_CHILD = 100;
const dirs: string[] = [];
function folder(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'huiyan-audit-'));
  dirs.push(d);
  return path.join(d, 'audit');
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const read = (who: string, uid: string, at?: string): AuditEvent => ({
  ...(at ? { at } : {}),
  actor: who,
  role: 'handler',
  via: 'password',
  ip: '127.0.0.1',
  operation: 'query Panel {entity}',
  kind: 'read',
  reason: '案号 2024-017',
  entities: [uid],
});

async function trailOf(n: number): Promise<{ trail: AuditTrail; file: string }> {
  const trail = new AuditTrail(folder());
  for (let i = 1; i <= n; i++) await trail.append(read('zhang', `Person:p${i}`));
  const [name] = readdirSync(trail.dir).filter((f) => f.endsWith('.jsonl'));
  return { trail, file: path.join(trail.dir, name!) };
}

const linesOf = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean);
const writeLines = (file: string, lines: string[]) => writeFileSync(file, `${lines.join('\n')}\n`);

describe('the audit chain', () => {
  it('appends records that carry the hash of the one before, and verifies', async () => {
    const { trail, file } = await trailOf(5);
    const records = linesOf(file).map((l) => JSON.parse(l) as AuditRecord);
    expect(records.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    for (let i = 1; i < records.length; i++) expect(records[i]!.prev).toBe(records[i - 1]!.hash);
    for (const r of records) expect(hashOf(r)).toBe(r.hash);
    expect(records[2]).toMatchObject({ actor: 'zhang', reason: '案号 2024-017', entities: ['Person:p3'], kind: 'read' });
    const v = await trail.verify();
    expect(v).toMatchObject({ ok: true, records: 5, files: 1, problem: null });
    expect(v.last).toEqual({ seq: 5, hash: records[4]!.hash });
  });

  it('keeps the files owner-only', async () => {
    const { trail, file } = await trailOf(1);
    expect(statSync(file).mode & 0o077).toBe(0);
    expect(statSync(trail.dir).mode & 0o077).toBe(0);
  });

  it('finds a field changed in one line, at that line', async () => {
    const { trail, file } = await trailOf(5);
    const lines = linesOf(file);
    lines[2] = lines[2]!.replace('Person:p3', 'Person:p9');
    writeLines(file, lines);
    const v = await trail.verify();
    expect(v).toMatchObject({ ok: false, file: path.basename(file), line: 3, records: 2 });
    expect(v.problem).toMatch(/changed/);
  });

  it('finds a changed line whose hash was recomputed, at the next line', async () => {
    const { trail, file } = await trailOf(5);
    const lines = linesOf(file);
    const r = JSON.parse(lines[1]!) as AuditRecord;
    r.actor = 'someone-else';
    r.hash = hashOf(r);
    lines[1] = JSON.stringify(r);
    writeLines(file, lines);
    expect(await trail.verify()).toMatchObject({ ok: false, line: 3 });
  });

  it('finds a removed line', async () => {
    const { trail, file } = await trailOf(5);
    const lines = linesOf(file);
    lines.splice(1, 1);
    writeLines(file, lines);
    const v = await trail.verify();
    expect(v).toMatchObject({ ok: false, line: 2 });
    expect(v.problem).toMatch(/removed, inserted or moved/);
  });

  it('finds two lines swapped', async () => {
    const { trail, file } = await trailOf(5);
    const lines = linesOf(file);
    [lines[2], lines[3]] = [lines[3]!, lines[2]!];
    writeLines(file, lines);
    expect(await trail.verify()).toMatchObject({ ok: false, line: 3 });
  });

  it('finds a line inserted, even one sealed to follow the line before it', async () => {
    const { trail, file } = await trailOf(4);
    const lines = linesOf(file);
    const before = JSON.parse(lines[1]!) as AuditRecord;
    const forged: Omit<AuditRecord, 'hash'> = { ...before, seq: before.seq + 1, entities: ['Person:x'], prev: before.hash };
    lines.splice(2, 0, JSON.stringify({ ...forged, hash: hashOf(forged) }));
    writeLines(file, lines);
    // The forgery itself holds; the record after it no longer does.
    expect(await trail.verify()).toMatchObject({ ok: false, line: 4 });
  });

  it('finds a line that is not JSON, and a blank line', async () => {
    const { trail, file } = await trailOf(3);
    const lines = linesOf(file);
    writeLines(file, [lines[0]!, '', lines[1]!, lines[2]!]);
    expect(await trail.verify()).toMatchObject({ ok: false, line: 2 });
    writeLines(file, [lines[0]!, lines[1]!.slice(0, -3), lines[2]!]);
    expect(await trail.verify()).toMatchObject({ ok: false, line: 2, problem: expect.stringMatching(/not a JSON record/) });
  });

  it('refuses to append after a last line that does not parse, rather than start a new chain', async () => {
    const { trail, file } = await trailOf(2);
    writeFileSync(file, readFileSync(file, 'utf8').slice(0, -10));
    await expect(trail.append(read('li', 'Person:p1'))).rejects.toThrow(/incomplete/);
  });

  it('catches the newest records cut off only with an anchor noted elsewhere', async () => {
    const { trail, file } = await trailOf(5);
    const anchor = `${(await trail.verify()).last!.seq}:${(await trail.verify()).last!.hash}`;
    writeLines(file, linesOf(file).slice(0, 3));
    expect((await trail.verify()).ok).toBe(true);
    const v = await trail.verify([parseAnchor(anchor)!]);
    expect(v).toMatchObject({ ok: false, problem: expect.stringMatching(/newest records were removed/) });
  });

  it('catches a chain rewritten from the start with an anchor', async () => {
    const { trail, file } = await trailOf(3);
    const anchor = (await trail.verify()).last!;
    rmSync(file);
    for (let i = 1; i <= 3; i++) await trail.append(read('forger', `Person:q${i}`));
    expect((await trail.verify()).ok).toBe(true);
    expect(await trail.verify([anchor])).toMatchObject({ ok: false, line: 3, problem: expect.stringMatching(/rewritten/) });
  });
});

describe('one file per month', () => {
  it('continues the chain across months, and finds a month file removed', async () => {
    const trail = new AuditTrail(folder());
    await trail.append(read('zhang', 'Person:a', '2024-01-31T23:59:00.000Z'));
    await trail.append(read('zhang', 'Person:b', '2024-02-01T00:01:00.000Z'));
    await trail.append(read('zhang', 'Person:c', '2024-03-05T10:00:00.000Z'));
    expect(readdirSync(trail.dir).filter((f) => f.endsWith('.jsonl'))).toEqual([
      'trail-2024-01.jsonl',
      'trail-2024-02.jsonl',
      'trail-2024-03.jsonl',
    ]);
    expect(await trail.verify()).toMatchObject({ ok: true, records: 3, files: 3 });
    rmSync(path.join(trail.dir, 'trail-2024-02.jsonl'));
    expect(await trail.verify()).toMatchObject({ ok: false, file: 'trail-2024-03.jsonl', line: 1 });
  });

  it('never writes back into a month the chain has left (a late clock)', async () => {
    const trail = new AuditTrail(folder());
    await trail.append(read('zhang', 'Person:a', '2024-02-01T00:00:01.000Z'));
    await trail.append(read('wang', 'Person:b', '2024-01-31T23:59:59.000Z'));
    expect(readdirSync(trail.dir).filter((f) => f.endsWith('.jsonl'))).toEqual(['trail-2024-02.jsonl']);
    expect((await trail.verify()).ok).toBe(true);
  });
});

describe('appenders sharing one folder', () => {
  it('two trails in one process, appending at once, keep one chain', async () => {
    const dir = folder();
    const a = new AuditTrail(dir);
    const b = new AuditTrail(dir);
    await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).append(read(i % 2 ? 'a' : 'b', `Person:${i}`))));
    expect(await a.verify()).toMatchObject({ ok: true, records: 40 });
  });

  it('two processes appending at once keep one chain', async () => {
    const dir = folder();
    const trail = new AuditTrail(dir);
    await trail.append(read('parent', 'Person:first'));
    const module = path.resolve(import.meta.dirname, '../../../server/audit/trail.ts');
    const flag = (name: string) => path.join(path.dirname(dir), name);
    // Each child says it is ready and waits for the go, so their appends overlap instead of one process
    // finishing before the other has started.
    const script = (who: string) => `
      import { existsSync, writeFileSync } from 'node:fs';
      import { AuditTrail } from ${JSON.stringify(module)};
      const t = new AuditTrail(${JSON.stringify(dir)});
      writeFileSync(${JSON.stringify(flag(`ready-${who}`))}, '');
      while (!existsSync(${JSON.stringify(flag('go'))})) await new Promise((r) => setTimeout(r, 5));
      for (let i = 0; i < ${PER_CHILD}; i++) {
        // Halfway, each waits until the other is halfway too. The lock is not fair (a waiter backs off up to
        // 200 ms while the holder takes it again at once), so on a busy machine one child could otherwise
        // write all its records before the other wrote one; this way the chain passes from one process to
        // the other at least twice whatever the scheduling.
        if (i === ${PER_CHILD / 2}) {
          writeFileSync(${JSON.stringify(flag(`half-${who}`))}, '');
          while (!existsSync(${JSON.stringify(flag('half-p1'))}) || !existsSync(${JSON.stringify(flag('half-p2'))}))
            await new Promise((r) => setTimeout(r, 5));
        }
        // Some one at a time, some in bursts, so both the lock and the in-process batching are exercised.
        if (i % 5 === 0) await Promise.all([0, 1, 2].map((k) => t.append({ actor: '${who}', role: null, via: 'cli', ip: null,
          operation: 'burst', kind: 'write', reason: null, writes: [{ action: 'test', target: String(i * 10 + k) }] })));
        else await t.append({ actor: '${who}', role: null, via: 'cli', ip: null, operation: 'one', kind: 'write', reason: null });
      }
    `;
    const child = (who: string) => run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script(who)]);
    const children = Promise.all([child('p1'), child('p2')]);
    while (!existsSync(flag('ready-p1')) || !existsSync(flag('ready-p2'))) await new Promise((r) => setTimeout(r, 10));
    writeFileSync(flag('go'), '');
    await Promise.all([children, trail.append(read('parent', 'Person:mid'))]);
    const v = await trail.verify();
    const perChild = (PER_CHILD * 4) / 5 + (PER_CHILD / 5) * 3;
    expect(v).toMatchObject({ ok: true, records: 1 + 2 * perChild + 1 });
    const actors = linesOf(
      path.join(
        dir,
        readdirSync(dir).find((f) => f.endsWith('.jsonl'))!,
      ),
    ).map((l) => (JSON.parse(l) as AuditRecord).actor);
    // The chain passed between the two children at least twice (the halfway wait above): each time, one process
    // appended after the last hash the other had written.
    const switches = actors.filter((a, i) => i > 0 && a !== actors[i - 1] && a !== 'parent' && actors[i - 1] !== 'parent').length;
    expect(switches).toBeGreaterThanOrEqual(2);
  });
});

describe('the lock between batches', () => {
  it('is kept for the next batch while the trail is busy, and given back once it is idle', async () => {
    const trail = new AuditTrail(folder());
    await trail.append(read('zhang', 'Person:p1'));
    await new Promise((r) => setImmediate(r));
    expect(existsSync(path.join(trail.dir, 'trail.lock'))).toBe(true);
    await trail.append(read('zhang', 'Person:p2'));
    while (existsSync(path.join(trail.dir, 'trail.lock'))) await new Promise((r) => setTimeout(r, 20));
    // Taken again for the next record, after the chain's head is read from disk once more.
    await trail.append(read('zhang', 'Person:p3'));
    expect(await trail.verify()).toMatchObject({ ok: true, records: 3 });
  });

  it('reads the head from disk again when the newest file is not as the trail left it', async () => {
    const { trail, file } = await trailOf(3);
    // An older copy put back while the lock was kept: the next record follows the copy's last line.
    const lines = linesOf(file);
    writeLines(file, lines.slice(0, 2));
    const r = await trail.append(read('li', 'Person:p9'));
    expect(r).toMatchObject({ seq: 3, prev: (JSON.parse(lines[1]!) as AuditRecord).hash });
    expect(await trail.verify()).toMatchObject({ ok: true, records: 3 });
  });

  it('is given to another process that waits for it, while this one goes on appending', async () => {
    const dir = folder();
    const trail = new AuditTrail(dir);
    await trail.append(read('parent', 'Person:first'));
    const module = path.resolve(import.meta.dirname, '../../../server/audit/trail.ts');
    const script = `
      import { AuditTrail } from ${JSON.stringify(module)};
      await new AuditTrail(${JSON.stringify(dir)}).append({ actor: 'child', role: null, via: 'cli', ip: null, operation: 'one', kind: 'write', reason: null });
    `;
    let childDone = false;
    const child = run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script]).finally(() => (childDone = true));
    // Busy without a pause: the lock is never idle long enough to be given back for want of work.
    const started = Date.now();
    while (!childDone && Date.now() - started < 60_000) await trail.append(read('parent', 'Person:loop'));
    await child;
    const actors = linesOf(
      path.join(
        dir,
        readdirSync(dir).find((f) => f.endsWith('.jsonl'))!,
      ),
    ).map((l) => (JSON.parse(l) as AuditRecord).actor);
    const at = actors.indexOf('child');
    expect(at).toBeGreaterThan(0);
    // The child's record came while the parent was still appending: the parent gave the lock up and took it back.
    expect(actors.slice(at + 1)).toContain('parent');
    expect(await trail.verify()).toMatchObject({ ok: true, records: actors.length });
  });
});

describe('group commit', () => {
  it('answers each of many concurrent appends with its own record, in one chain in the order they came, in shared batches', async () => {
    const trail = new AuditTrail(folder());
    await trail.append(read('first', 'Person:0'));
    const before = trail.batches;
    const records = await Promise.all(Array.from({ length: 60 }, (_, i) => trail.append(read(`r${i}`, `Person:${i + 1}`))));
    expect(records.map((r) => r.seq)).toEqual(Array.from({ length: 60 }, (_, i) => i + 2));
    expect(records.map((r) => r.actor)).toEqual(Array.from({ length: 60 }, (_, i) => `r${i}`));
    const [name] = readdirSync(trail.dir).filter((f) => f.endsWith('.jsonl'));
    const onDisk = linesOf(path.join(trail.dir, name!)).map((l) => JSON.parse(l) as AuditRecord);
    expect(onDisk.slice(1)).toEqual(records);
    expect(await trail.verify()).toMatchObject({ ok: true, records: 61 });
    // Sixty records, far fewer locks, writes and fsyncs: the first went alone, the rest waited for it.
    expect(trail.batches - before).toBeLessThanOrEqual(3);
  });

  it('fails every append of a batch that cannot be written, writes none of them, and writes the next batch once the cause is gone', async () => {
    const trail = new AuditTrail(folder());
    await trail.append(read('first', 'Person:0'));
    // A folder where the newest month's file should be: reading the chain's last record fails.
    const blocker = path.join(trail.dir, 'trail-2999-01.jsonl');
    mkdirSync(blocker);
    const failed = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => trail.append(read(`lost${i}`, `Person:${i}`))));
    expect(failed.map((r) => r.status)).toEqual(Array(20).fill('rejected'));
    rmSync(blocker, { recursive: true });
    expect(await trail.verify()).toMatchObject({ ok: true, records: 1 });
    const later = await Promise.all(Array.from({ length: 5 }, (_, i) => trail.append(read(`ok${i}`, `Person:${i}`))));
    expect(later.map((r) => r.seq)).toEqual([2, 3, 4, 5, 6]);
    expect(await trail.verify()).toMatchObject({ ok: true, records: 6 });
  });
});
