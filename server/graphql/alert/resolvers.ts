// alerts (filtered, keyset-paginated), alert(id), and the Alert type. Subjects are batched across the page;
// evidence is fetched when asked, since a list view rarely needs it.
import { int } from '../../../platform/db/executor.js';
import type { PlainNode } from '../../../platform/db/values.js';
import type { ApiContext } from '../context.js';
import { presentNode, presentRels, REL_ROW, type EntityView, type RelRow } from '../entity/present.js';
import { badInput } from '../errors.js';
import { clampLimit, uidArg } from '../inputs.js';
import { viewOpts } from '../view.js';
import { decodeCursor, encodeCursor, RANK_CYPHER } from './cursor.js';
import { actorOf, workflowResolvers } from './workflow.js';

export const ALERT_PAGE = { dflt: 20, min: 0, max: 100 };
const SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;

/** An Alert node's properties; the resolvers below read them. */
type AlertProps = Record<string, unknown> & { uid: string; fingerprint: string };

interface AlertFilter {
  modelId?: string | null;
  severity?: (typeof SEVERITIES)[number] | null;
  state?: string | null;
  subject?: string | null;
  includeGone?: boolean | null;
  states?: string[] | null;
  assignee?: string | null;
  assignedToMe?: boolean | null;
  firstSeenFrom?: string | null;
  firstSeenTo?: string | null;
}

const str = (v: unknown, dflt = '') => (v === null || v === undefined ? dflt : String(v));
const num = (v: unknown, dflt = 0) => (typeof v === 'number' && Number.isFinite(v) ? v : dflt);

function filterParams(f: AlertFilter | null | undefined, ctx: ApiContext) {
  return {
    modelId: f?.modelId ?? null,
    severity: f?.severity ? f.severity.toLowerCase() : null,
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

const WHERE = `
  ($modelId IS NULL OR a.modelId = $modelId)
  AND ($severity IS NULL OR a.severity = $severity)
  AND ($state IS NULL OR a.state = $state)
  AND ($subject IS NULL OR EXISTS { (a)-[:FLAGS]->(:Entity {uid: $subject}) })
  AND ($includeGone OR coalesce(a.gone, false) = false)
  AND ($states IS NULL OR coalesce(a.state, 'new') IN $states)
  AND ($assignee IS NULL OR a.assignee = $assignee)
  AND ($seenFrom IS NULL OR datetime(a.firstSeen) >= datetime($seenFrom))
  AND ($seenTo IS NULL OR datetime(a.firstSeen) < datetime($seenTo))`;

export const alertResolvers = {
  Mutation: workflowResolvers.Mutation,
  Outcome: workflowResolvers.Outcome,
  Disposal: workflowResolvers.Disposal,
  AlertAction: workflowResolvers.AlertAction,
  AlertEvent: workflowResolvers.AlertEvent,
  Query: {
    async alerts(_: unknown, args: { filter?: AlertFilter | null; first?: number | null; after?: string | null }, ctx: ApiContext) {
      const first = clampLimit(args.first, ALERT_PAGE.dflt, ALERT_PAGE.min, ALERT_PAGE.max, 'first');
      const after = args.after ? decodeCursor(args.after) : null;
      const params = filterParams(args.filter, ctx);
      const rank = RANK_CYPHER('a');
      const [count, page] = await Promise.all([
        ctx.executor.read<{ n: number }>(`MATCH (a:Alert) WHERE ${WHERE} RETURN count(a) AS n`, params, ctx.txMeta('alerts.count')),
        ctx.executor.read<{ a: AlertProps; rank: number; seen: string }>(
          `MATCH (a:Alert) WHERE ${WHERE}
           WITH a, ${rank} AS rank, coalesce(toString(a.lastSeen), '') AS seen
           WHERE $after IS NULL
              OR rank < $after.rank
              OR (rank = $after.rank AND seen < $after.lastSeen)
              OR (rank = $after.rank AND seen = $after.lastSeen AND a.fingerprint > $after.fingerprint)
           RETURN properties(a) AS a, rank, seen
           ORDER BY rank DESC, seen DESC, a.fingerprint
           LIMIT $take`,
          { ...params, after, take: int(first + 1) },
          ctx.txMeta('alerts.page'),
        ),
      ]);
      const rows = page.rows.slice(0, first);
      const edges = rows.map((r) => ({
        cursor: encodeCursor({ rank: r.rank, lastSeen: r.seen, fingerprint: r.a.fingerprint }),
        node: r.a,
      }));
      return {
        totalCount: count.rows[0]?.n ?? 0,
        edges,
        pageInfo: { hasNextPage: page.rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
      };
    },

    async alert(_: unknown, args: { id: string }, ctx: ApiContext): Promise<AlertProps | null> {
      if (!args.id || args.id.length > 200) throw badInput('id must be an alert fingerprint');
      const { rows } = await ctx.executor.read<{ a: AlertProps }>(
        'MATCH (a:Alert {uid: $uid}) RETURN properties(a) AS a',
        { uid: `Alert:${args.id}` },
        ctx.txMeta('alert'),
      );
      return rows[0]?.a ?? null;
    },
  },

  Alert: {
    id: (a: AlertProps) => a.fingerprint,
    modelId: (a: AlertProps) => str(a.modelId),
    modelRevision: (a: AlertProps) => num(a.modelRevision),
    modelTitle: (a: AlertProps, args: { lang?: string | null }) =>
      args.lang === 'en' ? str(a.modelTitleEn ?? a.modelTitleZh) : str(a.modelTitleZh ?? a.modelTitleEn),
    severity: (a: AlertProps) => {
      const s = str(a.severity).toUpperCase();
      return (SEVERITIES as readonly string[]).includes(s) ? s : 'LOW';
    },
    state: (a: AlertProps) => str(a.state, 'new'),
    summary: (a: AlertProps, args: { lang?: string | null }) =>
      args.lang === 'en' ? str(a.summaryEn ?? a.summaryZh) : str(a.summaryZh ?? a.summaryEn),
    amount: (a: AlertProps) => (typeof a.amount === 'number' ? a.amount : null),
    firstSeen: (a: AlertProps) => str(a.firstSeen),
    lastSeen: (a: AlertProps) => str(a.lastSeen),
    gone: (a: AlertProps) => a.gone === true,
    async subjects(a: AlertProps, _: unknown, ctx: ApiContext) {
      const opts = viewOpts(ctx);
      const rows = await ctx.batch.subjects.load(a.uid);
      return rows.map((r) => ({ role: r.role, entity: presentNode(r.node, opts) }));
    },
    evidence: (a: AlertProps, _: unknown, ctx: ApiContext) => evidence(a, ctx),
    ...workflowResolvers.Alert,
  },
};

/** Evidence keys are "<startUid>|<TYPE>|<endUid>"; a malformed key is skipped rather than failing the alert. */
export function parseEvidenceEdge(key: string): { s: string; t: string; e: string } | null {
  const parts = key.split('|');
  if (parts.length !== 3) return null;
  const [s, t, e] = parts as [string, string, string];
  return s && e && /^[A-Z][A-Z0-9_]*$/.test(t) ? { s, t, e } : null;
}

/** The evidence graph: the listed nodes, the listed relationships, and the ends of those relationships. */
async function evidence(a: AlertProps, ctx: ApiContext): Promise<{ nodes: EntityView[]; edges: ReturnType<typeof presentRels> }> {
  const nodeUids = Array.isArray(a.evidenceNodes) ? a.evidenceNodes.map(String) : [];
  const keys = (Array.isArray(a.evidenceEdges) ? a.evidenceEdges.map(String) : []).map(parseEvidenceEdge).filter((k) => k !== null);
  const { rows } = await ctx.executor.read<{ nodes: PlainNode[]; rels: RelRow[] }>(
    `CALL () {
       UNWIND $keys AS k
       MATCH (s:Entity {uid: k.s})-[r]->(e:Entity {uid: k.e}) WHERE type(r) = k.t
       RETURN collect(${REL_ROW('r')}) AS rels, collect(DISTINCT s.uid) + collect(DISTINCT e.uid) AS ends
     }
     CALL (ends) {
       MATCH (n:Entity) WHERE n.uid IN $nodeUids OR n.uid IN ends
       RETURN collect(DISTINCT n) AS nodes
     }
     RETURN nodes, rels`,
    { keys, nodeUids },
    ctx.txMeta('alert.evidence'),
  );
  const opts = viewOpts(ctx);
  const row = rows[0];
  return { nodes: (row?.nodes ?? []).map((n) => presentNode(n, opts)), edges: presentRels(row?.rels ?? [], opts) };
}
