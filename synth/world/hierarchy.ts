// Which unit each unit belongs to (隶属), as the county's 编办 lists it in its 机构编制名录: the county
// government at the top; bureaus, townships and 国企 under it; a 事业单位 under its 主管部门 when that bureau
// exists in this run (else the county); each village or community committee under its township.
// Computed after the world is built and from a stream of its own, so no other file changes by a byte.
import { IdIssuer } from './ids.js';
import { Rng } from './prng.js';
import { COUNTY } from './region.js';
import type { Org, OrgKind, World } from './world.js';

export interface UnitRow {
  code: string;
  name: string;
  kind: OrgKind;
  /** Empty for the county government, the root. */
  parentCode: string;
  parentName: string;
}

export const COUNTY_GOVERNMENT = `${COUNTY}人民政府`;

/** 事业单位 → the bureau in charge of it (主管部门), by the short names units.ts gives them. */
const IN_CHARGE: Record<string, string> = {
  县一医院: '卫健局',
  县中医院: '卫健局',
  城建中心: '住建局',
  职技校: '教育局',
};

/** The county government's code: a 机关 code from the hierarchy's own stream, distinct from every unit's. */
function rootCode(world: World, seed: number): string {
  const taken = new Set(world.orgs.map((o) => o.code));
  const ids = new IdIssuer(new Rng(seed, 'hierarchy'));
  for (;;) {
    const code = ids.uscc('11', false);
    if (!taken.has(code)) return code;
  }
}

/** One row per unit, the county government first, every parent before its children. */
export function unitHierarchy(world: World, seed: number): UnitRow[] {
  const root = { code: rootCode(world, seed), name: COUNTY_GOVERNMENT };
  const byShort = new Map(world.orgs.filter((o) => o.village === undefined).map((o) => [o.short, o]));
  const parentOf = (o: Org): { code: string; name: string } => {
    if (o.village !== undefined) {
      const township = byShort.get(world.villages[o.village]?.township ?? '');
      if (township) return township;
    }
    if (o.kind === '事业单位') {
      const bureau = byShort.get(IN_CHARGE[o.short] ?? '');
      if (bureau) return bureau;
    }
    return root;
  };
  const rows: UnitRow[] = [{ code: root.code, name: root.name, kind: '党政机关', parentCode: '', parentName: '' }];
  // Villages last: their townships are listed before them.
  const ordered = [...world.orgs.filter((o) => o.village === undefined), ...world.orgs.filter((o) => o.village !== undefined)];
  for (const o of ordered) {
    const p = parentOf(o);
    rows.push({ code: o.code, name: o.name, kind: o.kind, parentCode: p.code, parentName: p.name });
  }
  return rows;
}
