// npm run schemas [-- --check]: writes the JSON Schemas of the hand-written YAML formats (graph, mappings,
// model headers, feed registry) into schemas/, generated from the zod schemas the loaders validate with, so an
// editor (yaml-language-server) refuses what the loaders would refuse. --check writes nothing and exits 1 if stale.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { z } from 'zod';
import { MappingYaml } from '../loaders/core/mapping/schema.js';
import { ROOT } from '../platform/config.js';
import { FeedRegistryYaml } from '../platform/feeds/registry.js';
import { GraphYaml } from '../platform/schema/graph-yaml.js';
import { HeaderYaml } from '../server/models/header-schema.js';

export const SCHEMAS_DIR = path.join(ROOT, 'schemas');

const SCHEMAS: Record<string, z.ZodType> = {
  'graph.schema.json': GraphYaml,
  'mapping.schema.json': MappingYaml,
  'model-header.schema.json': HeaderYaml,
  'feeds.schema.json': FeedRegistryYaml,
};

/**
 * File name → JSON text. `io: 'input'`: what may be written, so a key with a default is optional.
 * Draft 7: yaml-language-server (the editors' YAML support) has long read draft 7; newer drafts less so.
 * Laid out by Prettier, since `npm run lint` checks every JSON file with it.
 */
export async function renderSchemas(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [name, schema] of Object.entries(SCHEMAS)) {
    const filepath = path.join(SCHEMAS_DIR, name);
    const json = JSON.stringify(z.toJSONSchema(schema, { io: 'input', target: 'draft-7' }));
    out[name] = await format(json, { ...(await resolveConfig(filepath)), filepath });
  }
  return out;
}

async function main(check: boolean): Promise<number> {
  let stale = 0;
  for (const [name, text] of Object.entries(await renderSchemas())) {
    const file = path.join(SCHEMAS_DIR, name);
    let old = '';
    try {
      old = readFileSync(file, 'utf8');
    } catch {
      // Not written yet.
    }
    if (old === text) continue;
    stale++;
    if (check) console.error(`${path.relative(ROOT, file)} is out of date: run npm run schemas`);
    else {
      writeFileSync(file, text);
      console.log(`wrote ${path.relative(ROOT, file)}`);
    }
  }
  return check && stale > 0 ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  process.exitCode = await main(process.argv.includes('--check'));
