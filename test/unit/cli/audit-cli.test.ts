// `npm run audit`: verify exits 0 on a whole chain and 1 after one line was edited, naming the file and
// line; head prints the anchor; search prints the records; a load or model run from the command line
// appends to the same chain.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditTrail } from '../../../server/audit/trail.js';
import { recordedCommand } from '../../../server/audit/command.js';

const exec = promisify(execFile);
const CLI = path.resolve(import.meta.dirname, '../../../bin/audit.ts');
const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

async function cli(varDir: string, ...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await exec(process.execPath, ['--import', 'tsx', CLI, ...args], { env: { ...process.env, HUIYAN_VAR: varDir } });
    return { code: 0, out: stdout };
  } catch (e) {
    const x = e as { code: number; stdout: string };
    return { code: x.code, out: x.stdout };
  }
}

async function varWithTrail(): Promise<string> {
  const varDir = mkdtempSync(path.join(tmpdir(), 'huiyan-audit-cli-'));
  roots.push(varDir);
  const trail = AuditTrail.in(varDir);
  for (const who of ['zhang', 'li', 'zhang'])
    await trail.append({
      actor: who,
      role: 'handler',
      via: 'password',
      ip: null,
      operation: 'query {entity}',
      kind: 'read',
      reason: '案号 3',
      entities: [`Person:${who}`],
    });
  return varDir;
}

describe('npm run audit', () => {
  it('verifies a whole chain, and fails with the file and line after one line is edited', async () => {
    const varDir = await varWithTrail();
    const ok = await cli(varDir, 'verify');
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/^ok: 3 records in 1 files/);

    const dir = path.join(varDir, 'audit');
    const name = readdirSync(dir).find((f) => f.endsWith('.jsonl'))!;
    const file = path.join(dir, name);
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('"reason":"案号 3","entities":["Person:li"]', '"reason":"例行","entities":["Person:li"]'),
    );
    const bad = await cli(varDir, 'verify');
    expect(bad.code).toBe(1);
    expect(bad.out).toContain(`FAILED ${name} line 2`);
  });

  it('prints the anchor, and verify --expect catches records cut off after it', async () => {
    const varDir = await varWithTrail();
    const anchor = (await cli(varDir, 'head')).out.trim();
    expect(anchor).toMatch(/^3:[0-9a-f]{64}$/);
    const dir = path.join(varDir, 'audit');
    const file = path.join(
      dir,
      readdirSync(dir).find((f) => f.endsWith('.jsonl'))!,
    );
    writeFileSync(file, readFileSync(file, 'utf8').split('\n').slice(0, 2).join('\n') + '\n');
    expect((await cli(varDir, 'verify')).code).toBe(0);
    expect((await cli(varDir, 'verify', '--expect', anchor)).code).toBe(1);
  });

  it('searches by actor', async () => {
    const varDir = await varWithTrail();
    const out = (await cli(varDir, 'search', '--actor', 'zhang')).out.trim().split('\n');
    expect(out).toHaveLength(2);
    expect(out[0]).toMatch(/^3\t.*\tread\tzhang\/handler\tquery \{entity\}\t事由 案号 3\tentities Person:zhang$/);
  });

  it('refuses an unknown command with the usage', async () => {
    const varDir = await varWithTrail();
    expect((await cli(varDir, 'rewrite')).code).toBe(2);
  });
});

describe('commands in the trail', () => {
  it('records what a command wrote, and a command that failed part-way', async () => {
    const varDir = await varWithTrail();
    const n = await recordedCommand(
      varDir,
      'load data/x.csv',
      async () => 42,
      () => ({ writes: [{ action: 'data.load', target: 'data/x.csv' }] }),
    );
    expect(n).toBe(42);
    await expect(
      recordedCommand(
        varDir,
        'load data/y.csv',
        () => Promise.reject(new Error('no database')),
        () => ({}),
      ),
    ).rejects.toThrow('no database');
    const { records } = await AuditTrail.in(varDir).search({ operation: 'load' }, 5, null);
    expect(records.map((r) => [r.operation, r.kind, r.via, r.detail, r.writes])).toEqual([
      ['load data/y.csv', 'write', 'cli', 'failed: no database', []],
      ['load data/x.csv', 'write', 'cli', null, [{ action: 'data.load', target: 'data/x.csv' }]],
    ]);
    expect(records[0]!.actor).toMatch(/^os:/);
    expect((await AuditTrail.in(varDir).verify()).ok).toBe(true);
  });
});
