// The month after a generated county: what the departments deliver in July 2024 on top of the files that
// end at the snapshot (2024-06-30), for loading online over a county loaded once (issue #17 item 6).
// Built from the same world as the county (buildWorld with the same persons and seed), written with the
// county's own writers and without noise, into files named as the county's so the loaders recognise them:
// - 财政供养人员工资: July's pay for everyone on a payroll in June, but a few who leave it (one in 200);
// - 民生资金发放: each recipient's next payment of each programme that falls due in July;
// - 干部名册: a few posts ended in July (the row again, with its end date) and their successors' new posts;
// - 企业登记 / 企业股东 / 企业主要人员: companies founded in July (the representative holds them whole and
//   directs them), and corrections: a few companies deregistered (注销), their row delivered again.
// Deterministic: same persons and seed, byte-identical files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildWorld } from './generate.js';
import { Noise } from './noise.js';
import { CompanyFactory } from './world/companies.js';
import { ageOn, day, iso, SNAPSHOT } from './world/dates.js';
import { IdIssuer } from './world/ids.js';
import { addMonths, monthDay, monthEnd, monthIndex, monthStart } from './world/months.js';
import { Rng } from './world/prng.js';
import type { Payment, PayrollSpell, Records } from './world/records.js';
import type { Company, Officer, Person, Post, Shareholding, World } from './world/world.js';
import { writeCompanies, writeOfficers, writeShareholders } from './write/business.js';
import { writePayments, writePayroll } from './write/integrity.js';
import { writeCadres } from './write/people.js';
import { SOURCES } from './write/sources.js';

export interface DeltaOptions {
  persons: number;
  seed: number;
  outDir: string;
}

export interface DeltaSummary {
  /** The month delivered, YYYY-MM. */
  month: string;
  /** Rows per file written. */
  files: Record<string, number>;
  counts: {
    payroll: number;
    leftPayroll: number;
    payments: number;
    postsEnded: number;
    postsNew: number;
    companiesNew: number;
    companiesDeregistered: number;
  };
}

/** The month after the snapshot. */
export const DELTA_MONTH = monthIndex(SNAPSHOT) + 1;
const FIRST = monthDay(DELTA_MONTH);
const ENDED = day(2024, 7, 15);
const APPOINTED = day(2024, 7, 16);

/** `share` of `xs` (at least one when there is any), spread evenly over them. */
function every<T>(xs: T[], share: number): T[] {
  if (!xs.length) return [];
  const n = Math.max(1, Math.round(xs.length * share));
  return Array.from({ length: n }, (_, i) => xs[Math.floor(((i + 0.5) * xs.length) / n)]!);
}

/** July's payroll: June's spells carried one month, but one in two hundred who leave the payroll in June. */
function nextPayroll(records: Records): { next: PayrollSpell[]; left: number } {
  const june = records.payroll.filter((s) => monthIndex(s.to) === DELTA_MONTH - 1);
  const leaving = new Set(every(june, 0.005));
  const next = june.filter((s) => !leaving.has(s)).map((s) => ({ ...s, from: FIRST, to: FIRST }));
  return { next, left: leaving.size };
}

/**
 * Each recipient's next payment of each programme, when it falls due in July: the period after the last
 * one paid, as long, paid the same day of the month as long after.
 */
function nextPayments(records: Records): Payment[] {
  const last = new Map<string, Payment>();
  for (const p of records.payments) {
    if (p.arrears) continue;
    const k = `${p.person}|${p.program}`;
    const prev = last.get(k);
    if (!prev || p.to > prev.to || (p.to === prev.to && p.payDate > prev.payDate)) last.set(k, p);
  }
  const out: Payment[] = [];
  for (const p of last.values()) {
    const span = monthIndex(p.to) - monthIndex(p.from) + 1;
    const payMonth = addMonths(p.payDate, span);
    const payDate = Math.min(monthEnd(payMonth), payMonth + (p.payDate - monthStart(p.payDate)));
    if (monthIndex(payDate) !== DELTA_MONTH) continue;
    out.push({ ...p, from: addMonths(p.from, span), to: monthEnd(addMonths(p.to, span)), payDate });
  }
  return out;
}

/** Adults alive at the snapshot, part of no planted case, holding no post: who may be appointed or found a firm. */
function freePeople(world: World): Person[] {
  const holds = new Set(world.posts.map((p) => p.person));
  return world.persons.filter(
    (p) => !p.planted && !p.cancel && !holds.has(p.idx) && ageOn(p.birth, SNAPSHOT) >= 25 && ageOn(p.birth, SNAPSHOT) <= 58,
  );
}

/** One open post in two hundred ends on 15 July; the next day someone new takes the same title at the unit. */
function postChanges(world: World, free: Person[]): { rows: Post[]; ended: number } {
  const open = world.posts.filter((p) => p.to === undefined && !p.planted);
  const ended = every(open, 0.005).map((p) => ({ ...p, to: ENDED }));
  const successors = ended.map((p, i) => ({ ...p, person: free[(i * 7919) % free.length]!.idx, from: APPOINTED, to: undefined }));
  return { rows: [...ended, ...successors], ended: ended.length };
}

/** New companies (three in a thousand, at least two) and a few deregistered ones, as July's register. */
function companyChanges(
  world: World,
  rng: Rng,
  free: Person[],
): { companies: Company[]; shares: Shareholding[]; officers: Officer[]; created: number; deregistered: number } {
  const usccs = new Set([...world.companies.map((c) => c.uscc), ...world.orgs.map((o) => o.code)]);
  const names = new Set(world.companies.map((c) => c.name));
  const factory = new CompanyFactory(world, rng, new IdIssuer(new Rng(rng.int(1, 2 ** 30), 'delta-ids')));
  const want = Math.max(2, Math.round(world.companies.length * 0.003));
  const created: Company[] = [];
  // Reps from the other end of the free list than the new cadres, so that nobody is both.
  for (let i = 0; created.length < want && i < want * 10; i++) {
    const rep = free[free.length - 1 - ((i * 104729) % free.length)]!;
    const c = factory.create('other', rep, { founded: day(2024, 7, rng.int(1, 31)) });
    c.status = '存续';
    if (usccs.has(c.uscc) || names.has(c.name)) continue;
    usccs.add(c.uscc);
    names.add(c.name);
    created.push(c);
  }
  const shares: Shareholding[] = created.map((c) => ({
    company: c.idx,
    holder: { kind: 'person', idx: c.rep },
    pct: 100,
    from: c.founded,
  }));
  const officers: Officer[] = created.map((c) => ({ company: c.idx, person: c.rep, role: '执行董事', from: c.founded }));
  const active = world.companies.filter((c) => !c.planted && c.role === 'other' && (c.status === '存续' || c.status === '在业'));
  const gone = every(active, 0.002).map((c) => ({ ...c, status: '注销' as const }));
  return { companies: [...created, ...gone], shares, officers, created: created.length, deregistered: gone.length };
}

/** Writes the month after the county of `persons` and `seed` into `outDir`. */
export async function generateDelta(opts: DeltaOptions): Promise<DeltaSummary> {
  const { world, records } = buildWorld(opts.persons, opts.seed);
  const rng = new Rng(opts.seed, 'delta');
  const noise = new Noise(false, new Rng(opts.seed, 'delta-noise'), world.persons, new Set());
  const free = freePeople(world);
  const payroll = nextPayroll(records);
  const payments = nextPayments(records);
  const posts = postChanges(world, free);
  const firms = companyChanges(world, rng, free);

  const dir = opts.outDir;
  mkdirSync(dir, { recursive: true });
  const files: Record<string, number> = {};
  files[SOURCES.cadre.file] = await writeCadres({ ...world, posts: posts.rows }, noise, dir);
  files[SOURCES.company.file] = await writeCompanies({ ...world, companies: firms.companies }, noise, dir);
  // The holdings and officers look their company up by index: the whole register stays in view.
  files[SOURCES.shareholder.file] = writeShareholders({ ...world, shareholdings: firms.shares }, noise, dir);
  files[SOURCES.officer.file] = writeOfficers({ ...world, officers: firms.officers }, noise, dir);
  files[SOURCES.payroll.file] = writePayroll(world, { ...records, payroll: payroll.next }, noise, dir);
  files[SOURCES.welfare.file] = writePayments(world, { ...records, payments }, noise, dir);

  const summary: DeltaSummary = {
    month: iso(FIRST).slice(0, 7),
    files,
    counts: {
      payroll: payroll.next.length,
      leftPayroll: payroll.left,
      payments: payments.length,
      postsEnded: posts.ended,
      postsNew: posts.rows.length - posts.ended,
      companiesNew: firms.created,
      companiesDeregistered: firms.deregistered,
    },
  };
  writeFileSync(
    join(dir, 'delta.json'),
    JSON.stringify({ options: { persons: opts.persons, seed: opts.seed }, ...summary }, null, 2) + '\n',
  );
  return summary;
}
