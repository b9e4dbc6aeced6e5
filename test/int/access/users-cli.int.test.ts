// `npm run users` as an administrator runs it: a real process against a real Neo4j (the worker's, named
// through NEO4J_URI like any external server), then the sign-in route with what it printed.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../../platform/config.js';
import type { Executor } from '../../../platform/db/executor.js';
import { freshGraph, testConnection } from '../../support/db.js';
import { harnessOn, type Harness } from '../graphql/harness.js';

const run = promisify(execFile);
const VAR = path.join(ROOT, 'var', 'test-cli');
let db: Executor;
let h: Harness;

beforeAll(async () => {
  db = await freshGraph();
  h = harnessOn(db);
  rmSync(VAR, { recursive: true, force: true });
});
afterAll(async () => {
  await db?.close();
});

async function users(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const c = testConnection();
  const env = {
    ...process.env,
    NEO4J_URI: c.uri,
    NEO4J_USER: c.user,
    NEO4J_PASSWORD: c.password,
    NEO4J_DATABASE: c.database,
    HUIYAN_VAR: path.join(ROOT, 'var', 'test-cli'),
  };
  try {
    const r = await run(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bin', 'users.ts'), ...args], { env, cwd: ROOT });
    return { code: 0, out: r.stdout, err: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, out: x.stdout, err: x.stderr };
  }
}

const login = (name: string, password: string) =>
  h.app.fetch(
    new Request('http://huiyan.test/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name, password }),
    }),
  );

describe('npm run users', () => {
  it('creates the first admin with a password printed once, and resets it', async () => {
    const created = await users('create-admin', 'chief', '--display', '主任');
    expect(created.code).toBe(0);
    const pw = /shown once\): (\S+)/.exec(created.out)?.[1];
    expect(pw).toBeDefined();
    expect((await login('chief', pw!)).status).toBe(200);
    const trail = readdirSync(path.join(VAR, 'audit'))
      .filter((f) => f.endsWith('.jsonl'))
      .map((f) => readFileSync(path.join(VAR, 'audit', f), 'utf8'))
      .join('');
    const last = trail
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { operation: string; via: string; writes: unknown[] })
      .filter((r) => r.operation === 'users create-admin chief')
      .at(-1);
    expect(last).toMatchObject({ via: 'cli', writes: [{ action: 'user.create', target: 'chief' }] });

    const reset = await users('reset-password', 'chief');
    const pw2 = /shown once\): (\S+?)\./.exec(reset.out)?.[1];
    expect(pw2).toBeDefined();
    expect((await login('chief', pw!)).status).toBe(401);
    expect((await login('chief', pw2!)).status).toBe(200);
  }, 60_000);

  it('refuses bad input with a reason and a non-zero exit, and issues a token for a system', async () => {
    const dup = await users('create-admin', 'chief');
    expect(dup.code).toBe(1);
    expect(dup.err).toMatch(/CONFLICT/);
    const badRole = await users('create', 'x', '--role', 'root', '--units', '*');
    expect(badRole.code).toBe(2);
    expect(badRole.err).toMatch(/--role must be one of/);
    const token = await users('token', 'issue', '--name', '招标平台', '--role', 'system', '--units', '*');
    expect(token.code).toBe(0);
    const bearer = /Bearer (\S+)/.exec(token.out)?.[1];
    const r = await h.gql('{ me { role displayName } }', {}, { authorization: `Bearer ${bearer}` });
    expect(r.data?.me).toEqual({ role: 'system', displayName: '招标平台' });
  }, 60_000);
});
