// What the explorer's bundle is made of, as one hash (bin/web-build.ts): the page's sources (web/), the
// build's configuration, the graph schema (its property names are compiled in: vite.config.ts) and the
// locked dependencies. Contents, not times, which a checkout or a copy changes.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export const WEB_INPUTS = ['web', 'vite.config.ts', 'cypher/schema/graph.yaml', 'package-lock.json', 'package.json'];

function files(root: string, rel: string): string[] {
  const abs = path.join(root, rel);
  if (!existsSync(abs)) return [];
  if (!statSync(abs).isDirectory()) return [rel];
  return readdirSync(abs)
    .filter((name) => name !== 'node_modules' && !name.startsWith('.'))
    .sort()
    .flatMap((name) => files(root, path.join(rel, name)));
}

/** One hash over every input file's path and content under `root`. */
export function webSourcesHash(root: string, inputs: readonly string[] = WEB_INPUTS): string {
  const h = createHash('sha256');
  for (const f of inputs.flatMap((i) => files(root, i)))
    h.update(f)
      .update('\0')
      .update(readFileSync(path.join(root, f)))
      .update('\0');
  return h.digest('hex');
}
