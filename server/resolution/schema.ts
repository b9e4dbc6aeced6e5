// The resolution's own nodes are bookkeeping, not entities (no `Entity` label, not in graph.yaml): the
// candidates, the decisions, and the records a merge took out of the graph (MergedRecord).
import type { Executor } from '../../platform/db/executor.js';

const STATEMENTS = [
  'CREATE CONSTRAINT resolution_candidate_id IF NOT EXISTS FOR (k:ResolutionCandidate) REQUIRE k.id IS UNIQUE',
  'CREATE CONSTRAINT resolution_decision_id IF NOT EXISTS FOR (d:ResolutionDecision) REQUIRE d.id IS UNIQUE',
  'CREATE INDEX resolution_decision_candidate IF NOT EXISTS FOR (d:ResolutionDecision) ON (d.candidate)',
  'CREATE INDEX merged_record_uid IF NOT EXISTS FOR (m:MergedRecord) ON (m.uid)',
  'CREATE CONSTRAINT person_record_uid IF NOT EXISTS FOR (r:PersonRecord) REQUIRE r.uid IS UNIQUE',
];

export async function ensureResolutionSchema(executor: Executor): Promise<void> {
  for (const s of STATEMENTS) await executor.autoCommit(s);
}

/** Cypher for a record's birth date: the property, else digits 7-14 of a raw ID number (a keyed token has none). */
export const birthOf = (v: string): string => `coalesce(${v}.birthDate, CASE WHEN ${v}.idNo =~ '\\\\d{17}[\\\\dX]'
  THEN date(substring(${v}.idNo, 6, 4) + '-' + substring(${v}.idNo, 10, 2) + '-' + substring(${v}.idNo, 12, 2)) END)`;
