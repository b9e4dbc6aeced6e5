// 机构编制名录.csv rows from the unit hierarchy (world/hierarchy.ts). A register the 编办 keeps by hand
// and publishes: no noise is applied, and nothing in it is planted.
import { join } from 'node:path';
import { unitHierarchy } from '../world/hierarchy.js';
import type { World } from '../world/world.js';
import { CsvWriter } from './csv.js';
import { SOURCES } from './sources.js';

export function writeUnits(world: World, seed: number, dir: string): number {
  const src = SOURCES.unit;
  const w = new CsvWriter(join(dir, src.file), src.encoding, src.header);
  for (const u of unitHierarchy(world, seed)) w.row([u.code, u.name, u.kind, u.parentCode, u.parentName]);
  return w.close();
}
