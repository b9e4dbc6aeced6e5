// Brute-force M41 and M39 over the generated records, independent of the models' Cypher: what each must
// find with its defaults and an asOf after the snapshot (every open item is then overdue). The county is
// refused when a planted alert is not among the matches or a near miss is; a match no case planted is
// written into truth.json as a background case, as the integrity oracles do.
import type { ModelCase } from '../cases/case.js';
import { modelDefaults } from '../cases/defaults.js';
import type { World } from '../world/world.js';
import type { ApprovalRecord } from './approvals.js';
import { workdaysBetween } from './calendar.js';
import type { PetitionRecord } from './petitions.js';

const OPEN = Number.POSITIVE_INFINITY;

function groups<T>(items: T[], key: (t: T) => string | null): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of items) {
    const k = key(t);
    if (k === null) continue;
    // Pushed, not spread: a spread copies the group at every item, quadratic in a large county.
    const group = out.get(k);
    if (group) group.push(t);
    else out.set(k, [t]);
  }
  return out;
}

/** The largest number of distinct `who` among items whose day falls in some window of `days` days. */
function busiestWindow<T>(items: T[], dayOf: (t: T) => number, who: (t: T) => unknown, days: number): number {
  let best = 0;
  for (const a of items)
    best = Math.max(best, new Set(items.filter((b) => dayOf(b) >= dayOf(a) && dayOf(b) <= dayOf(a) + days).map(who)).size);
  return best;
}

export function petitionMatches(world: World, records: PetitionRecord[]): string[][] {
  const D = modelDefaults('integrity.petitions-overdue-or-repeated');
  const uid = (i: number) => `Person:${world.persons[i]!.idNo}`;
  const out: string[][] = [];
  for (const r of records) {
    const acceptLate = r.accepted === undefined || workdaysBetween(r.received, r.accepted) > D.num('acceptDays');
    const concludeLate = (r.concluded ?? OPEN) - r.received > D.num('handleDays');
    if (acceptLate || concludeLate) out.push([`Petition:${r.code}`]);
  }
  const named = records.filter((r) => r.reporter !== undefined && r.subject !== undefined && r.reporter !== r.subject);
  for (const items of groups(named, (r) => `${r.reporter}|${r.subject}`).values())
    if (
      busiestWindow(
        items,
        (r) => r.received,
        (r) => r.code,
        D.num('repeatWindowDays'),
      ) >= D.num('minRepeats')
    )
      out.push([uid(items[0]!.reporter!), uid(items[0]!.subject!)]);
  for (const items of groups(named, (r) => String(r.subject)).values())
    if (
      busiestWindow(
        items,
        (r) => r.received,
        (r) => r.reporter,
        D.num('hotspotWindowDays'),
      ) >= D.num('minReporters')
    )
      out.push([uid(items[0]!.subject!)]);
  return out;
}

export function approvalMatches(world: World, records: ApprovalRecord[]): string[][] {
  const D = modelDefaults('integrity.approval-delays');
  const out: string[][] = [];
  const took = (r: ApprovalRecord) => workdaysBetween(r.submitted, r.concluded!);
  for (const r of records) {
    const limit = r.limitDays ?? D.num('defaultLimitDays');
    if (r.concluded === undefined || took(r) > limit) out.push([`Approval:${r.code}`]);
  }
  const done = records.filter((r) => r.concluded !== undefined);
  for (const items of groups(done, (r) => r.itemType).values()) {
    for (const o of new Set(items.map((r) => r.official))) {
      const mine = items.filter((r) => r.official === o).map(took);
      const peers = items.filter((r) => r.official !== o);
      if (mine.length < D.num('minItems') || new Set(peers.map((r) => r.official)).size < D.num('minPeers')) continue;
      const d = peers.map(took);
      const mean = d.reduce((a, b) => a + b, 0) / d.length;
      const sd = Math.sqrt(d.reduce((a, b) => a + (b - mean) ** 2, 0) / d.length);
      if (mine.reduce((a, b) => a + b, 0) / mine.length > mean + D.num('sigmas') * sd) out.push([`Person:${world.persons[o]!.idNo}`]);
    }
  }
  return out;
}

/** The planted cases checked against the matches, plus a background case for each match none planted. */
export function reconcileOversight(catalog: string, cases: ModelCase[], matches: string[][]): ModelCase[] {
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((u, i) => u === b[i]);
  for (const c of cases) {
    const hit = matches.some((m) => same(m, c.key));
    if (c.expected === 'alert' && !hit) throw new Error(`synth: ${c.id} was planted but the ${catalog} oracle does not find it`);
    if (c.expected === 'no_alert' && hit) throw new Error(`synth: near miss ${c.id} matches ${catalog}`);
  }
  const background = matches
    .filter((m) => !cases.some((c) => same(m, c.key)))
    .map((key, i): ModelCase => ({
      model: catalog,
      id: `${catalog}-BG${i + 1}`,
      expected: 'alert',
      kind: 'background',
      key,
      roles: key.map((u) => u.slice(0, u.indexOf(':')).toLowerCase()),
      uids: key,
      note: 'found in the background data by the oracle',
    }));
  return [...cases, ...background];
}
