// Reading candidates for the handler's list: each with both records side by side (as they stand now: a
// person, a held record or, after a merge, the MergedRecord) and its decisions, newest last.
import { int, type Executor, type RunOptions } from '../../platform/db/executor.js';
import { birthOf } from './schema.js';

export interface SideView {
  uid: string;
  label: string;
  held: boolean;
  merged: boolean;
  name: string | null;
  birthDate: string | null;
  gender: string | null;
  idNoMasked: string | null;
  address: string | null;
  code: string | null;
  source: string | null;
  file: string | null;
  row: number | null;
  sources: string[];
}

export const KINDS = ['person', 'company'] as const;
export const STATUSES = ['proposed', 'accepted', 'rejected'] as const;
export const ACTIONS = ['accept', 'reject', 'undo'] as const;

export interface DecisionView {
  id: string;
  action: (typeof ACTIONS)[number];
  by: string;
  role: string;
  at: string;
  reason: string;
}

export interface CandidateView {
  id: string;
  kind: (typeof KINDS)[number];
  status: (typeof STATUSES)[number];
  score: number;
  reasons: string[];
  proposedAt: string;
  keep: string | null;
  a: SideView | null;
  b: SideView | null;
  decisions: DecisionView[];
}

export interface CandidateFilter {
  kind?: (typeof KINDS)[number] | null;
  status?: (typeof STATUSES)[number] | null;
}

const SIDE = (v: string) => `CASE WHEN ${v} IS NULL THEN null ELSE {
  uid: ${v}.uid, label: coalesce(${v}._label, head([l IN labels(${v}) WHERE l <> 'Entity'])), held: ${v}:PersonRecord,
  merged: ${v}:MergedRecord OR coalesce(${v}.status = 'merged', false), name: ${v}.name, birthDate: toString(${birthOf(v)}),
  gender: ${v}.gender, idNoMasked: ${v}.idNoMasked, address: ${v}.address, code: ${v}.uscc, source: ${v}._source,
  file: ${v}._file, row: ${v}._row, sources: coalesce(${v}._sources, [])} END`;

const FIND = (v: string, uid: string) => `
  CALL (k) {
    OPTIONAL MATCH (n:Entity {uid: ${uid}}) OPTIONAL MATCH (r:PersonRecord {uid: ${uid}}) OPTIONAL MATCH (m:MergedRecord {uid: ${uid}})
    RETURN coalesce(n, r, m) AS ${v}
  }`;

const PAGE = `
  MATCH (k:ResolutionCandidate)
  WHERE ($id IS NULL OR k.id = $id) AND ($kind IS NULL OR k.kind = $kind) AND ($status IS NULL OR k.status = $status)
  WITH k ORDER BY k.score DESC, k.id SKIP $skip LIMIT $limit
  ${FIND('a', 'k.a')}
  ${FIND('b', 'k.b')}
  RETURN k.id AS id, k.kind AS kind, k.status AS status, k.score AS score, k.reasons AS reasons,
    toString(k.proposedAt) AS proposedAt, k.keep AS keep, ${SIDE('a')} AS a, ${SIDE('b')} AS b,
    COLLECT { MATCH (d:ResolutionDecision {candidate: k.id}) WITH d ORDER BY d.at
      RETURN d {.id, .action, .by, .role, .reason, at: toString(d.at)} } AS decisions`;

export async function candidatePage(
  executor: Executor,
  filter: CandidateFilter & { id?: string },
  skip: number,
  limit: number,
  opts: RunOptions = {},
): Promise<CandidateView[]> {
  const params = { id: filter.id ?? null, kind: filter.kind ?? null, status: filter.status ?? null, skip: int(skip), limit: int(limit) };
  return (await executor.read<CandidateView>(PAGE, params, opts)).rows;
}

export async function candidateById(executor: Executor, id: string, opts: RunOptions = {}): Promise<CandidateView | null> {
  return (await candidatePage(executor, { id }, 0, 1, opts))[0] ?? null;
}
