// Finds pairs of records that may be one person or one company and stores each as a ResolutionCandidate
// (docs/resolution.md). The graph narrows the pairs (same name and birth date, same company name); the
// score (score.ts) decides which are proposed. A pair already decided keeps its decision: finding again
// refreshes the score of open candidates only.
import { createHash } from 'node:crypto';
import type { Executor, RunOptions } from '../../platform/db/executor.js';
import { birthOf, ensureResolutionSchema } from './schema.js';
import { PROPOSE_AT, scoreCompanies, scorePersons, type CompanySide, type PersonSide } from './score.js';

export type CandidateKind = 'person' | 'company';

interface Found {
  id: string;
  kind: CandidateKind;
  a: string;
  b: string;
  score: number;
  reasons: string[];
}

type PersonRow = PersonSide & { uid: string };
type CompanyRow = CompanySide & { uid: string };

/** Same pair, same id, whichever side was read first. */
export function candidateId(kind: CandidateKind, a: string, b: string): string {
  const [x, y] = [a, b].sort();
  return `${kind}:${createHash('sha256').update(`${x}\n${y}`).digest('hex').slice(0, 20)}`;
}

const BIRTH = birthOf('p');
const NAME = (v: string) => `replace(trim(${v}.name), ' ', '')`;
const PERSON_SIDE = `{uid: p.uid, name: p.name, birthDate: toString(bd), gender: p.gender, idNo: p.idNo,
  idNoMasked: p.idNoMasked, address: p.address, households: [(p)-[:MEMBER_OF]->(h:Household) | h.uid]}`;

const PERSON_GROUPS = `
  MATCH (p:Person) WHERE p.name IS NOT NULL
  WITH p, ${BIRTH} AS bd WHERE bd IS NOT NULL
  WITH ${NAME('p')} AS name, bd, collect(${PERSON_SIDE}) AS group WHERE size(group) > 1
  RETURN group`;

// A held record (loaders/core/held.ts) against the persons of its name and birth date.
const HELD_GROUPS = `
  MATCH (r:PersonRecord {status: 'held'})
  MATCH (p:Person) WHERE ${NAME('p')} = ${NAME('r')}
  WITH r, p, ${BIRTH} AS bd WHERE bd = r.birthDate
  WITH r, collect(${PERSON_SIDE}) AS persons
  RETURN {uid: r.uid, name: r.name, birthDate: toString(r.birthDate), gender: r.gender, idNo: r.idNo,
          idNoMasked: r.idNoMasked, address: r.address, households: coalesce(r.households, [])} AS record, persons`;

const COMPANY_GROUPS = `
  MATCH (c:Company) WHERE c.name IS NOT NULL
  WITH ${NAME('c')} AS name, collect({uid: c.uid, name: c.name, code: c.uscc, address: c.address,
    legalReps: [(r:Person)-[:LEGAL_REP_OF]->(c) | r.uid]}) AS group WHERE size(group) > 1
  RETURN group`;

const STORE = `
  UNWIND $found AS f
  MERGE (k:ResolutionCandidate {id: f.id})
  ON CREATE SET k.kind = f.kind, k.a = f.a, k.b = f.b, k.status = 'proposed', k.proposedAt = datetime()
  WITH k, f WHERE k.status = 'proposed'
  SET k.score = f.score, k.reasons = f.reasons
  RETURN count(*) AS n`;

function pairs<T>(xs: T[]): [T, T][] {
  const out: [T, T][] = [];
  for (let i = 0; i < xs.length; i++) for (let j = i + 1; j < xs.length; j++) out.push([xs[i]!, xs[j]!]);
  return out;
}

function found(kind: CandidateKind, a: { uid: string }, b: { uid: string }, s: { score: number; reasons: string[] } | null): Found[] {
  if (!s || s.score < PROPOSE_AT) return [];
  return [{ id: candidateId(kind, a.uid, b.uid), kind, a: a.uid, b: b.uid, score: s.score, reasons: s.reasons }];
}

/** Scores every narrowed pair and stores those at or above PROPOSE_AT; returns how many of them are open. */
export async function proposeCandidates(executor: Executor, opts: RunOptions = {}): Promise<number> {
  await ensureResolutionSchema(executor);
  const out: Found[] = [];
  const persons = await executor.read<{ group: PersonRow[] }>(PERSON_GROUPS, {}, opts);
  for (const { group } of persons.rows) for (const [a, b] of pairs(group)) out.push(...found('person', a, b, scorePersons(a, b)));
  const held = await executor.read<{ record: PersonRow; persons: PersonRow[] }>(HELD_GROUPS, {}, opts);
  for (const { record, persons: ps } of held.rows) for (const p of ps) out.push(...found('person', p, record, scorePersons(p, record)));
  const companies = await executor.read<{ group: CompanyRow[] }>(COMPANY_GROUPS, {}, opts);
  for (const { group } of companies.rows) for (const [a, b] of pairs(group)) out.push(...found('company', a, b, scoreCompanies(a, b)));
  if (!out.length) return 0;
  const { rows } = await executor.write<{ n: number }>(STORE, { found: out }, opts);
  return Number(rows[0]?.n ?? 0);
}
