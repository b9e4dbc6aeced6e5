// Triage over GraphQL: the mutations, and the Alert fields the workflow adds (assignee, outcome, history,
// the actions the caller may take). The rules are in server/alerts/workflow/machine.ts; this file only maps
// arguments in and WorkflowErrors out as coded GraphQL errors.
import { Batcher } from '../batch.js';
import { codedGraphQLError } from '../errors.js';
import type { ApiContext } from '../context.js';
import { userFromHeader, USER_HEADER, type Actor } from '../../access/actor.js';
import { availableActions, isState, type Action, type ActionInput, type Disposal, type Outcome } from '../../alerts/workflow/machine.js';
import { act } from '../../alerts/workflow/service.js';
import { readHistory, type AlertProps, type EventProps } from '../../alerts/workflow/store.js';

/** The caller: user from x-huiyan-user (default anonymous), role as the context parsed it. Unverified. */
export function actorOf(ctx: ApiContext): Actor {
  // yoga merges its initial context (with the request) into ours.
  const req = (ctx as ApiContext & { request?: Request }).request;
  return { user: userFromHeader(req?.headers.get(USER_HEADER)), role: ctx.role };
}

const histories = new WeakMap<ApiContext, Batcher<string, EventProps[]>>();
function historyOf(ctx: ApiContext, uid: string): Promise<EventProps[]> {
  let b = histories.get(ctx);
  if (!b) {
    b = new Batcher((uids) => readHistory(ctx.executor, uids, ctx.txMeta('alert.history')), []);
    histories.set(ctx, b);
  }
  return b.load(uid);
}


type Common = { id: string; comment?: string | null; expectedState?: string | null };

async function run(ctx: ApiContext, action: Action, args: Common, input: ActionInput): Promise<AlertProps> {
  try {
    return await act(ctx.executor, args.id, action, { comment: args.comment ?? null, ...input }, actorOf(ctx), {
      expectedState: args.expectedState ?? null,
      // Writes carry the same metadata as reads, so SHOW TRANSACTIONS names the mutation.
      ...ctx.txMeta(`alert.${action}`),
    });
  } catch (e) {
    throw codedGraphQLError(e);
  }
}

const str = (v: unknown) => (typeof v === 'string' ? v : null);
const numOrNull = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export const workflowResolvers = {
  Mutation: {
    assign: (_: unknown, a: Common & { assignee?: string | null }, ctx: ApiContext) =>
      run(ctx, 'assign', a, { assignee: a.assignee?.trim() ? a.assignee : actorOf(ctx).user }),
    startVerification: (_: unknown, a: Common, ctx: ApiContext) => run(ctx, 'startVerification', a, {}),
    conclude: (
      _: unknown,
      a: Common & { outcome: Outcome; disposal?: Disposal | null; reason?: string | null; amountRecovered?: number | null },
      ctx: ApiContext,
    ) => run(ctx, 'conclude', a, { outcome: a.outcome, disposal: a.disposal ?? null, reason: a.reason ?? null, amountRecovered: a.amountRecovered ?? null }),
    rectify: (_: unknown, a: Common & { amountRecovered?: number | null }, ctx: ApiContext) =>
      run(ctx, 'rectify', a, { amountRecovered: a.amountRecovered ?? null }),
    comment: (_: unknown, a: { id: string; text: string }, ctx: ApiContext) => run(ctx, 'comment', { id: a.id, comment: a.text }, {}),
    reopen: (_: unknown, a: Common & { reason: string }, ctx: ApiContext) => run(ctx, 'reopen', a, { reason: a.reason }),
  },

  Alert: {
    assignee: (a: AlertProps) => str(a.assignee),
    outcome: (a: AlertProps) => str(a.outcome),
    disposal: (a: AlertProps) => str(a.disposal),
    reason: (a: AlertProps) => str(a.reason),
    amountRecovered: (a: AlertProps) => numOrNull(a.amountRecovered),
    concludedAt: (a: AlertProps) => str(a.concludedAt),
    concludedRevision: (a: AlertProps) => numOrNull(a.concludedRevision),
    history: (a: AlertProps, _: unknown, ctx: ApiContext) => historyOf(ctx, a.uid),
    comments: async (a: AlertProps, _: unknown, ctx: ApiContext) => (await historyOf(ctx, a.uid)).filter((e) => typeof e.comment === 'string' && e.comment !== ''),
    actions: (a: AlertProps, _: unknown, ctx: ApiContext) => {
      const state = a.state ?? 'new';
      return isState(state) ? availableActions(state, ctx.role) : [];
    },
  },

  // Codes travel in lower case inside the server and the graph; the API shows GraphQL enum names.
  Outcome: { CONFIRMED: 'confirmed', PARTLY_CONFIRMED: 'partly_confirmed', NOT_CONFIRMED: 'not_confirmed', UNVERIFIABLE: 'unverifiable' },
  Disposal: { CORRECTION: 'correction', TALK: 'talk', CASE: 'case', TRANSFER: 'transfer' },
  AlertAction: {
    ASSIGN: 'assign',
    START_VERIFICATION: 'startVerification',
    CONCLUDE: 'conclude',
    RECTIFY: 'rectify',
    COMMENT: 'comment',
    REOPEN: 'reopen',
  },
  AlertEvent: {
    role: (e: EventProps) => String(e.role ?? ''),
    fromState: (e: EventProps) => String(e.fromState ?? ''),
    toState: (e: EventProps) => String(e.toState ?? ''),
    amountRecovered: (e: EventProps) => numOrNull(e.amountRecovered),
  },
};
