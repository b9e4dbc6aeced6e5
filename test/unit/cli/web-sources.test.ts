// npm start rebuilds the explorer only when what the bundle is made of changed (bin/web-build.ts).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { webSourcesHash } from '../../../bin/web-sources.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'huiyan-web-sources-'));
  dirs.push(root);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return root;
}

const base = { 'web/index.html': '<html></html>', 'web/src/main.ts': 'export {};', 'vite.config.ts': 'x', 'package-lock.json': '{}' };

describe('the explorer sources hash', () => {
  it('is the same for the same files wherever they are', () => {
    expect(webSourcesHash(tree(base))).toBe(webSourcesHash(tree(base)));
  });

  it('changes when a page source, the build config, the graph schema or the locked dependencies change', () => {
    const before = webSourcesHash(tree(base));
    expect(webSourcesHash(tree({ ...base, 'web/src/main.ts': 'export const a = 1;' }))).not.toBe(before);
    expect(webSourcesHash(tree({ ...base, 'vite.config.ts': 'y' }))).not.toBe(before);
    expect(webSourcesHash(tree({ ...base, 'cypher/schema/graph.yaml': 'labels: {}' }))).not.toBe(before);
    expect(webSourcesHash(tree({ ...base, 'package-lock.json': '{"v":2}' }))).not.toBe(before);
    expect(webSourcesHash(tree({ ...base, 'web/src/new.ts': '' }))).not.toBe(before);
  });

  it('ignores what is not a source: node_modules and dot files under web/', () => {
    const before = webSourcesHash(tree(base));
    expect(webSourcesHash(tree({ ...base, 'web/node_modules/x/index.js': 'y', 'web/.cache/z': 'w' }))).toBe(before);
  });
});
