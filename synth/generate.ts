// The synthetic county generator: the world (households, units and posts, companies, tenders,
// records), the planted cases of every model (cases/, in registry order), optional noise, then the
// 21 department files of docs/sources.md plus truth.json.
// Deterministic: same (persons, seed, noise) gives byte-identical files.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { assignBidPeople } from './world/bid-people.js';
import { ageOn, iso, SNAPSHOT, ymd } from './world/dates.js';
import { CompanyFactory, generateCompanies } from './world/companies.js';
import { assignDirectRefs, generateDirect } from './world/direct-awards.js';
import { generateHouseholds } from './world/households.js';
import { IdIssuer } from './world/ids.js';
import { backgroundRecords } from './world/background-records.js';
import { companyPeople } from './world/kin.js';
import { Population } from './world/population.js';
import { Rng } from './world/prng.js';
import { emptyRecords, type Records } from './world/records.js';
import { assignRegRefs, generateRegulation } from './world/regulation.js';
import { disqualifyBackground } from './world/disqualify.js';
import { generateTenders } from './world/tenders.js';
import { generateOrgs, generatePosts, generateVillages } from './world/units.js';
import { emptyWorld, type Person, type World } from './world/world.js';
import type { PlantedCase } from './cases/case.js';
import { plantedSets } from './cases/people.js';
import { PlantCtx, type Finish } from './cases/plant-context.js';
import { Planter } from './cases/planter.js';
import { bruteForceM03, m03Refs, type PlantedRefs } from './cases/procurement/kin-of-official-at-winning-bidder.js';
import { checkExact, procurementCases, reconcile } from './cases/reconcile.js';
import { CASES } from './cases/registry.js';
import { sanitiseBids } from './cases/sanitise-bids.js';
import { Noise } from './noise.js';
import { caseRecords, type Truth } from './truth.js';
import { writeAwards, writeBids, writeCompanies, writeOfficers, writeShareholders, writeTenders } from './write/business.js';
import { writeDeaths, writeInsurance, writeParty, writePayments, writePayroll, writePolice, writeSanctions } from './write/integrity.js';
import { writeCadres, writeHukou, writeMarriages } from './write/people.js';
import { writeDirect, writeRegulation } from './write/procurement.js';
import { writeUnits } from './write/units.js';
import { writeJsonFile } from './write/json-file.js';
import { SOURCES } from './write/sources.js';
import { generateOversight } from './oversight/index.js';
import { writeApprovals, writePetitions } from './write/oversight.js';

export type { Truth, M03Case } from './truth.js';
export type { ModelCase } from './cases/case.js';
export { procurementCases } from './cases/reconcile.js';

export interface GenerateOptions {
  persons: number;
  seed: number;
  outDir: string;
  noise?: boolean;
}

export const MIN_PERSONS = 400;

export interface BuiltWorld {
  world: World;
  records: Records;
  /** M03's planted cases, as truth.json's m03 section reads them. */
  planted: PlantedRefs[];
  /** M03's planted cases. */
  m03: PlantedCase[];
  /** The procurement models' planted cases (before the codes exist, keyed by world index). */
  procurement: PlantedCase[];
  /** The integrity and welfare models' planted cases. */
  integrity: PlantedCase[];
}

/** Builds the county in memory (no files). Exposed for tests and the oracles. Each case's hooks run in
 * registry order within their phase (case.ts), so the PRNG draws fall where they always have. */
export function buildWorld(persons: number, seed: number): BuiltWorld {
  if (!Number.isInteger(persons) || persons < MIN_PERSONS) throw new Error(`persons must be an integer >= ${MIN_PERSONS}`);
  const world = emptyWorld();
  const ids = new IdIssuer(new Rng(seed, 'ids'));
  const pop = new Population(world, new Rng(seed, 'people'), ids);
  generateVillages(world, new Rng(seed, 'villages'), persons);
  const villages = world.villages.map((v) => v.idx);
  const early = CASES.flatMap((c) => (c.early ? [c.early({ seed, pop, villages })] : []));
  // Integrity and welfare cases build their households next, before the background fills the county.
  const peopleRng = new Rng(seed, 'plant-integrity');
  const finishes: Finish[] = [];
  for (let set = 0; set < plantedSets(persons); set++) {
    for (const c of CASES) if (c.people) finishes.push(c.people({ pop, rng: peopleRng, villages, world, set }));
  }
  generateHouseholds(world, pop, new Rng(seed, 'households'), persons - world.persons.length, villages);
  generateOrgs(world, ids, persons);
  generatePosts(world, new Rng(seed, 'posts'), persons, (p) => !p.planted);
  for (const e of early) e.posts(world);

  const holdsPost = new Set(world.posts.map((p) => p.person));
  const people = world.persons.filter(
    (p: Person) =>
      !p.planted &&
      !p.cancel &&
      !holdsPost.has(p.idx) &&
      p.rel !== '99' &&
      ageOn(p.birth, SNAPSHOT) >= 25 &&
      ageOn(p.birth, SNAPSHOT) <= 70,
  );
  const factory = new CompanyFactory(world, new Rng(seed, 'companies'), ids);
  generateCompanies(world, new Rng(seed, 'company-people'), factory, persons, people);
  const bidderPool = world.companies.filter((c) => c.role === 'bidder');
  const m03 = early.flatMap((e) => e.awards({ world, factory, people, bidderPool }));
  generateTenders(
    world,
    new Rng(seed, 'tenders'),
    persons,
    bidderPool.filter((c) => !c.planted),
  );
  const pl = plantProcurement(
    world,
    new Rng(seed, 'procurement'),
    factory,
    people,
    bidderPool.filter((c) => !c.planted),
  );
  assignCodes(world);
  assignDirectRefs(world);
  assignRegRefs(world);
  const records = emptyRecords();
  const ctx = new PlantCtx(world, records, new Rng(seed, 'integrity-finish'), factory);
  const integrity = finishes.flatMap((f) => f(ctx));
  backgroundRecords(world, records, new Rng(seed, 'records'), persons);
  // Last: sources planted after the bids (officials' firms, for instance) can still make two bidders
  // of one lot related.
  sanitiseBids(world, pl.cases, pl.pinned, pl.floors);
  // After the clean-up, on its own stream: which background losing bids the evaluation threw out.
  disqualifyBackground(world, new Rng(seed, 'disqualify'));
  return { world, records, planted: m03Refs(world, m03), m03, procurement: pl.cases, integrity };
}

/** The procurement half after background tenders: who stands behind bids, the bidding cases, the
 * background direct awards and their cases, the background inspections and theirs. `people`: adults
 * who may take company roles (no posts, not planted). */
function plantProcurement(world: World, rng: Rng, factory: CompanyFactory, people: Person[], bidderPool: World['companies']): Planter {
  const inFirms = new Set<number>();
  for (const s of companyPeople(world)) for (const p of s) inFirms.add(p);
  const free = people.filter((p) => !inFirms.has(p.idx) && !p.planted);
  assignBidPeople(world, rng, free.slice(0, Math.ceil(free.length / 3)));
  const pl = new Planter(world, rng, factory, people, bidderPool);
  for (const c of CASES) c.bidding?.(pl);
  const direct = generateDirect(
    world,
    pl,
    people.filter((p) => !inFirms.has(p.idx)),
  );
  for (const c of CASES) c.direct?.(pl, direct);
  const regs = generateRegulation(world, pl);
  for (const c of CASES) c.regulation?.(pl, regs);
  return pl;
}

/** Project codes in announcement order per year (planted projects interleave with the rest). */
function assignCodes(world: World): void {
  const order = world.projects.slice().sort((a, b) => a.announced - b.announced || a.idx - b.idx);
  const perYear = new Map<number, number>();
  for (const p of order) {
    const y = ymd(p.announced).y;
    const n = (perYear.get(y) ?? 0) + 1;
    perYear.set(y, n);
    p.code = `TLZB-${y}-${String(n).padStart(4, '0')}`;
  }
  const perProject = new Map<number, number>();
  for (const b of world.bids) {
    const n = (perProject.get(b.project) ?? 0) + 1;
    perProject.set(b.project, n);
    b.code = `${world.projects[b.project]?.code ?? ''}-TB${String(n).padStart(2, '0')}`;
  }
}

/** The persons a case names (noise leaves them alone). A function of its own so the id map it builds (a
 * string per person) is garbage before the files are written, not held to the end. */
function personsInCases(world: World, cases: readonly { key: readonly string[] }[]): Set<number> {
  const byId = new Map(world.persons.map((p) => [`Person:${p.idNo}`, p.idx]));
  return new Set(cases.flatMap((c) => c.key.flatMap((u) => (byId.has(u) ? [byId.get(u)!] : []))));
}

/** `files` are the 19 department files only (what the loaders take); truth.json is written
 * next to them at `truthPath`. */
export async function generateCounty(opts: GenerateOptions): Promise<{ files: string[]; truth: Truth; truthPath: string }> {
  const noiseOn = opts.noise ?? true;
  const { world, planted, m03, procurement, records, integrity } = buildWorld(opts.persons, opts.seed);
  const integrityTruth = reconcile(world, records, integrity);
  const modelCases = procurementCases(world, procurement);
  // The truth must claim every M03 match in the data: background generation guarantees none, and
  // this refuses to write a county where that guarantee failed.
  for (const c of CASES) if (c.early) checkExact(world, c, m03);
  const cases = caseRecords(world, planted);
  // 信访 and 审批/用印 (M41, M39): after the county stands, on their own streams.
  const oversight = generateOversight(world, opts.seed, opts.persons);
  const expectedAlerts = bruteForceM03(world);

  mkdirSync(opts.outDir, { recursive: true });
  const inCases = personsInCases(world, [...integrityTruth.cases, ...modelCases, ...oversight.cases]);
  const noise = new Noise(noiseOn, new Rng(opts.seed, 'noise'), world.persons, inCases);
  const dir = opts.outDir;
  const rows: Record<string, number> = {};
  rows[SOURCES.hukou.file] = writeHukou(world, noise, dir);
  rows[SOURCES.marriage.file] = writeMarriages(world, noise, dir);
  rows[SOURCES.cadre.file] = await writeCadres(world, noise, dir);
  rows[SOURCES.company.file] = await writeCompanies(world, noise, dir);
  rows[SOURCES.shareholder.file] = writeShareholders(world, noise, dir);
  rows[SOURCES.officer.file] = writeOfficers(world, noise, dir);
  rows[SOURCES.tender.file] = await writeTenders(world, noise, dir);
  rows[SOURCES.bid.file] = writeBids(world, noise, dir);
  rows[SOURCES.award.file] = writeAwards(world, noise, dir);
  rows[SOURCES.direct.file] = await writeDirect(world, noise, dir);
  rows[SOURCES.regulation.file] = writeRegulation(world, noise, dir);
  rows[SOURCES.death.file] = writeDeaths(world, records, noise, dir);
  rows[SOURCES.party.file] = await writeParty(world, records, noise, dir);
  rows[SOURCES.payroll.file] = writePayroll(world, records, noise, dir);
  rows[SOURCES.welfare.file] = writePayments(world, records, noise, dir);
  rows[SOURCES.police.file] = writePolice(world, records, noise, dir);
  rows[SOURCES.sanction.file] = await writeSanctions(world, records, noise, dir);
  rows[SOURCES.insurance.file] = writeInsurance(world, records, noise, dir);
  rows[SOURCES.unit.file] = writeUnits(world, opts.seed, dir);
  // Last, so the noise drawn for them leaves every earlier file as it was.
  rows[SOURCES.petition.file] = await writePetitions(world, oversight.petitions, noise, dir);
  rows[SOURCES.approval.file] = writeApprovals(world, oversight.approvals, noise, dir);

  const truth: Truth = {
    generator: 'huiyan-synthetic-county',
    version: 1,
    options: { seed: opts.seed, persons: opts.persons, noise: noiseOn },
    snapshotDate: iso(SNAPSHOT),
    files: rows,
    counts: {
      persons: world.persons.length,
      households: world.households.length,
      marriages: world.marriages.length,
      deceased: world.persons.filter((p) => p.cancel?.reason === '死亡').length,
      orgs: world.orgs.length,
      posts: world.posts.length,
      officials: new Set(world.posts.map((p) => p.person)).size,
      companies: world.companies.length,
      projects: world.projects.length,
      bids: world.bids.length,
      awards: world.awards.length,
    },
    m03: { cases, expectedAlerts },
    integrity: { expectedAlerts: integrityTruth.expectedAlerts },
    cases: [...modelCases, ...integrityTruth.cases, ...oversight.cases],
    noise: noiseOn ? noise.log : null,
  };
  const truthPath = join(dir, 'truth.json');
  writeJsonFile(truthPath, truth);
  const files = Object.values(SOURCES).map((s) => join(dir, s.file));
  return { files, truth, truthPath };
}
