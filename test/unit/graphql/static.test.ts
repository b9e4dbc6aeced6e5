import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentType, resolveInside, staticHandler } from '../../../server/http/static.js';

const root = mkdtempSync(path.join(tmpdir(), 'huiyan-web-'));
mkdirSync(path.join(root, 'assets'));
writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>慧眼</title>');
writeFileSync(path.join(root, 'assets', 'main-AbCdEf12.js'), 'console.log(1)');
writeFileSync(path.join(path.dirname(root), 'secret.txt'), 'no');
const serve = staticHandler(root);
const get = (p: string, method = 'GET') => serve(new Request(`http://x${p}`, { method }), new URL(`http://x${p}`));

describe('static files', () => {
  it('never resolves outside the root', () => {
    for (const p of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/..%5csecret.txt',
      '/a/../../secret.txt',
      '/%00',
      '/%E0%A4%A',
    ]) {
      const f = resolveInside(root, p);
      expect(f === null || f.startsWith(root + path.sep), p).toBe(true);
    }
  });

  it('serves index.html at / and files with their content type', async () => {
    const index = await get('/');
    expect(index?.status).toBe(200);
    expect(index?.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index?.headers.get('cache-control')).toBe('no-cache');
    const js = await get('/assets/main-AbCdEf12.js');
    expect(js?.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js?.headers.get('cache-control')).toContain('immutable');
    expect(await js?.text()).toBe('console.log(1)');
  });

  it('falls back to index.html for client routes but 404s a missing asset', async () => {
    expect(await (await get('/alerts/fp-1'))?.text()).toContain('慧眼');
    expect((await get('/assets/missing.js'))?.status).toBe(404);
    expect((await get('/../secret.txt'))?.status).not.toBe(200);
  });

  it('answers HEAD without a body and leaves other methods to the caller', async () => {
    const head = await get('/', 'HEAD');
    expect(head?.status).toBe(200);
    expect(await head?.text()).toBe('');
    expect(await get('/', 'POST')).toBeNull();
  });

  it('knows the usual web content types', () => {
    expect(contentType('a.css')).toBe('text/css; charset=utf-8');
    expect(contentType('a.woff2')).toBe('font/woff2');
    expect(contentType('a.unknown')).toBe('application/octet-stream');
  });
});
