// One workflow action end to end: read the alert, let the machine decide, write with the guard. Throws
// WorkflowError for everything the caller can act on (not found, forbidden, bad input, conflict).
import type { Executor, RunOptions } from '../../../platform/db/executor.js';
import type { Actor } from '../../access/actor.js';
import { alertInScope, type Scope } from '../../access/jurisdiction.js';
import { WorkflowError } from './errors.js';
import { isState, transition, type Action, type ActionInput } from './machine.js';
import { readAlert, writeTransition, type AlertProps } from './store.js';

export interface ActOptions extends RunOptions {
  now?: Date;
  /** The state the caller saw; when the alert has moved on since, the action is refused with CONFLICT. */
  expectedState?: string | null;
  /** The caller's jurisdiction: an alert outside it is refused with FORBIDDEN. Unset: everywhere. */
  scope?: Scope;
}

export async function act(
  db: Executor,
  fingerprint: string,
  action: Action,
  input: ActionInput,
  actor: Actor,
  opts: ActOptions = {},
): Promise<AlertProps> {
  if (!fingerprint || fingerprint.length > 200) throw new WorkflowError('BAD_INPUT', 'id must be an alert fingerprint');
  const uid = `Alert:${fingerprint}`;
  const run: RunOptions = { timeoutMs: opts.timeoutMs, metadata: opts.metadata };
  const current = await readAlert(db, uid, run);
  if (!current) throw new WorkflowError('NOT_FOUND', `No alert ${JSON.stringify(fingerprint)}`);
  if (opts.scope && !(await inScope(db, uid, opts.scope, run)))
    throw new WorkflowError('FORBIDDEN', '该预警不在您的管辖范围内 The alert lies outside your jurisdiction');
  const state = current.state ?? 'new';
  if (!isState(state)) throw new WorkflowError('CONFLICT', `The alert is in an unknown state "${String(state)}"`);
  const assignee = typeof current.assignee === 'string' ? current.assignee : null;
  if (opts.expectedState && opts.expectedState !== state) throw conflict(state, current);

  const revision = typeof current.modelRevision === 'number' ? current.modelRevision : null;
  const result = transition({ state, assignee, modelRevision: revision }, action, input, actor, opts.now ?? new Date());
  if (!result.ok) throw result.error;

  const written = await writeTransition(db, uid, { state, assignee }, result, { ...run, guard: action !== 'comment' });
  if (written) return written;
  const now = await readAlert(db, uid, run);
  throw now ? conflict(String(now.state ?? 'new'), now) : new WorkflowError('NOT_FOUND', `No alert ${JSON.stringify(fingerprint)}`);
}

async function inScope(db: Executor, uid: string, scope: Scope, run: RunOptions): Promise<boolean> {
  if (scope.all) return true;
  const p = alertInScope(scope, 'a');
  const { rows } = await db.read<{ ok: boolean }>(`MATCH (a:Alert {uid: $uid}) RETURN ${p.cypher} AS ok`, { ...p.params, uid }, run);
  return rows[0]?.ok === true;
}

function conflict(state: string, a: AlertProps): WorkflowError {
  const by = typeof a.updatedBy === 'string' ? ` by ${a.updatedBy}` : '';
  const at = typeof a.updatedAt === 'string' ? ` at ${a.updatedAt}` : '';
  return new WorkflowError('CONFLICT', `The alert was changed${by}${at} and is now ${state}; reload it and try again`);
}
