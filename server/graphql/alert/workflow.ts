// Triage over GraphQL: the mutations, and the Alert fields the workflow adds (assignee, outcome, history,
// the actions the caller may take). The rules are in server/alerts/workflow/machine.ts; this file only maps
// arguments in and WorkflowErrors out as coded GraphQL errors.
import { Batcher } from '../batch.js';
import { CodedError } from '../../../platform/errors.js';
import { codedGraphQLError } from '../errors.js';
import type { ApiContext } from '../context.js';
import type { Actor } from '../../access/actor.js';
import { readHistory, type AlertProps, type EventProps } from '../../alerts/queries.js';
import { ACTIONS, availableActions, DISPOSALS, isState, OUTCOMES, type Action, type ActionInput } from '../../alerts/workflow/machine.js';
import { act } from '../../alerts/workflow/service.js';
import { checkAssignee } from './assignee.js';
import { codesByName } from '../enums.js';
import { scopeOf } from '../jurisdiction.js';
import type {
  AlertActionResolvers,
  AlertEventResolvers,
  AlertResolvers,
  DisposalResolvers,
  MutationResolvers,
  OutcomeResolvers,
} from '../generated.js';

/** The caller as authentication established it: the history records the sign-in name (or token:<id>). */
export function actorOf(ctx: ApiContext): Actor {
  if (!ctx.principal) throw new CodedError('UNAUTHENTICATED', 'Sign in first');
  return { user: ctx.principal.id, role: ctx.role };
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
    const done = await act(ctx.executor, args.id, action, { comment: args.comment ?? null, ...input }, actorOf(ctx), {
      expectedState: args.expectedState ?? null,
      scope: await scopeOf(ctx),
      // Writes carry the same metadata as reads, so SHOW TRANSACTIONS names the mutation.
      ...ctx.txMeta(`alert.${action}`),
    });
    ctx.audit.wrote(`alert.${action}`, args.id);
    return done;
  } catch (e) {
    throw codedGraphQLError(e);
  }
}

const str = (v: unknown) => (typeof v === 'string' ? v : null);
const numOrNull = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

const mutations: Pick<MutationResolvers<ApiContext>, Action> = {
  assign: async (_, a, ctx) => {
    const assignee = a.assignee?.trim() ? a.assignee.trim() : actorOf(ctx).user;
    if (assignee !== actorOf(ctx).user) {
      try {
        await checkAssignee(ctx, a.id, assignee);
      } catch (e) {
        throw codedGraphQLError(e);
      }
    }
    return run(ctx, 'assign', a, { assignee });
  },
  startVerification: (_, a, ctx) => run(ctx, 'startVerification', a, {}),
  conclude: (_, a, ctx) =>
    run(ctx, 'conclude', a, {
      outcome: a.outcome,
      disposal: a.disposal ?? null,
      reason: a.reason ?? null,
      amountRecovered: a.amountRecovered ?? null,
    }),
  rectify: (_, a, ctx) => run(ctx, 'rectify', a, { amountRecovered: a.amountRecovered ?? null }),
  comment: (_, a, ctx) => run(ctx, 'comment', { id: a.id, comment: a.text }, {}),
  reopen: (_, a, ctx) => run(ctx, 'reopen', a, { reason: a.reason }),
};

type WorkflowFields =
  | 'assignee'
  | 'outcome'
  | 'disposal'
  | 'reason'
  | 'amountRecovered'
  | 'concludedAt'
  | 'concludedRevision'
  | 'history'
  | 'comments'
  | 'actions';

export const workflowResolvers = {
  Mutation: mutations,

  Alert: {
    assignee: (a) => str(a.assignee),
    outcome: (a) => OUTCOMES.find((o) => o === a.outcome) ?? null,
    disposal: (a) => DISPOSALS.find((d) => d === a.disposal) ?? null,
    reason: (a) => str(a.reason),
    amountRecovered: (a) => numOrNull(a.amountRecovered),
    concludedAt: (a) => str(a.concludedAt),
    concludedRevision: (a) => numOrNull(a.concludedRevision),
    history: (a, _, ctx) => historyOf(ctx, a.uid),
    comments: async (a, _, ctx) => (await historyOf(ctx, a.uid)).filter((e) => typeof e.comment === 'string' && e.comment !== ''),
    actions: (a, _, ctx) => {
      const state = a.state ?? 'new';
      return isState(state) ? availableActions(state, ctx.role) : [];
    },
  } satisfies Required<Pick<AlertResolvers<ApiContext>, WorkflowFields>>,

  // Codes travel in lower case inside the server and the graph; the API shows GraphQL enum names.
  Outcome: codesByName(OUTCOMES) as OutcomeResolvers,
  Disposal: codesByName(DISPOSALS) as DisposalResolvers,
  AlertAction: codesByName(ACTIONS) as AlertActionResolvers,
  AlertEvent: {
    amountRecovered: (e) => numOrNull(e.amountRecovered),
  } satisfies AlertEventResolvers<ApiContext>,
};
