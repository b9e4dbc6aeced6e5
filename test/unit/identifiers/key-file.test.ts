// The pseudonymisation key: made once, kept owner-only beside the database password, reused after.
import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../platform/config.js';
import { KEY_FILE, KeyFileError, keyFilePath, resolvePseudonymKey } from '../../../platform/identifiers/key-file.js';

const mode = (p: string) => statSync(p).mode & 0o777;
const fresh = () => mkdtempSync(path.join(tmpdir(), 'huiyan-key-'));

describe('the pseudonymisation key file', () => {
  it('is generated at first use in the embedded home, 0600 in a 0700 folder, and reused afterwards', () => {
    const home = path.join(fresh(), 'home');
    const cfg = loadConfig({ HUIYAN_NEO4J_HOME: home });
    const first = resolvePseudonymKey(cfg);
    expect(first).toMatchObject({ source: 'generated', file: path.join(home, KEY_FILE) });
    expect(first.key).toMatch(/^[0-9a-f]{64}$/);
    expect(mode(first.file!)).toBe(0o600);
    expect(mode(home)).toBe(0o700);
    expect(readFileSync(first.file!, 'utf8').trim()).toBe(first.key);

    const again = resolvePseudonymKey(cfg);
    expect(again).toEqual({ key: first.key, source: 'file', file: first.file });
  });

  it('lives in var/secrets for an external Neo4j', () => {
    const varDir = path.join(fresh(), 'var');
    const cfg = loadConfig({ NEO4J_URI: 'bolt://127.0.0.1:7687', NEO4J_PASSWORD: 'x', HUIYAN_VAR: varDir });
    expect(keyFilePath(cfg)).toBe(path.join(varDir, 'secrets', KEY_FILE));
    const k = resolvePseudonymKey(cfg);
    expect(k.source).toBe('generated');
    expect(mode(path.join(varDir, 'secrets'))).toBe(0o700);
    expect(mode(k.file!)).toBe(0o600);
  });

  it('takes HUIYAN_PSEUDONYM_KEY over the file and writes nothing', () => {
    const home = path.join(fresh(), 'home');
    const k = resolvePseudonymKey(loadConfig({ HUIYAN_NEO4J_HOME: home, HUIYAN_PSEUDONYM_KEY: 'an-operator-key-of-32-characters' }));
    expect(k).toEqual({ key: 'an-operator-key-of-32-characters', source: 'env' });
    expect(() => statSync(path.join(home, KEY_FILE))).toThrow();
    expect(() => resolvePseudonymKey(loadConfig({ HUIYAN_NEO4J_HOME: home, HUIYAN_PSEUDONYM_KEY: 'short' }))).toThrow(KeyFileError);
  });

  it('tightens a key file left readable, and refuses one that holds no key rather than making a new one', () => {
    const home = fresh();
    const cfg = loadConfig({ HUIYAN_NEO4J_HOME: home });
    const file = path.join(home, KEY_FILE);
    writeFileSync(file, 'a-restored-key-of-enough-length\n');
    chmodSync(file, 0o644);
    expect(resolvePseudonymKey(cfg)).toMatchObject({ key: 'a-restored-key-of-enough-length', source: 'file' });
    expect(mode(file)).toBe(0o600);
    writeFileSync(file, '\n');
    expect(() => resolvePseudonymKey(cfg)).toThrow(/no usable pseudonymisation key/);
  });
});
