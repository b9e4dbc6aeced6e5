// A handler's decision on a candidate: accept (merge), reject, or undo an accepted merge. Nothing merges
// without a decision, every decision is a ResolutionDecision node (who, role, when, why), and the decision
// and its graph changes commit in one transaction, so a merge without its record cannot exist.
import { randomUUID } from 'node:crypto';
import type { Executor, RunOptions } from '../../platform/db/executor.js';
import { CodedError } from '../../platform/errors.js';
import type { GraphSchema } from '../../platform/schema/graph-schema.js';
import type { Actor } from '../access/actor.js';
import {
  attachStatements,
  detachStatements,
  mergeStatements,
  TYPES_TO_MERGE,
  TYPES_TO_UNDO,
  undoStatements,
  type MergePlan,
  type Statement,
} from './merge.js';

import type { ACTIONS } from './candidates.js';

export type Action = (typeof ACTIONS)[number];

interface Sides {
  id: string;
  status: string;
  kind: string;
  merge: string | null;
  sides: { uid: string; label: string | null; held: boolean; degree: number; code: string | null }[];
}

const READ = `
  MATCH (k:ResolutionCandidate {id: $id})
  UNWIND [k.a, k.b] AS uid
  OPTIONAL MATCH (n:Entity {uid: uid})
  OPTIONAL MATCH (r:PersonRecord {uid: uid})
  OPTIONAL MATCH (m:MergedRecord {uid: uid})
  WITH k, uid, coalesce(n, r, m) AS x, n
  RETURN k.id AS id, k.status AS status, k.kind AS kind, k.merge AS merge,
    collect({uid: uid, label: CASE WHEN n:Person THEN 'Person' WHEN n:Company THEN 'Company' END,
             held: x:PersonRecord, degree: CASE WHEN n IS NULL THEN 0 ELSE COUNT { (n)--() } END,
             code: CASE WHEN n:Company THEN n.uscc END}) AS sides`;

// Claims the candidate inside the transaction: the write lock comes first and the status is read under it,
// so a second handler deciding at the same moment waits on the lock, then finds the status changed: the
// claim writes nothing and the gated changes below do nothing.
const CLAIM = `
  MATCH (k:ResolutionCandidate {id: $id})
  SET k._lock = true REMOVE k._lock
  WITH k WHERE k.status = $from
  SET k.status = $to, k.merge = CASE WHEN $to = 'accepted' THEN $merge ELSE k.merge END,
      k.keep = CASE WHEN $to = 'accepted' THEN $keep ELSE k.keep END, k.decidedAt = datetime()
  CREATE (d:ResolutionDecision {id: $decision, candidate: k.id, action: $action, by: $by, role: $role,
          at: datetime(), reason: $reason, merge: $merge, keep: $keep, absorbed: $absorbed})
  RETURN d.id AS id`;

const USCC = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** The survivor: a person over a held record, a credit code over an old number, else the better-linked node. */
function survivorOf(s: Sides): { keep: string; absorbed: string } {
  const [a, b] = s.sides as [Sides['sides'][0], Sides['sides'][0]];
  const rank = (x: typeof a) => (x.held ? 0 : 1) * 1e9 + (x.code && USCC.test(x.code) ? 1e8 : 0) + x.degree;
  const first = rank(a) > rank(b) || (rank(a) === rank(b) && a.uid < b.uid);
  return first ? { keep: a.uid, absorbed: b.uid } : { keep: b.uid, absorbed: a.uid };
}

async function typesOf(executor: Executor, cypher: string, params: Record<string, unknown>, opts: RunOptions): Promise<string[]> {
  return (await executor.read<{ types: string[] }>(cypher, params, opts)).rows[0]?.types ?? [];
}

export interface DecideInput {
  id: string;
  action: Action;
  reason: string;
  actor: Actor;
}

export async function decide(executor: Executor, schema: GraphSchema, input: DecideInput, opts: RunOptions = {}): Promise<string> {
  const reason = input.reason.trim();
  if (!reason) throw new CodedError('REASON_REQUIRED', '请说明理由 A decision needs a reason');
  const { rows } = await executor.read<Sides>(READ, { id: input.id }, opts);
  const s = rows[0];
  if (!s) throw new CodedError('NOT_FOUND', `没有这个候选 No candidate ${input.id.slice(0, 80)}`);
  const from = input.action === 'undo' ? 'accepted' : 'proposed';
  if (s.status !== from)
    throw new CodedError(
      input.action === 'undo' ? 'CONFLICT' : 'ALREADY_DECIDED',
      input.action === 'undo'
        ? `只能撤销已合并的候选 Only an accepted candidate can be undone (this one is ${s.status})`
        : `该候选已处理 Already ${s.status}`,
    );
  let plan: MergePlan | null = null;
  let graph: Statement[] = [];
  if (input.action === 'accept') {
    const live = s.sides.filter((x) => x.label || x.held);
    if (live.length !== 2) throw new CodedError('CONFLICT', '候选记录已不在图中 A record of this candidate is no longer in the graph');
    const { keep, absorbed } = survivorOf(s);
    const absorbedSide = s.sides.find((x) => x.uid === absorbed)!;
    const types = absorbedSide.held ? [] : await typesOf(executor, TYPES_TO_MERGE, { old: absorbed }, opts);
    plan = { label: s.sides.find((x) => x.uid === keep)!.label!, keep, absorbed, merge: randomUUID(), types };
    graph = absorbedSide.held ? attachStatements(plan) : mergeStatements(schema, plan);
  } else if (input.action === 'undo') {
    const d = await executor.read<{ keep: string; absorbed: string }>(
      'MATCH (d:ResolutionDecision {candidate: $id, action: "accept", merge: $merge}) RETURN d.keep AS keep, d.absorbed AS absorbed',
      { id: s.id, merge: s.merge },
      opts,
    );
    const acc = d.rows[0];
    if (!acc || !s.merge) throw new CodedError('CONFLICT', '找不到合并记录 The merge of this candidate is not on record');
    const held = s.sides.find((x) => x.uid === acc.absorbed)?.held ?? false;
    const label = s.kind === 'company' ? 'Company' : 'Person';
    const types = held ? [] : await typesOf(executor, TYPES_TO_UNDO, { keep: acc.keep, merge: s.merge }, opts);
    plan = { label, keep: acc.keep, absorbed: acc.absorbed, merge: s.merge, types };
    graph = held ? detachStatements(plan) : undoStatements(schema, plan);
  }
  const to = { accept: 'accepted', reject: 'rejected', undo: 'proposed' }[input.action];
  const decision = randomUUID();
  const claim = {
    cypher: CLAIM,
    params: {
      id: s.id,
      from,
      to,
      action: input.action,
      decision,
      by: input.actor.user,
      role: input.actor.role,
      reason,
      merge: plan?.merge ?? null,
      keep: plan?.keep ?? null,
      absorbed: plan?.absorbed ?? null,
    },
  };
  // The graph changes run only where the claim wrote its decision: a lost claim changes nothing.
  const gated = graph.map((g) => ({
    cypher: `MATCH (:ResolutionDecision {id: $decision})\n${g.cypher}`,
    params: { ...g.params, decision },
  }));
  const results = await executor.writeTx([claim, ...gated], opts);
  if (!results[0]?.rows.length)
    throw new CodedError('ALREADY_DECIDED', '该候选刚被他人处理 Another handler decided this candidate just now');
  return decision;
}
