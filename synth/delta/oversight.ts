// The month's oversight registers, both full snapshots (docs/feeds.md: an item's 受理/办结 dates fill in
// after it was first sent, so the systems export every item each time): 信访/检举控告件 and 审批/用印办件,
// each the county's items again plus those received in July. Codes continue the year's numbering.
import type { Day } from '../world/dates.js';
import { Rng } from '../world/prng.js';
import type { World } from '../world/world.js';
import { ITEM_TYPES, type ApprovalRecord } from '../oversight/approvals.js';
import { addWorkdays, onWorkday } from '../oversight/calendar.js';
import type { PetitionRecord } from '../oversight/petitions.js';
import { july, perMonth, type People } from './month.js';

const code = (prefix: string, digits: number, taken: { code: string }[], k: number) =>
  `${prefix}-2024-${String(taken.filter((r) => r.code.startsWith(`${prefix}-2024-`)).length + k + 1).padStart(digits, '0')}`;

/** About one item a month per 1,000 people (at least two), filed by residents; the first half accepted in July. */
export function petitionsMonth(world: World, records: PetitionRecord[], people: People, seed: number): PetitionRecord[] {
  const rng = new Rng(seed, 'delta-petitions');
  const handlers = world.orgs.filter((o) => o.kind === '党政机关');
  const reporters = people.take(perMonth(world.persons.length, 1 / 1000, 2), 22, 75);
  return reporters.map((p, k): PetitionRecord => {
    const received: Day = onWorkday(july(rng.int(1, 20)));
    return {
      code: code('TLXF', 5, records, k),
      kind: rng.chance(0.6) ? '检举控告' : '信访',
      channel: rng.pick(['来信', '来访', '网上信访']),
      issue: rng.pick(['征地拆迁补偿', '低保救助问题', '干部作风问题']),
      reporter: p.idx,
      handler: rng.pick(handlers).idx,
      received,
      ...(k % 2 === 0 ? { accepted: addWorkdays(received, rng.int(1, 3)) } : {}),
      satisfaction: '',
      planted: false,
    };
  });
}

/**
 * About one item a month per 400 people (at least one per item type), each handled by an official and unit
 * that already handle its type; short items are concluded in July, long ones still open at the month's end.
 */
export function approvalsMonth(world: World, records: ApprovalRecord[], seed: number): ApprovalRecord[] {
  const rng = new Rng(seed, 'delta-approvals');
  const n = Math.max(ITEM_TYPES.length, perMonth(world.persons.length, 1 / 400));
  const out: ApprovalRecord[] = [];
  for (let k = 0; k < n; k++) {
    const t = ITEM_TYPES[k % ITEM_TYPES.length]!;
    const peers = records.filter((r) => !r.planted && r.itemType === t.name);
    if (!peers.length) continue;
    const like = rng.pick(peers);
    const submitted = onWorkday(july(rng.int(1, 15)));
    out.push({
      code: code('TLSP', 6, records, out.length),
      itemType: t.name,
      applicant: world.companies.length ? rng.pick(world.companies).name : '个人',
      org: like.org,
      official: like.official,
      submitted,
      ...(t.long ? {} : { concluded: addWorkdays(submitted, rng.int(1, Math.max(1, Math.floor(t.limit * 0.6)))) }),
      limitDays: t.limit,
      planted: false,
    });
  }
  return out;
}
