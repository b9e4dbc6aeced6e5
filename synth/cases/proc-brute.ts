// Brute force of every procurement model over the generated structures, independent of Neo4j. Each
// returns the alert identities (proc-cases.ts Ref keys) the model's Cypher must raise with its default
// parameters. Where a model reads KIN or roles (M04, M28) the brute force is deliberately LOOSER than
// any Cypher reading (kin.ts, any role, any date), so "brute force == planted" leaves no room for an
// accidental match however the model is written.
import { companyPeople, KinIndex, taintedPeople } from '../world/kin.js';
import type { Bid, World } from '../world/world.js';
import { PARAMS as P } from './proc-params.js';
import { keyId, pair, ref, type Ref } from './proc-cases.js';

export interface Match { model: string; key: Ref[] }

export const bidIds = (w: World, b: Bid) => {
  const kit = w.kits[b.company];
  return { ip: b.ip ?? kit?.ip ?? '', mac: b.mac ?? kit?.mac ?? '', machine: b.machine ?? kit?.machine ?? '', account: b.account ?? kit?.account ?? '', phone: b.phone, manager: b.managerPerson };
};

function bidsByProject(w: World): Map<number, Bid[]> {
  const m = new Map<number, Bid[]>();
  for (const b of w.bids) (m.get(b.project) ?? m.set(b.project, []).get(b.project)!).push(b);
  return m;
}

/** Loose affiliation (M28): any shared person, any shareholding between them or from one holder company, or loose kin between their people. */
export function affiliation(w: World) {
  const people = companyPeople(w);
  const kin = new KinIndex(w);
  const corpHolders = w.companies.map(() => new Set<number>());
  for (const s of w.shareholdings) if (s.holder.kind === 'company') corpHolders[s.company]?.add(s.holder.idx);
  const kinCache = new Map<number, Set<number>>();
  const kinOf = (p: number) => kinCache.get(p) ?? kinCache.set(p, kin.kinOf(p)).get(p)!;
  return (a: number, b: number): boolean => {
    const pa = people[a] ?? new Set<number>();
    const pb = people[b] ?? new Set<number>();
    const ha = corpHolders[a] ?? new Set<number>();
    const hb = corpHolders[b] ?? new Set<number>();
    if (ha.has(b) || hb.has(a)) return true;
    for (const h of ha) if (hb.has(h)) return true;
    for (const p of pa) {
      if (pb.has(p)) return true;
      for (const k of kinOf(p)) if (pb.has(k)) return true;
    }
    return false;
  };
}

/** Pair models on one lot: M25 device, M26 deposit account, M27 contact phone / manager, M28 affiliation. */
export function lotPairMatches(w: World): Match[] {
  const out: Match[] = [];
  const affiliated = affiliation(w);
  for (const [proj, bids] of bidsByProject(w)) {
    for (let i = 0; i < bids.length; i++) {
      for (let j = i + 1; j < bids.length; j++) {
        const a = bids[i] as Bid;
        const b = bids[j] as Bid;
        if (a.company === b.company) continue;
        const x = bidIds(w, a);
        const y = bidIds(w, b);
        const key = [...pair(w, a.company, b.company), ref('Project', proj)];
        // M25: one machine code or MAC; an upload IP alone never matches (office NAT, public terminals).
        if (x.mac === y.mac || x.machine === y.machine) out.push({ model: 'M25', key });
        if (x.account === y.account) out.push({ model: 'M26', key });
        if (x.phone === y.phone || (x.manager !== undefined && x.manager === y.manager)) out.push({ model: 'M27', key });
        if (affiliated(a.company, b.company)) out.push({ model: 'M28', key });
      }
    }
  }
  return out;
}

/** M30: cover bidders (many bids, no win) and ring pairs (often together, every shared lot won by one of them). */
export function coverMatches(w: World): Match[] {
  const out: Match[] = [];
  const winner = new Map(w.awards.map((a) => [a.project, a.company]));
  const lots = w.companies.map(() => new Set<number>());
  for (const b of w.bids) lots[b.company]?.add(b.project);
  const wins = w.companies.map(() => 0);
  for (const a of w.awards) wins[a.company] = (wins[a.company] ?? 0) + 1;
  lots.forEach((s, c) => { if (s.size >= P.coverMinBids && wins[c] === 0) out.push({ model: 'M30', key: [ref('Company', c)] }); });
  const together = new Map<string, { a: number; b: number; n: number; won: number }>();
  for (const [proj, bids] of bidsByProject(w)) {
    const cs = [...new Set(bids.map((b) => b.company))].sort((x, y) => x - y);
    for (let i = 0; i < cs.length; i++) {
      for (let j = i + 1; j < cs.length; j++) {
        const a = cs[i] as number;
        const b = cs[j] as number;
        const k = `${a}/${b}`;
        const t = together.get(k) ?? together.set(k, { a, b, n: 0, won: 0 }).get(k)!;
        t.n++;
        const win = winner.get(proj);
        if (win === a || win === b) t.won++;
      }
    }
  }
  for (const t of together.values()) if (t.n >= P.ringMinTogether && t.won === t.n) out.push({ model: 'M30', key: pair(w, t.a, t.b) });
  return out;
}

/** M31 dominant winner per unit; M32 shell winner of a large award. */
export function winnerMatches(w: World): Match[] {
  const out: Match[] = [];
  const byOrg = new Map<number, Map<number, { n: number; amount: number }>>();
  const totals = new Map<number, number>();
  for (const a of w.awards) {
    const p = w.projects[a.project];
    if (!p) continue;
    totals.set(p.org, (totals.get(p.org) ?? 0) + a.amount);
    const m = byOrg.get(p.org) ?? byOrg.set(p.org, new Map()).get(p.org)!;
    const s = m.get(a.company) ?? m.set(a.company, { n: 0, amount: 0 }).get(a.company)!;
    s.n++;
    s.amount += a.amount;
    const c = w.companies[a.company];
    if (c && a.amount > P.shellMinAmount && a.date - c.founded < P.shellMaxAgeDays && (c.insured ?? Infinity) <= P.shellMaxInsured) {
      out.push({ model: 'M32', key: [ref('Company', a.company), ref('Project', a.project)] });
    }
  }
  for (const [org, m] of byOrg) {
    const total = totals.get(org) ?? 0;
    for (const [c, s] of m) if (s.n >= P.dominantMinAwards && total > 0 && s.amount / total > P.dominantShare) out.push({ model: 'M31', key: [ref('Org', org), ref('Company', c)] });
  }
  return out;
}

const payeeRef = (p: { kind: 'person' | 'company'; idx: number }): Ref => ref(p.kind === 'person' ? 'Person' : 'Company', p.idx);

/** M04 (loose: any post holder of the paying village at any time, any loose kin, any company role), M35 splits, M36 direct share. */
export function directMatches(w: World): Match[] {
  const out: Match[] = [];
  const direct = w.direct ?? [];
  const kin = new KinIndex(w);
  const people = companyPeople(w);
  const tainted = new Map<number, Set<number>>();
  const seen = new Set<string>();
  const push = (m: Match) => { const k = keyId(m.model, m.key); if (!seen.has(k)) { seen.add(k); out.push(m); } };
  const byPair = new Map<string, typeof direct>();
  for (const d of direct) {
    const org = w.orgs[d.org];
    if (org && (org.kind === '村委会' || org.kind === '居委会')) {
      const t = tainted.get(d.org) ?? tainted.set(d.org, taintedPeople(w, kin, d.org)).get(d.org)!;
      const who = d.payee.kind === 'person' ? [d.payee.idx] : [...(people[d.payee.idx] ?? [])];
      if (who.some((p) => t.has(p))) push({ model: 'M04', key: [ref('Org', d.org), payeeRef(d.payee)] });
    }
    if (d.amount < P.splitThreshold) {
      const k = `${d.org}/${d.payee.kind}/${d.payee.idx}`;
      (byPair.get(k) ?? byPair.set(k, []).get(k)!).push(d);
    }
  }
  for (const list of byPair.values()) {
    const xs = list.slice().sort((a, b) => a.date - b.date);
    for (let i = 0; i < xs.length; i++) {
      let sum = 0;
      let n = 0;
      for (let j = i; j < xs.length && (xs[j]!.date - xs[i]!.date) <= P.splitWindowDays; j++) { sum += xs[j]!.amount; n++; }
      if (n >= 2 && sum >= P.splitThreshold) { push({ model: 'M35', key: [ref('Org', xs[i]!.org), payeeRef(xs[i]!.payee)] }); break; }
    }
  }
  for (const o of directShareOutliers(w)) push({ model: 'M36', key: [ref('Org', o)] });
  return out;
}

/** Per unit: value awarded directly (vouchers + 直接发包 tenders) over all awarded value, against peers of the same kind. */
export function directShares(w: World): Map<number, { kind: string; items: number; total: number; direct: number }> {
  const m = new Map<number, { kind: string; items: number; total: number; direct: number }>();
  const at = (org: number) => m.get(org) ?? m.set(org, { kind: w.orgs[org]?.kind ?? '', items: 0, total: 0, direct: 0 }).get(org)!;
  for (const d of w.direct ?? []) { const s = at(d.org); s.items++; s.total += d.amount; s.direct += d.amount; }
  for (const a of w.awards) {
    const p = w.projects[a.project];
    if (!p) continue;
    const s = at(p.org);
    s.items++;
    s.total += a.amount;
    if (p.method === '直接发包') s.direct += a.amount;
  }
  return m;
}

export function directShareOutliers(w: World): number[] {
  const q = [...directShares(w)].filter(([, s]) => s.items >= P.directMinItems && s.total > 0);
  const out: number[] = [];
  for (const [org, s] of q) {
    const peers = q.filter(([o, p]) => o !== org && p.kind === s.kind).map(([, p]) => p.direct / p.total);
    if (peers.length < P.directMinPeers) continue;
    const mean = peers.reduce((x, y) => x + y, 0) / peers.length;
    const sd = Math.sqrt(peers.reduce((x, y) => x + (y - mean) ** 2, 0) / peers.length);
    const share = s.direct / s.total;
    if (share >= P.directMinShare && share > mean + P.directSigmas * sd) out.push(org);
  }
  return out;
}

/** M40: an inspector's inspections concentrate on a company and end leniently far more often than its other inspections. */
export function inspectionMatches(w: World): Match[] {
  const out: Match[] = [];
  const recs = (w.regs ?? []).filter((r) => r.inspector !== undefined);
  const totalBy = new Map<number, number>();
  const cell = new Map<string, { i: number; c: number; len: number; str: number }>();
  const byCompany = new Map<number, { len: number; str: number }>();
  for (const r of recs) {
    const i = r.inspector as number;
    totalBy.set(i, (totalBy.get(i) ?? 0) + 1);
    const len = P.lenientResults.includes(r.result);
    const k = `${i}/${r.company}`;
    const s = cell.get(k) ?? cell.set(k, { i, c: r.company, len: 0, str: 0 }).get(k)!;
    const t = byCompany.get(r.company) ?? byCompany.set(r.company, { len: 0, str: 0 }).get(r.company)!;
    if (len) { s.len++; t.len++; } else { s.str++; t.str++; }
  }
  for (const s of cell.values()) {
    const n = s.len + s.str;
    const total = totalBy.get(s.i) ?? 0;
    const all = byCompany.get(s.c)!;
    const oLen = all.len - s.len;
    const oStr = all.str - s.str;
    if (total < P.inspMinTotal || n < P.inspMinPair || n / total <= P.inspMinShare || oLen + oStr < P.inspMinOthers) continue;
    const or = ((s.len + 0.5) / (s.str + 0.5)) / ((oLen + 0.5) / (oStr + 0.5));
    if (or > P.inspMinOddsRatio) out.push({ model: 'M40', key: [ref('Person', s.i), ref('Company', s.c)] });
  }
  return out;
}

export function allProcurementMatches(w: World): Match[] {
  const seen = new Set<string>();
  const out: Match[] = [];
  for (const m of [...lotPairMatches(w), ...coverMatches(w), ...winnerMatches(w), ...directMatches(w), ...inspectionMatches(w)]) {
    const k = keyId(m.model, m.key);
    if (!seen.has(k)) { seen.add(k); out.push(m); }
  }
  return out;
}
