// The JSON Schemas in schemas/ are what editors check the YAML with; they are generated from the zod
// schemas the loaders validate with (bin/schemas.ts). This keeps the two from drifting apart, and keeps
// every shipped file within them.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { renderSchemas, SCHEMAS_DIR } from '../../../bin/schemas.js';
import { MAPPINGS_DIR } from '../../../loaders/core/mapping/registry.js';
import { MappingYaml } from '../../../loaders/core/mapping/schema.js';
import { DEFAULT_SCHEMA_FILE } from '../../../platform/schema/graph-schema.js';
import { GraphYaml } from '../../../platform/schema/graph-yaml.js';
import { splitModelFile } from '../../../server/models/header.js';
import { HeaderYaml } from '../../../server/models/header-schema.js';
import { MODELS_DIR } from '../../../server/models/library.js';

const modelFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? modelFiles(path.join(dir, e.name)) : e.name.endsWith('.cypher') ? [path.join(dir, e.name)] : [],
  );
const mappingFiles = readdirSync(MAPPINGS_DIR)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => path.join(MAPPINGS_DIR, f));

describe('published JSON Schemas', () => {
  it('are current: regenerating them gives the committed text (npm run schemas)', async () => {
    const fresh = await renderSchemas();
    expect(Object.keys(fresh).sort()).toEqual(readdirSync(SCHEMAS_DIR).sort());
    for (const [name, text] of Object.entries(fresh)) expect(readFileSync(path.join(SCHEMAS_DIR, name), 'utf8'), name).toBe(text);
  });

  // The JSON files are generated from these zod schemas (checked above), so a file zod accepts is within them.
  it('accept graph.yaml, every shipped mapping and every model header', () => {
    const check = (schema: typeof GraphYaml | typeof MappingYaml | typeof HeaderYaml, text: string, file: string) =>
      expect(schema.safeParse(parse(text)).error?.issues ?? [], file).toEqual([]);
    check(GraphYaml, readFileSync(DEFAULT_SCHEMA_FILE, 'utf8'), 'graph.yaml');
    for (const f of mappingFiles) check(MappingYaml, readFileSync(f, 'utf8'), f);
    const models = modelFiles(MODELS_DIR);
    expect(models.length).toBeGreaterThanOrEqual(24);
    for (const f of models) check(HeaderYaml, splitModelFile(readFileSync(f, 'utf8'), f).headerText, f);
  });

  it('are named by a modeline in graph.yaml and every shipped mapping, by a path that exists', () => {
    for (const f of [DEFAULT_SCHEMA_FILE, ...mappingFiles]) {
      const m = /^# yaml-language-server: \$schema=(\S+)$/m.exec(readFileSync(f, 'utf8'));
      expect(m, f).not.toBeNull();
      const target = path.resolve(path.dirname(f), m![1]!);
      expect(path.dirname(target), f).toBe(SCHEMAS_DIR);
      expect(readdirSync(SCHEMAS_DIR), f).toContain(path.basename(target));
    }
  });
});
