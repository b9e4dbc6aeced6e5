// `npm start`'s first step: the explorer built into dist/web, unless dist/web was built from the same
// sources. Vite takes 20–25 s on this machine to build it again from unchanged files, at every start, before
// the server begins. What the bundle is made of: the page's sources (web/), the build's configuration, the
// graph schema (its property names are compiled in: vite.config.ts) and the locked dependencies. Their
// contents are hashed (not their times, which a checkout or a copy changes), and the hash is kept beside the
// bundle after a build that succeeded.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import { ROOT } from '../platform/config.js';

const OUT = path.join(ROOT, 'dist', 'web');
const STAMP = path.join(OUT, '.sources-sha256');
const INPUTS = ['web', 'vite.config.ts', 'cypher/schema/graph.yaml', 'package-lock.json', 'package.json'];

function files(rel: string): string[] {
  const abs = path.join(ROOT, rel);
  if (!existsSync(abs)) return [];
  if (!statSync(abs).isDirectory()) return [rel];
  return readdirSync(abs)
    .filter((name) => name !== 'node_modules' && !name.startsWith('.'))
    .sort()
    .flatMap((name) => files(path.join(rel, name)));
}

/** One hash over every input file's path and content. */
export function sourcesHash(): string {
  const h = createHash('sha256');
  for (const f of INPUTS.flatMap(files))
    h.update(f)
      .update('\0')
      .update(readFileSync(path.join(ROOT, f)))
      .update('\0');
  return h.digest('hex');
}

const hash = sourcesHash();
const built = existsSync(STAMP) && existsSync(path.join(OUT, 'index.html')) ? readFileSync(STAMP, 'utf8').trim() : '';
if (built === hash && !process.argv.includes('--force')) {
  console.log('Explorer 探索界面: dist/web is built from these sources; not rebuilt (npm run build:web to force).');
} else {
  await build({ configFile: path.join(ROOT, 'vite.config.ts') });
  writeFileSync(STAMP, `${hash}\n`);
}
