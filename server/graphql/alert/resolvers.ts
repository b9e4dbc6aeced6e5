// alerts (filtered, keyset-paginated), alert(id), workflow, and the Alert type. The Cypher is
// server/alerts/queries.ts's; this file checks arguments, batches subjects across the page and presents
// what the queries return. Evidence is fetched when asked, since a list view rarely needs it.
import { alertByFingerprint, alertEvidence, alertPage, type AlertQuery } from '../../alerts/queries.js';
import { describeWorkflow, isState, type State } from '../../alerts/workflow/machine.js';
import { SEVERITIES } from '../../models/header.js';
import type { ApiContext } from '../context.js';
import { presentNode, presentRels } from '../entity/present.js';
import { badInput } from '../errors.js';
import type { AlertFilter, AlertResolvers, QueryResolvers, Resolvers } from '../generated.js';
import { clampLimit, uidArg } from '../inputs.js';
import { scopeOf } from '../jurisdiction.js';
import { viewOpts } from '../view.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { actorOf, workflowResolvers } from './workflow.js';

export const ALERT_PAGE = { dflt: 20, min: 0, max: 100 };

const str = (v: unknown, dflt = '') => (v === null || v === undefined ? dflt : String(v));
const num = (v: unknown, dflt = 0) => (typeof v === 'number' && Number.isFinite(v) ? v : dflt);

function filterParams(f: AlertFilter | null | undefined, ctx: ApiContext): AlertQuery {
  return {
    modelId: f?.modelId ?? null,
    severity: f?.severity ?? null,
    state: f?.state ?? null,
    states: f?.states && f.states.length > 0 ? f.states : null,
    subject: f?.subject ? uidArg(f.subject, 'filter.subject') : null,
    includeGone: f?.includeGone === true,
    assignee: f?.assignedToMe ? actorOf(ctx).user : (f?.assignee ?? null),
    seenFrom: f?.firstSeenFrom ? isoBound(f.firstSeenFrom, 'filter.firstSeenFrom', false) : null,
    seenTo: f?.firstSeenTo ? isoBound(f.firstSeenTo, 'filter.firstSeenTo', true) : null,
  };
}

/**
 * A date bound as a full ISO date-time, compared with datetime() in Cypher. A bare date as the upper
 * bound means "to the end of that day", so firstSeenTo: "2024-05-31" includes alerts raised on the 31st.
 */
export function isoBound(v: string, name: string, upper: boolean): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(v);
  const d = new Date(day ? `${v}T00:00:00Z` : v);
  if (v.length > 40 || Number.isNaN(d.getTime())) throw badInput(`${name} must be an ISO date (YYYY-MM-DD) or date-time`);
  if (day && upper) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
}

/** The stored state; an alert written before triage existed has none and is new. */
export function stateOf(a: Record<string, unknown>): State {
  const s = a.state ?? 'new';
  // A code outside the machine's is passed on as it is: GraphQL refuses it as it refuses any value outside the enum.
  return isState(s) ? s : (String(s) as State);
}

const query: Pick<QueryResolvers, 'alerts' | 'alert' | 'workflow'> = {
  async alerts(_, args, ctx) {
    const first = clampLimit(args.first, ALERT_PAGE.dflt, ALERT_PAGE.min, ALERT_PAGE.max, 'first');
    const after = args.after ? decodeCursor(args.after) : null;
    const page = await alertPage(ctx.executor, filterParams(args.filter, ctx), after, first + 1, ctx.txMeta('alerts'), await scopeOf(ctx));
    const edges = page.rows.slice(0, first).map((r) => ({ cursor: encodeCursor(r.key), node: r.a }));
    return {
      totalCount: page.total,
      edges,
      pageInfo: { hasNextPage: page.rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    };
  },

  async alert(_, args, ctx) {
    if (!args.id || args.id.length > 200) throw badInput('id must be an alert fingerprint');
    // Outside the jurisdiction the answer is null, as for an unknown id: whether it exists is not told.
    return alertByFingerprint(ctx.executor, args.id, ctx.txMeta('alert'), await scopeOf(ctx));
  },

  workflow: () => describeWorkflow(),
};

// Required: a field added to Alert in the SDL does not compile until it has a resolver here or in workflow.ts.
const alertFields: Required<Omit<AlertResolvers<ApiContext>, '__isTypeOf'>> = {
  id: (a) => a.fingerprint,
  modelId: (a) => str(a.modelId),
  modelRevision: (a) => num(a.modelRevision),
  modelTitle: (a, args) => (args.lang === 'en' ? str(a.modelTitleEn ?? a.modelTitleZh) : str(a.modelTitleZh ?? a.modelTitleEn)),
  severity: (a) => SEVERITIES.find((s) => s === a.severity) ?? 'low',
  state: (a) => stateOf(a),
  summary: (a, args, ctx) => {
    // The summary names the people it flags: reading it is a read of personal data the audit must see.
    ctx.audit.saw(str(a.uid));
    return args.lang === 'en' ? str(a.summaryEn ?? a.summaryZh) : str(a.summaryZh ?? a.summaryEn);
  },
  amount: (a) => (typeof a.amount === 'number' ? a.amount : null),
  firstSeen: (a) => str(a.firstSeen),
  lastSeen: (a) => str(a.lastSeen),
  gone: (a) => a.gone === true,
  async subjects(a, _, ctx) {
    const opts = viewOpts(ctx);
    const rows = await ctx.batch.subjects.load(a.uid);
    return rows.map((r) => ({ role: r.role, entity: presentNode(r.node, opts) }));
  },
  async evidence(a, _, ctx) {
    const { nodes, rels } = await alertEvidence(ctx.executor, a, ctx.txMeta('alert.evidence'));
    const opts = viewOpts(ctx);
    return { nodes: nodes.map((n) => presentNode(n, opts)), edges: presentRels(rels, opts) };
  },
  ...workflowResolvers.Alert,
};

export const alertResolvers: Resolvers = {
  Query: query,
  Mutation: workflowResolvers.Mutation,
  Outcome: workflowResolvers.Outcome,
  Disposal: workflowResolvers.Disposal,
  AlertAction: workflowResolvers.AlertAction,
  AlertEvent: workflowResolvers.AlertEvent,
  Alert: alertFields,
};
