// Writes a transition the machine computed: the Alert's new properties and one (:AlertEvent) in a single
// statement, guarded by the state (and assignee) the caller saw, so two handlers cannot both conclude.
// AlertEvent is bookkeeping, not an Entity: it is not in graph.yaml and the explorer never draws it.
import { randomUUID } from 'node:crypto';
import type { Executor, RunOptions } from '../../../platform/db/executor.js';
import type { EventDraft, TransitionResult } from './machine.js';

export type AlertProps = Record<string, unknown> & { uid: string; fingerprint: string };
export type EventProps = EventDraft & { id: string; seq: number };

export interface Expected {
  state: string;
  assignee: string | null;
}

// `SET a._lock ... REMOVE a._lock` takes the node's write lock before the guard is read: without it two
// transactions could both read "verifying", and the second would overwrite the first once the lock was
// released. After the lock the guard sees the winner's committed state and the loser matches nothing.
const WRITE = `
MATCH (a:Alert {uid: $uid})
SET a._lock = true
REMOVE a._lock
WITH a
WHERE NOT $guard OR (coalesce(a.state, 'new') = $expected.state AND coalesce(a.assignee, '') = coalesce($expected.assignee, ''))
WITH a, coalesce(a.state, 'new') AS current
SET a += $patch, a.eventCount = coalesce(a.eventCount, 0) + 1
CREATE (a)-[:HAS_EVENT]->(e:AlertEvent)
SET e = $event, e.seq = a.eventCount,
    e.fromState = coalesce($event.fromState, current), e.toState = coalesce($event.toState, current)
RETURN properties(a) AS a`;

export async function readAlert(db: Executor, uid: string, opts: RunOptions = {}): Promise<AlertProps | null> {
  const { rows } = await db.read<{ a: AlertProps }>('MATCH (a:Alert {uid: $uid}) RETURN properties(a) AS a', { uid }, opts);
  return rows[0]?.a ?? null;
}

/**
 * Applies the transition if the alert is still as expected; null when it is not (the caller reports a
 * conflict). `guard: false` is for comments, which never conflict: their event records whatever state
 * the alert is in when the comment lands.
 */
export async function writeTransition(
  db: Executor,
  uid: string,
  expected: Expected,
  result: TransitionResult,
  opts: RunOptions & { guard: boolean },
): Promise<AlertProps | null> {
  const event: Record<string, unknown> = { ...result.event, id: randomUUID() };
  if (!opts.guard) {
    event.fromState = null;
    event.toState = null;
  }
  const { rows } = await db.write<{ a: AlertProps }>(
    WRITE,
    { uid, guard: opts.guard, expected, patch: result.patch, event },
    { timeoutMs: opts.timeoutMs, metadata: opts.metadata },
  );
  return rows[0]?.a ?? null;
}

/** The history of several alerts, oldest first, in one round trip. */
export async function readHistory(db: Executor, uids: string[], opts: RunOptions = {}): Promise<Map<string, EventProps[]>> {
  const { rows } = await db.read<{ k: string; events: EventProps[] }>(
    `UNWIND $uids AS k
     MATCH (a:Alert {uid: k})
     CALL (a) {
       OPTIONAL MATCH (a)-[:HAS_EVENT]->(e:AlertEvent)
       WITH e ORDER BY e.seq
       RETURN collect(properties(e)) AS events
     }
     RETURN k, events`,
    { uids },
    opts,
  );
  return new Map(rows.map((r) => [r.k, r.events]));
}
