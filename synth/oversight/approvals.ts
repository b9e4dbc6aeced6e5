// 审批/用印 办件 of the synthetic county (M39): each item type has a 承诺时限 and a unit, five background
// officials handle it, and every background item is concluded well inside its limit (at most 60% of it),
// so neither list of M39 has a background match. Per planted set: an item over its limit, one still open,
// an official much slower than the others on one type, and near misses (concluded on the last working day
// across weekends; a slow official with fewer items than minItems).
import { day, SNAPSHOT, type Day } from '../world/dates.js';
import type { Rng } from '../world/prng.js';
import type { World } from '../world/world.js';
import type { ModelCase } from '../cases/case.js';
import { modelDefaults } from '../cases/defaults.js';
import { addWorkdays, onWorkday } from './calendar.js';
import { assignYearCodes } from './codes.js';
import { taker, type Pools } from './pools.js';

const MODEL = 'integrity.approval-delays';

export interface ApprovalRecord {
  code: string;
  itemType: string;
  applicant: string;
  org: number;
  official: number;
  submitted: Day;
  concluded?: Day;
  /** 承诺时限 in working days; left out on a few background rows (the model's default stands in). */
  limitDays?: number;
  planted: boolean;
}

/** Item types with their 承诺时限 (working days), as a county's 政务服务 catalogue lists them. */
export const ITEM_TYPES: readonly { name: string; limit: number; long: boolean }[] = [
  { name: '用印申请', limit: 3, long: false },
  { name: '开具证明', limit: 5, long: false },
  { name: '食品经营许可证核发', limit: 10, long: true },
  { name: '公共场所卫生许可证核发', limit: 15, long: true },
  { name: '建筑工程施工许可证核发', limit: 15, long: true },
  { name: '建设工程规划许可证核发', limit: 20, long: true },
  { name: '建设用地规划许可证核发', limit: 20, long: true },
  { name: '排污许可证核发', limit: 20, long: true },
];
const PER_TYPE_OFFICIALS = 5;

export interface ApprovalOut {
  records: ApprovalRecord[];
  cases: ModelCase[];
}

export function generateApprovals(world: World, rng: Rng, pools: Pools, sets: number, count: number): ApprovalOut {
  const D = modelDefaults(MODEL);
  const minItems = D.num('minItems');
  const officials = taker(pools.officials, 'officials');
  const units = world.orgs.filter((o) => o.kind === '党政机关');
  const applicants = world.companies.length ? world.companies.map((c) => c.name) : ['个人'];
  const records: ApprovalRecord[] = [];
  const cases: { id: string; expected: 'alert' | 'no_alert'; kind: string; note: string; key: () => string[]; roles: string[] }[] = [];
  const typeUnit = ITEM_TYPES.map((_, i) => units[i % units.length]!.idx);
  const add = (typeIdx: number, official: number, submitted: Day, took: number | null, planted: boolean, limit = true): ApprovalRecord => {
    const t = ITEM_TYPES[typeIdx]!;
    const r: ApprovalRecord = {
      code: '',
      itemType: t.name,
      applicant: rng.pick(applicants),
      org: typeUnit[typeIdx]!,
      official,
      submitted,
      ...(took === null ? {} : { concluded: addWorkdays(submitted, took) }),
      ...(limit ? { limitDays: t.limit } : {}),
      planted,
    };
    records.push(r);
    return r;
  };
  const plantedDay = () => onWorkday(day(2022, 3, 1) + rng.int(0, 600));
  const longTypes = ITEM_TYPES.flatMap((t, i) => (t.long ? [i] : []));
  const person = (i: number) => `Person:${world.persons[i]!.idNo}`;

  for (let s = 0; s < sets; s++) {
    const tag = (id: string) => (s === 0 ? id : `${id}-${s + 1}`);
    const item = (id: string, expected: 'alert' | 'no_alert', kind: string, note: string, r: ApprovalRecord) =>
      cases.push({ id: tag(id), expected, kind, note, key: () => [`Approval:${r.code}`], roles: ['approval'] });
    // The items over the limit are of another type than the slow official's, so they are not among the peers.
    const tl = longTypes[(s + 1) % longTypes.length]!;
    const ll = ITEM_TYPES[tl]!.limit;
    const who = officials.take().person;
    item('M39-A1', 'alert', 'over_limit', `concluded on working day ${ll + 3}, limit ${ll}`, add(tl, who, plantedDay(), ll + 3, true));
    item('M39-A2', 'alert', 'still_open', 'accepted, never concluded', add(tl, who, plantedDay(), null, true));
    item(
      'M39-N1',
      'no_alert',
      'near_miss_last_working_day',
      `concluded on working day ${ll} (limit ${ll})`,
      add(tl, who, plantedDay(), ll, true),
    );
    const ti = longTypes[s % longTypes.length]!;
    const lim = ITEM_TYPES[ti]!.limit;
    // Slow official: minItems + 1 items at 1-2 working days under the limit, on a type the background does in at most 60% of it.
    const slow = officials.take().person;
    for (let k = 0; k <= minItems; k++) add(ti, slow, plantedDay(), lim - rng.int(1, 2), true);
    cases.push({
      id: tag('M39-A3'),
      expected: 'alert',
      kind: 'slow_official',
      note: `${minItems + 1} items at ${lim - 2}-${lim - 1} working days`,
      key: () => [person(slow)],
      roles: ['handler'],
    });
    const few = officials.take().person;
    const tj = longTypes[(s + 3) % longTypes.length]!;
    for (let k = 0; k < minItems - 1; k++) add(tj, few, plantedDay(), ITEM_TYPES[tj]!.limit - 1, true);
    cases.push({
      id: tag('M39-N2'),
      expected: 'no_alert',
      kind: 'near_miss_too_few_items',
      note: `${minItems - 1} slow items, fewer than minItems`,
      key: () => [person(few)],
      roles: ['handler'],
    });
  }

  // Background: five officials per type (one may serve several types), each item concluded in 1 to 60% of
  // the limit, before the snapshot.
  const rest = officials.rest().map((o) => o.person);
  if (rest.length < PER_TYPE_OFFICIALS) throw new Error(`synth: not enough officials for the approvals background (${rest.length})`);
  const staff = ITEM_TYPES.map(() => rng.sample(rest, PER_TYPE_OFFICIALS));
  const first = day(2022, 1, 4);
  // At least 30 items per type, so a small county still has peers to compare with.
  for (let k = 0; k < Math.max(count, ITEM_TYPES.length * 30); k++) {
    const ti = k % ITEM_TYPES.length;
    const t = ITEM_TYPES[ti]!;
    const submitted = onWorkday(first + rng.int(0, SNAPSHOT - 45 - first));
    add(ti, rng.pick(staff[ti]!), submitted, rng.int(1, Math.max(1, Math.floor(t.limit * 0.6))), false, !rng.chance(0.03));
  }
  assignYearCodes(records, (r) => r.submitted, 'TLSP', 6);
  return {
    records,
    cases: cases.map((c) => {
      const key = c.key();
      return { model: D.catalog, id: c.id, expected: c.expected, kind: c.kind, key, roles: c.roles, uids: key, note: c.note };
    }),
  };
}
