// Files holding personal data are the owner's alone. The umask is process-wide, so the checks run in a
// child process, as an entry point would.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../platform/config.js';
import { insecureSettings } from '../../../server/startup-warnings.js';

const MODULE = path.resolve(import.meta.dirname, '../../../platform/files/owner-only.ts');
const mode = (p: string) => statSync(p).mode & 0o777;

describe('owner-only files', () => {
  it('tightens what an earlier run left readable, and makes what the process then writes owner-only', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'huiyan-owner-'));
    const home = path.join(root, 'home');
    mkdirSync(path.join(home, 'data'), { recursive: true, mode: 0o755 });
    writeFileSync(path.join(home, 'data', 'neostore'), 'x', { mode: 0o644 });
    chmodSync(path.join(home, 'data'), 0o755);
    chmodSync(home, 0o755);
    const script = `
      import { mkdirSync, writeFileSync } from 'node:fs';
      import { ownerOnly } from ${JSON.stringify(MODULE)};
      ownerOnly([${JSON.stringify(home)}]);
      mkdirSync(${JSON.stringify(path.join(root, 'var', 'rejects'))}, { recursive: true });
      writeFileSync(${JSON.stringify(path.join(root, 'var', 'rejects', 'hukou.csv'))}, '330102199001010011');
    `;
    execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script]);
    expect(mode(home)).toBe(0o700);
    expect(mode(path.join(home, 'data'))).toBe(0o700);
    expect(mode(path.join(home, 'data', 'neostore'))).toBe(0o600);
    expect(mode(path.join(root, 'var', 'rejects'))).toBe(0o700);
    expect(mode(path.join(root, 'var', 'rejects', 'hukou.csv'))).toBe(0o600);
  });
});

describe('start-up warnings', () => {
  it('names every insecure setting of the demo defaults', () => {
    const w = insecureSettings(loadConfig({})).join('\n');
    // Sign-in exists and a pseudonymisation key is made at first start: neither is a warning any more.
    expect(w).not.toMatch(/sign-in|PSEUDONYM/i);
    expect(w).toMatch(/Development mode/);
    expect(w).not.toMatch(/Listening on/);
  });

  it('says when the server listens beyond the machine or talks to a remote Neo4j unencrypted', () => {
    const w = insecureSettings(
      loadConfig({
        HOST: '0.0.0.0',
        NEO4J_URI: 'neo4j://db.internal:7687',
        NEO4J_PASSWORD: 'x',
        NODE_ENV: 'production',
        HUIYAN_PSEUDONYM_KEY: 'k',
      }),
    ).join('\n');
    expect(w).toMatch(/Listening on 0\.0\.0\.0/);
    expect(w).toMatch(/NEO4J_URI neo4j:\/\/db\.internal:7687 is not encrypted/);
    expect(w).not.toMatch(/PSEUDONYM|Development mode/);
    const safe = insecureSettings(
      loadConfig({ NEO4J_URI: 'neo4j+s://db.internal:7687', NEO4J_PASSWORD: 'x', NODE_ENV: 'production', HUIYAN_PSEUDONYM_KEY: 'k' }),
    );
    expect(safe).toEqual([]);
  });
});
