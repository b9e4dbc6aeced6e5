// The models a site retired: `retired.yaml` in the site models folder, one entry per retirement (id, the
// revision retired, who, why, when). The library leaves these ids out; publishing the id again brings it back.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { parseYamlWith, strict } from '../../platform/validation/yaml.js';
import { stringify } from 'yaml';

const RetiredYaml = z.array(strict({ id: z.string(), revision: z.number().int(), by: z.string(), reason: z.string(), at: z.string() }));
export type Retirement = z.infer<typeof RetiredYaml>[number];

export const retiredFile = (siteModelsDir: string) => path.join(siteModelsDir, 'retired.yaml');

export function readRetired(siteModelsDir: string): Retirement[] {
  const file = retiredFile(siteModelsDir);
  if (!existsSync(file)) return [];
  return parseYamlWith(readFileSync(file, 'utf8'), RetiredYaml, (why) => {
    throw new Error(`${file}: ${why}`);
  });
}

export const retiredIds = (siteModelsDir: string) => new Set(readRetired(siteModelsDir).map((r) => r.id));

export function writeRetired(siteModelsDir: string, list: Retirement[]): void {
  writeFileSync(retiredFile(siteModelsDir), stringify(list));
}
