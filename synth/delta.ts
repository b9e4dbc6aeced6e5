// The month after a generated county: what the departments deliver for July 2024 on top of the files that
// end at the snapshot (2024-06-30), for loading online over a county loaded once (issue #17 item 6). One
// file for each of the county's 21 exports, named as the county's so the loaders recognise them, with the
// county's columns and formats (its own writers, without noise), each delivered as the feed registry
// (synth/feeds.yaml) says the department sends it:
// - deltas, the month's new rows and the rows that changed: 婚姻登记 (marriages, divorces), 死亡火化登记,
//   企业登记/股东/主要人员 (new companies, deregistrations), 招标项目/投标记录/中标结果, 直接发包, 行政许可检查处罚,
//   民生资金发放 (each payment falling due), 公安行政处罚, 纪律处分;
// - full snapshots, the whole register as it stands at the month's end: 户籍人口 (births, deaths, moves out,
//   a household moving in), 机构编制名录 (a new unit), 干部名册 and 党员信息, 财政供养人员工资 (July's pay run),
//   社保参保, 信访件登记, 审批办件. The roster and the pension register leave out some facts that ended, so a
//   snapshot load ends them by their absence on the delivery date (DELIVERED).
// Built from the same world as the county (buildWorld with the same persons and seed); deterministic: same
// persons and seed, byte-identical files. The parts live in synth/delta/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildWorld } from './generate.js';
import { Noise } from './noise.js';
import { generateOversight } from './oversight/index.js';
import { iso } from './world/dates.js';
import { addMonths, monthEnd, monthIndex, monthStart } from './world/months.js';
import { Rng } from './world/prng.js';
import type { Payment, Records } from './world/records.js';
import { writeAwards, writeBids, writeCompanies, writeOfficers, writeShareholders, writeTenders } from './write/business.js';
import { writeDeaths, writeInsurance, writeParty, writePayments, writePayroll, writePolice, writeSanctions } from './write/integrity.js';
import { writeApprovals, writePetitions } from './write/oversight.js';
import { writeCadres, writeHukou, writeMarriages } from './write/people.js';
import { writeDirect, writeRegulation } from './write/procurement.js';
import { SOURCES } from './write/sources.js';
import { writeUnits } from './write/units.js';
import { directMonth, firmsMonth, procurementMonth, regulationMonth } from './delta/business.js';
import { DELIVERED, DELTA_MONTH, FIRST, People } from './delta/month.js';
import { approvalsMonth, petitionsMonth } from './delta/oversight.js';
import { civilMonth, type CivilMonth } from './delta/people.js';
import { publicMonth, type PublicMonth } from './delta/posts.js';
import { policeMonth, sanctionsMonth } from './delta/records.js';

export interface DeltaOptions {
  persons: number;
  seed: number;
  outDir: string;
}

export interface DeltaSummary {
  /** The month delivered, YYYY-MM. */
  month: string;
  /** The delivery's date, YYYY-MM-DD: give it to the loaders (`--delivered`), so full snapshots end what they lack on it. */
  deliveredOn: string;
  /** Rows per file written. */
  files: Record<string, number>;
  counts: DeltaCounts;
}

/** What the month holds, by kind of change. */
export type DeltaCounts = CivilMonth['counts'] &
  PublicMonth['counts'] &
  Record<
    | 'payments'
    | 'companiesNew'
    | 'companiesDeregistered'
    | 'tenders'
    | 'bids'
    | 'awards'
    | 'directAwards'
    | 'regulation'
    | 'policeCases'
    | 'sanctions'
    | 'petitionsNew'
    | 'approvalsNew',
    number
  >;

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

/** Writes the month after the county of `persons` and `seed` into `outDir`. */
export async function generateDelta(opts: DeltaOptions): Promise<DeltaSummary> {
  const { world, records } = buildWorld(opts.persons, opts.seed);
  // Before anything below adds companies or tenders to the world: the same items as the county's.
  const oversight = generateOversight(world, opts.seed, opts.persons);
  const noise = new Noise(false, new Rng(opts.seed, 'delta-noise'), world.persons, new Set());
  const people = new People(world, new Rng(opts.seed, 'delta-people'), new Set(world.posts.map((p) => p.person)));
  const onPayroll = new Set(records.payroll.map((s) => s.person));

  const civil = civilMonth(world, records, people, onPayroll, opts.seed);
  const gone = new Set(civil.persons.filter((p, i) => p.cancel && !world.persons[i]?.cancel).map((p) => p.idx));
  const firms = firmsMonth(world, opts.seed, people.take(Math.max(2, Math.round(world.companies.length * 0.003)), 25, 58));
  const pub = publicMonth(world, records, opts.seed, people, gone, firms.created);
  const procurement = procurementMonth(world, opts.seed);
  const direct = directMonth(world, opts.seed);
  const regs = regulationMonth(world, opts.seed);
  const cases = policeMonth(world, records, people, opts.seed);
  const sanctions = sanctionsMonth(world, records, new Set(pub.ending), opts.seed);
  const petitions = petitionsMonth(world, oversight.petitions, people, opts.seed);
  const approvals = approvalsMonth(world, oversight.approvals, opts.seed);
  const payments = nextPayments(records);

  // The world as the month leaves it: the register's people and households, the new unit.
  const now = { ...world, persons: civil.persons, households: civil.households, orgs: pub.orgs };
  const dir = opts.outDir;
  mkdirSync(dir, { recursive: true });
  const files: Record<string, number> = {};
  files[SOURCES.hukou.file] = writeHukou(now, noise, dir);
  files[SOURCES.marriage.file] = writeMarriages({ ...now, marriages: civil.marriages }, noise, dir);
  files[SOURCES.cadre.file] = await writeCadres({ ...now, posts: pub.roster }, noise, dir);
  files[SOURCES.company.file] = await writeCompanies({ ...now, companies: firms.companies }, noise, dir);
  // The holdings and officers look their company up by index: the whole register stays in view.
  files[SOURCES.shareholder.file] = writeShareholders({ ...now, shareholdings: firms.shares }, noise, dir);
  files[SOURCES.officer.file] = writeOfficers({ ...now, officers: firms.officers }, noise, dir);
  files[SOURCES.tender.file] = await writeTenders({ ...now, projects: procurement.projects }, noise, dir);
  files[SOURCES.bid.file] = writeBids({ ...now, bids: procurement.bids }, noise, dir);
  files[SOURCES.award.file] = writeAwards({ ...now, awards: procurement.awards }, noise, dir);
  files[SOURCES.direct.file] = await writeDirect({ ...now, direct }, noise, dir);
  files[SOURCES.regulation.file] = writeRegulation({ ...now, regs }, noise, dir);
  files[SOURCES.death.file] = writeDeaths(now, { ...records, deaths: civil.deaths }, noise, dir);
  files[SOURCES.party.file] = await writeParty(now, { ...records, party: civil.party }, noise, dir);
  files[SOURCES.payroll.file] = writePayroll(now, { ...records, payroll: pub.payroll }, noise, dir);
  files[SOURCES.welfare.file] = writePayments(now, { ...records, payments }, noise, dir);
  files[SOURCES.police.file] = writePolice(now, { ...records, cases }, noise, dir);
  files[SOURCES.sanction.file] = await writeSanctions(now, { ...records, sanctions }, noise, dir);
  files[SOURCES.insurance.file] = writeInsurance(now, { ...records, insurance: pub.insurance }, noise, dir);
  files[SOURCES.unit.file] = writeUnits(now, opts.seed, dir);
  files[SOURCES.petition.file] = await writePetitions(now, [...oversight.petitions, ...petitions], noise, dir);
  files[SOURCES.approval.file] = writeApprovals(now, [...oversight.approvals, ...approvals], noise, dir);

  const summary: DeltaSummary = {
    month: iso(FIRST).slice(0, 7),
    deliveredOn: DELIVERED,
    files,
    counts: {
      ...civil.counts,
      ...pub.counts,
      payments: payments.length,
      companiesNew: firms.created.length,
      companiesDeregistered: firms.deregistered,
      tenders: procurement.projects.length,
      bids: procurement.bids.length,
      awards: procurement.awards.length,
      directAwards: direct.length,
      regulation: regs.length,
      policeCases: cases.length,
      sanctions: sanctions.length,
      petitionsNew: petitions.length,
      approvalsNew: approvals.length,
    },
  };
  writeFileSync(
    join(dir, 'delta.json'),
    JSON.stringify({ options: { persons: opts.persons, seed: opts.seed }, ...summary }, null, 2) + '\n',
  );
  return summary;
}
