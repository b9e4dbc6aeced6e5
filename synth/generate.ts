// The synthetic county generator: households, units and posts, companies, tenders, planted M03
// cases, optional noise, then the nine department files of docs/sources.md plus truth.json.
// Deterministic: same (persons, seed, noise) gives byte-identical files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ageOn, iso, SNAPSHOT, ymd } from './world/dates.js';
import { CompanyFactory, generateCompanies } from './world/companies.js';
import { generateHouseholds } from './world/households.js';
import { IdIssuer } from './world/ids.js';
import { bruteForceM03 } from './cases/m03.js';
import { emptyWorld, type Person, type World } from './world/world.js';
import { Noise } from './noise.js';
import { orgByShort, plantAwards, type PlantedRefs } from './cases/plant-awards.js';
import { plantHouseholds, plantPost } from './cases/plant-m03.js';
import { Population } from './world/population.js';
import { Rng } from './world/prng.js';
import { SOURCES } from './write/sources.js';
import { generateTenders } from './world/tenders.js';
import { caseRecords, type Truth } from './truth.js';
import { generateOrgs, generatePosts, generateVillages } from './world/units.js';
import { writeAwards, writeBids, writeCompanies, writeOfficers, writeShareholders, writeTenders } from './write/business.js';
import { writeCadres, writeHukou, writeMarriages } from './write/people.js';
import { buildRecords, planIntegrity, reconcile, type IntegrityCase } from './cases/integrity.js';
import type { Records } from './world/records.js';
import { writeDeaths, writeInsurance, writeParty, writePayments, writePayroll, writePolice, writeSanctions } from './write/integrity.js';
import { assignDirectRefs } from './world/direct-awards.js';
import { allProcurementMatches } from './cases/proc-brute.js';
import { keyId, toModelCase, type ModelCase, type PlantedCase } from './cases/proc-cases.js';
import { buildProcurement } from './cases/procurement.js';
import { assignRegRefs } from './world/regulation.js';
import { writeDirect, writeRegulation } from './write/procurement.js';

export type { Truth, M03Case } from './truth.js';
export type { ModelCase } from './cases/proc-cases.js';

export interface GenerateOptions {
  persons: number;
  seed: number;
  outDir: string;
  noise?: boolean;
}

export const MIN_PERSONS = 400;

/** Builds the county in memory (no files). Exposed for tests and the brute-force check. */
export function buildWorld(persons: number, seed: number): { world: World; planted: PlantedRefs[]; records: Records; integrity: IntegrityCase[]; procurement: PlantedCase[] } {
  if (!Number.isInteger(persons) || persons < MIN_PERSONS) throw new Error(`persons must be an integer >= ${MIN_PERSONS}`);
  const world = emptyWorld();
  const ids = new IdIssuer(new Rng(seed, 'ids'));
  const pop = new Population(world, new Rng(seed, 'people'), ids);
  generateVillages(world, new Rng(seed, 'villages'), persons);
  const villageIdx = world.villages.map((v) => v.idx);
  const plantRng = new Rng(seed, 'plant');
  const plantedPeople = plantHouseholds(pop, plantRng, villageIdx);
  // Integrity and welfare cases build their households next, before the background fills the county.
  const finishes = planIntegrity(pop, seed, world, villageIdx, persons);
  generateHouseholds(world, pop, new Rng(seed, 'households'), persons - world.persons.length, villageIdx);
  generateOrgs(world, ids, persons);
  generatePosts(world, new Rng(seed, 'posts'), persons, (p) => !p.planted);
  // The planted village secretary replaces the background one (one 书记 per village).
  const units = plantedPeople.map((pp) => orgByShort(world, pp.def.unit));
  for (const post of world.posts) {
    if (post.org === units[3] && post.title === '党支部书记' && post.to === undefined) { post.title = '委员'; post.leader = false; }
  }
  plantedPeople.forEach((pp, i) => plantPost(world, pp, units[i] as number));

  const holdsPost = new Set(world.posts.map((p) => p.person));
  const people = world.persons.filter((p: Person) => !p.planted && !p.cancel && !holdsPost.has(p.idx) && p.rel !== '99' && ageOn(p.birth, SNAPSHOT) >= 25 && ageOn(p.birth, SNAPSHOT) <= 70);
  const factory = new CompanyFactory(world, new Rng(seed, 'companies'), ids);
  generateCompanies(world, new Rng(seed, 'company-people'), factory, persons, people);
  const bidderPool = world.companies.filter((c) => c.role === 'bidder');
  const planted = plantAwards(world, plantRng, factory, plantedPeople, units, people, bidderPool);
  generateTenders(world, new Rng(seed, 'tenders'), persons, bidderPool.filter((c) => !c.planted));
  const { cases: procurement, sanitise } = buildProcurement(world, new Rng(seed, 'procurement'), factory, people, bidderPool.filter((c) => !c.planted));
  assignCodes(world);
  assignDirectRefs(world);
  assignRegRefs(world);
  const { records, cases: integrity } = buildRecords(world, finishes, seed, persons, factory);
  sanitise();
  return { world, planted, procurement, records, integrity };
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

/** `files` are the nine department files only (what the loaders take); truth.json is written
 * next to them at `truthPath`. */
export async function generateCounty(opts: GenerateOptions): Promise<{ files: string[]; truth: Truth; truthPath: string }> {
  const noiseOn = opts.noise ?? true;
  const { world, planted, procurement, records, integrity } = buildWorld(opts.persons, opts.seed);
  const integrityTruth = reconcile(world, records, integrity);
  const modelCases = procurementCases(world, procurement);
  const cases = caseRecords(world, planted);
  const expectedAlerts = bruteForceM03(world);
  const plantedAlerts = cases.filter((c) => c.expected === 'alert');
  // The truth must claim every M03 match in the data: background generation guarantees none, and
  // this refuses to write a county where that guarantee failed.
  if (expectedAlerts.length !== plantedAlerts.length || !plantedAlerts.every((c) => expectedAlerts.some((m) => m.projectCode === c.projectCode && m.officialIdNo === c.officialIdNo && m.relativeIdNo === c.relativeIdNo))) {
    throw new Error(`M03 self-check failed: ${expectedAlerts.length} matches, ${plantedAlerts.length} planted alerts`);
  }

  mkdirSync(opts.outDir, { recursive: true });
  const noise = new Noise(noiseOn, new Rng(opts.seed, 'noise'), world.persons);
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

  const truth: Truth = {
    generator: 'huiyan-synthetic-county',
    version: 1,
    options: { seed: opts.seed, persons: opts.persons, noise: noiseOn },
    snapshotDate: iso(SNAPSHOT),
    files: rows,
    counts: {
      persons: world.persons.length, households: world.households.length, marriages: world.marriages.length,
      deceased: world.persons.filter((p) => p.cancel?.reason === '死亡').length,
      orgs: world.orgs.length, posts: world.posts.length, officials: new Set(world.posts.map((p) => p.person)).size,
      companies: world.companies.length, projects: world.projects.length, bids: world.bids.length, awards: world.awards.length,
    },
    m03: { cases, expectedAlerts },
    integrity: { expectedAlerts: integrityTruth.expectedAlerts },
    cases: [...modelCases, ...integrityTruth.cases],
    noise: noiseOn ? noise.log : null,
  };
  const truthPath = join(dir, 'truth.json');
  writeFileSync(truthPath, JSON.stringify(truth, null, 2) + '\n');
  const files = Object.values(SOURCES).map((s) => join(dir, s.file));
  return { files, truth, truthPath };
}

/** The planted procurement cases plus any match the brute force finds that no case plants (recorded as
 * kind "background", so truth always equals what the data contains). Refuses a county where a planted
 * alert is missing or a planted near miss matches. */
export function procurementCases(world: World, planted: PlantedCase[]): ModelCase[] {
  const found = new Map(allProcurementMatches(world).map((m) => [keyId(m.model, m.key), m]));
  for (const c of planted) {
    const hit = found.has(keyId(c.model, c.key));
    if (hit !== (c.expected === 'alert')) throw new Error(`${c.id} self-check failed: planted ${c.expected}, brute force ${hit ? 'matches' : 'does not match'}`);
  }
  const plantedKeys = new Set(planted.map((c) => keyId(c.model, c.key)));
  const extra: PlantedCase[] = [...found.entries()].filter(([k]) => !plantedKeys.has(k)).map(([, m], i) => ({ model: m.model, id: `${m.model}-B${i + 1}`, expected: 'alert', kind: 'background', key: m.key, involved: [], note: 'not planted: background data happens to match' }));
  return [...planted, ...extra].map((c) => toModelCase(world, c));
}
