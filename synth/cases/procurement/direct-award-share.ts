// M36 a unit awards most of its works value directly, far above units of the same kind: A1.
import { day } from '../../world/dates.js';
import type { DirectTools } from '../../world/direct-awards.js';
import type { Org, World } from '../../world/world.js';
import { ref } from '../case.js';
import type { CaseModule } from '../module.js';
import { modelDefaults } from '../defaults.js';
import type { Planter } from '../planter.js';

const MODEL = 'procurement.direct-award-share';
const D = modelDefaults(MODEL);

function direct(pl: Planter, { push, cleanFirm }: DirectTools): void {
  const world = pl.world;
  // The model compares a unit's year with its peers' same year: the plant goes in the year with the most
  // 党政机关 counted (enough awards), at the unit of least value that year. A county too small for
  // directMinPeers such units in any year gets no plant.
  const [minItems, minPeers] = [D.num('directMinItems'), D.num('directMinPeers')];
  const years = new Map<number, { org: number; total: number; items: number }[]>();
  for (const x of directShares(world).values())
    if (x.kind === '党政机关') years.set(x.year, [...(years.get(x.year) ?? []), { org: x.org, total: x.total, items: x.items }]);
  const best = [...years.entries()]
    .map(([year, units]) => ({ year, counted: units.filter((u) => u.items >= minItems) }))
    .sort((a, b) => b.counted.length - a.counted.length || a.year - b.year)[0];
  if (!best || best.counted.length < minPeers) return;
  const totals = new Map((years.get(best.year) ?? []).map((u) => [u.org, u.total]));
  const gov = world.orgs
    .filter((o) => o.kind === '党政机关')
    .sort((a, b) => (totals.get(a.idx) ?? 0) - (totals.get(b.idx) ?? 0) || a.idx - b.idx);
  const o = gov[0] as Org;
  const base = Math.max(400_000, Math.ceil(((totals.get(o.idx) ?? 0) * 0.8) / 1000) * 1000);
  const firms: number[] = [];
  for (let i = 0; i < 6; i++) {
    const f = cleanFirm(o);
    if (f === undefined) continue;
    firms.push(f);
    push(o, { kind: 'company', idx: f }, base + pl.rng.int(0, 300) * 1000, day(best.year, 2, 1) + i * 50, '直接发包', '道路提升工程', true);
  }
  pl.cases.push({
    model: D.catalog,
    id: 'M36-A1',
    expected: 'alert',
    kind: 'direct_share_outlier',
    key: [ref('Org', o.idx)],
    involved: firms.map((f) => ref('Company', f)),
    note: 'this unit awards most of its works value directly, far above other 党政机关',
  });
}

/** Per unit and year (of each award's date): value awarded directly (vouchers + 直接发包 tenders) over all awarded
 * value, leaving out the exempt methods. Keyed `org:year`. */
export function directShares(
  w: World,
): Map<string, { org: number; year: number; kind: string; items: number; total: number; direct: number }> {
  const exempt = new Set(D.strings('exemptMethods'));
  const m = new Map<string, { org: number; year: number; kind: string; items: number; total: number; direct: number }>();
  const at = (org: number, d: number) => {
    const year = new Date(d * 86_400_000).getUTCFullYear();
    const k = `${org}:${year}`;
    return m.get(k) ?? m.set(k, { org, year, kind: w.orgs[org]?.kind ?? '', items: 0, total: 0, direct: 0 }).get(k)!;
  };
  for (const d of w.direct ?? []) {
    if (exempt.has(d.method)) continue;
    const s = at(d.org, d.date);
    s.items++;
    s.total += d.amount;
    s.direct += d.amount;
  }
  for (const a of w.awards) {
    const p = w.projects[a.project];
    if (!p) continue;
    const s = at(p.org, a.date);
    s.items++;
    s.total += a.amount;
    if (p.method === '直接发包') s.direct += a.amount;
  }
  return m;
}

/** The units whose share in a year stands out from their peers' (same kind, same year). */
export function directShareOutliers(w: World): number[] {
  const [minShare, sigmas, minItems, minPeers] = [
    D.num('directMinShare'),
    D.num('directSigmas'),
    D.num('directMinItems'),
    D.num('directMinPeers'),
  ];
  const q = [...directShares(w).values()].filter((s) => s.items >= minItems && s.total > 0);
  const out: number[] = [];
  for (const s of q) {
    const peers = q.filter((p) => p.org !== s.org && p.year === s.year && p.kind === s.kind).map((p) => p.direct / p.total);
    if (peers.length < minPeers) continue;
    const mean = peers.reduce((x, y) => x + y, 0) / peers.length;
    const sd = Math.sqrt(peers.reduce((x, y) => x + (y - mean) ** 2, 0) / peers.length);
    const share = s.direct / s.total;
    if (share >= minShare && share > mean + sigmas * sd) out.push(s.org);
  }
  return out;
}

export const directAwardShare: CaseModule = {
  model: MODEL,
  direct,
  oracle: (w) => directShareOutliers(w).map((o) => ({ key: [ref('Org', o)] })),
};
