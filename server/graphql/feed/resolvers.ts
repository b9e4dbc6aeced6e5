// feeds, feed(id), deliveryRejects(runId): the feed registry (数据备案) with each feed's status, and the
// rejected rows of one load run. A caller who does not cover the whole county sees the feeds whose
// responsible or filing unit lies in their jurisdiction, and the rejects of those feeds' runs only.
import type { Feed } from '../../../platform/feeds/registry.js';
import { maySeeSensitive } from '../../access/roles.js';
import type { Scope } from '../../access/jurisdiction.js';
import { readRejects, safeRejectsPath } from '../../feeds/rejects.js';
import { feedStatuses, readRun, resolveUnits, type FeedStatus } from '../../feeds/status.js';
import type { ApiContext } from '../context.js';
import { badInput, codedGraphQLError, forbidden, notFound } from '../errors.js';
import { clampLimit } from '../inputs.js';
import { scopeOf } from '../jurisdiction.js';
import type { Resolvers } from '../generated.js';

export const DELIVERY_LIMIT = { dflt: 12, min: 1, max: 50 };
export const REJECT_PAGE = { dflt: 100, min: 1, max: 500 };

const feedsOf = (ctx: ApiContext): Feed[] => ctx.feeds?.feeds ?? [];
const nowOf = (ctx: ApiContext): Date => ctx.feeds?.now?.() ?? new Date();

const inScope = (scope: Scope, uids: (string | null)[]) => scope.all || uids.some((u) => u !== null && scope.orgs.includes(u));

async function visibleStatuses(ctx: ApiContext, only?: string): Promise<FeedStatus[]> {
  const feeds = feedsOf(ctx).filter((f) => only === undefined || f.id === only);
  const statuses = await feedStatuses(ctx.executor, feeds, nowOf(ctx), ctx.txMeta('feeds'));
  const scope = await scopeOf(ctx);
  return statuses.filter((s) => inScope(scope, [s.responsible.uid, s.department.uid]));
}

/** The feed a load run belongs to must be in the caller's jurisdiction; a run of no feed, whole-county callers only. */
async function admitRun(ctx: ApiContext, source: string): Promise<void> {
  const scope = await scopeOf(ctx);
  if (scope.all) return;
  const feed = feedsOf(ctx).find((f) => f.mappings.includes(source));
  const units = feed ? await resolveUnits(ctx.executor, [feed.responsible, feed.department], ctx.txMeta('feeds.units')) : new Map();
  const uids = feed ? [units.get(feed.responsible)?.uid ?? null, units.get(feed.department)?.uid ?? null] : [];
  if (!inScope(scope, uids)) throw forbidden('不在您的管辖范围内 This load lies outside your jurisdiction');
}

function cursor(after: string | null | undefined): number {
  if (after === null || after === undefined || after === '') return 0;
  if (!/^\d{1,9}$/.test(after)) throw badInput('after must be an endCursor this query returned');
  return Number(after);
}

export const feedResolvers: Resolvers = {
  Query: {
    feeds: (_: unknown, __: unknown, ctx: ApiContext) => visibleStatuses(ctx),
    async feed(_: unknown, args: { id: string }, ctx: ApiContext) {
      return (await visibleStatuses(ctx, args.id))[0] ?? null;
    },
    async deliveryRejects(_: unknown, args: { runId: string; first?: number | null; after?: string | null }, ctx: ApiContext) {
      const first = clampLimit(args.first, REJECT_PAGE.dflt, REJECT_PAGE.min, REJECT_PAGE.max, 'first');
      const after = cursor(args.after);
      const run = await readRun(ctx.executor, args.runId, ctx.txMeta('deliveryRejects'));
      if (!run) throw notFound(`没有这次装载 No load run ${args.runId.slice(0, 80)}`);
      await admitRun(ctx, run.source);
      // Rejected cells are department data (names, ID numbers): the trail notes who read which run's.
      ctx.audit.remark(`deliveryRejects ${run.id}`);
      const desk = ctx.feeds;
      if (!run.rejectsFile) return { run, rows: [], pageInfo: { hasNextPage: false, endCursor: null } };
      if (!desk) throw notFound('未配置拒收目录 No rejects folder is configured');
      let file: string;
      try {
        file = safeRejectsPath(desk.rejectsDir, run.rejectsFile);
      } catch (e) {
        throw codedGraphQLError(e);
      }
      const page = await readRejects(file, first, after, !maySeeSensitive(ctx.role));
      const last = page.rows.at(-1);
      return { run, rows: page.rows, pageInfo: { hasNextPage: page.hasNextPage, endCursor: last ? String(last.n) : null } };
    },
  },
  Feed: {
    id: (s) => s.feed.id,
    titleZh: (s) => s.feed.title.zh,
    titleEn: (s) => s.feed.title.en,
    department: (s) => s.department,
    responsible: (s) => s.responsible,
    mappings: (s) => s.feed.mappings,
    cadence: (s) => s.feed.cadence,
    dueDay: (s) => s.feed.dueDay ?? null,
    graceDays: (s) => s.feed.graceDays,
    delivery: (s) => s.feed.delivery,
    rejectRateMax: (s) => s.feed.rejectRateMax,
    since: (s) => s.feed.since ?? null,
    contact: (s) => s.feed.contact ?? null,
    lastDelivery: (s) => s.last,
    rejectRate: (s) => s.last?.rejectRate ?? null,
    nextDue: (s) => s.nextDue,
    overdue: (s) => s.overdue,
    rejectsOver: (s) => s.rejectsOver,
    deliveries: (s, args: { last?: number | null }) =>
      s.deliveries.slice(0, clampLimit(args.last, DELIVERY_LIMIT.dflt, DELIVERY_LIMIT.min, DELIVERY_LIMIT.max, 'last')),
  },
  FeedLoadRun: {
    hasRejects: (r) => r.rejectsFile !== null,
  },
};
