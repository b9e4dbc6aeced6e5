// `npm start`'s first step: the explorer built into dist/web, unless dist/web was built from the same
// sources (bin/web-sources.ts). Vite takes 20–25 s on this machine to build it again from unchanged files,
// at every start, before the server begins. The hash is kept beside the bundle after a build that
// succeeded; `vite build` (npm run build:web) empties dist/web, so the next start builds again.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import { ROOT } from '../platform/config.js';
import { webSourcesHash } from './web-sources.js';

const OUT = path.join(ROOT, 'dist', 'web');
const STAMP = path.join(OUT, '.sources-sha256');

const hash = webSourcesHash(ROOT);
const built = existsSync(STAMP) && existsSync(path.join(OUT, 'index.html')) ? readFileSync(STAMP, 'utf8').trim() : '';
if (built === hash) {
  console.log('Explorer 探索界面: dist/web is built from these sources; not rebuilt (npm run build:web to force).');
} else {
  await build({ configFile: path.join(ROOT, 'vite.config.ts') });
  writeFileSync(STAMP, `${hash}\n`);
}
