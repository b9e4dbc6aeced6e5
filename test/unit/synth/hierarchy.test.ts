// The county's unit hierarchy (机构编制名录): one tree under the county government, villages under their
// township, 事业单位 under their 主管部门, every code valid and every parent listed before its children.
import { describe, expect, it } from 'vitest';
import { isValidUscc } from '../../../platform/identifiers/uscc.js';
import { buildWorld } from '../../../synth/generate.js';
import { COUNTY_GOVERNMENT, unitHierarchy } from '../../../synth/world/hierarchy.js';

describe.each([400, 20_000])('unit hierarchy of a %i-person county', (persons) => {
  const { world } = buildWorld(persons, 7);
  const rows = unitHierarchy(world, 7);
  const byCode = new Map(rows.map((r) => [r.code, r]));

  it('lists every unit once, under one root, the county government, with valid codes', () => {
    expect(rows.length).toBe(world.orgs.length + 1);
    expect(byCode.size).toBe(rows.length);
    expect(rows.filter((r) => r.parentCode === '').map((r) => r.name)).toEqual([COUNTY_GOVERNMENT]);
    for (const r of rows) expect(isValidUscc(r.code), r.code).toBe(true);
  });

  it('lists parents before children, with the parent name as the parent row spells it', () => {
    const seen = new Set<string>();
    for (const r of rows) {
      if (r.parentCode) {
        expect(seen.has(r.parentCode), r.name).toBe(true);
        expect(byCode.get(r.parentCode)?.name).toBe(r.parentName);
      }
      seen.add(r.code);
    }
  });

  it('puts villages under their township, bureaus and townships under the county, hospitals under 卫健局', () => {
    for (const o of world.orgs) {
      const parent = byCode.get(byCode.get(o.code)?.parentCode ?? '');
      if (o.village !== undefined) expect(parent?.name, o.name).toContain(world.villages[o.village]?.township);
      else if (o.kind === '党政机关') expect(parent?.name, o.name).toBe(COUNTY_GOVERNMENT);
    }
    const hospital = world.orgs.find((o) => o.short === '县一医院');
    expect(byCode.get(byCode.get(hospital?.code ?? '')?.parentCode ?? '')?.name).toBe('桐庐县卫生健康局');
  });

  it('is the same for the same seed and gives the county government a code no unit has', () => {
    expect(unitHierarchy(world, 7)).toEqual(rows);
    expect(world.orgs.some((o) => o.code === rows[0]?.code)).toBe(false);
  });
});
