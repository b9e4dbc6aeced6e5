// resolutionCandidates, proposeResolutionCandidates, decideResolutionCandidate: entity resolution over the
// API (server/resolution/ does the work). Candidates compare people across the whole county, so callers
// bound to some units are refused rather than shown pairs half outside their jurisdiction.
import { maySeeSensitive } from '../../access/roles.js';
import { ACTIONS, candidateById, candidatePage, KINDS, STATUSES, type SideView } from '../../resolution/candidates.js';
import { decide } from '../../resolution/decide.js';
import { proposeCandidates } from '../../resolution/find.js';
import { actorOf } from '../alert/workflow.js';
import type { ApiContext } from '../context.js';
import { codesByName } from '../enums.js';
import { badInput, codedGraphQLError, forbidden } from '../errors.js';
import { clampLimit } from '../inputs.js';
import { scopeOf } from '../jurisdiction.js';
import type { CandidateKindResolvers, CandidateStatusResolvers, ResolutionActionResolvers, Resolvers } from '../generated.js';

export const CANDIDATE_PAGE = { dflt: 20, min: 1, max: 100 };

async function admit(ctx: ApiContext): Promise<void> {
  if (!(await scopeOf(ctx)).all) throw forbidden('同一实体识别面向全县 Entity resolution is for callers who cover the whole county');
}

function offset(after: string | null | undefined): number {
  if (after === null || after === undefined || after === '') return 0;
  if (!/^\d{1,9}$/.test(after)) throw badInput('after must be an endCursor this query returned');
  return Number(after);
}

/** Birth dates are digits the masked ID number hides: the year only, as on Person (graph.yaml masked: year). */
const shown = (s: SideView | null, ctx: ApiContext): SideView | null =>
  s && !maySeeSensitive(ctx.role) ? { ...s, birthDate: s.birthDate?.slice(0, 4) ?? null } : s;

export const resolutionResolvers: Resolvers = {
  CandidateKind: codesByName(KINDS) as CandidateKindResolvers,
  CandidateStatus: codesByName(STATUSES) as CandidateStatusResolvers,
  ResolutionAction: codesByName(ACTIONS) as ResolutionActionResolvers,
  Query: {
    async resolutionCandidates(_, args, ctx) {
      await admit(ctx);
      const first = clampLimit(args.first, CANDIDATE_PAGE.dflt, CANDIDATE_PAGE.min, CANDIDATE_PAGE.max, 'first');
      const skip = offset(args.after);
      const rows = await candidatePage(
        ctx.executor,
        { kind: args.kind, status: args.status },
        skip,
        first + 1,
        ctx.txMeta('resolutionCandidates'),
      );
      const nodes = rows.slice(0, first);
      for (const n of nodes) for (const s of [n.a, n.b]) if (s && !s.held) ctx.audit.saw(s.uid);
      return { nodes, pageInfo: { hasNextPage: rows.length > first, endCursor: nodes.length ? String(skip + nodes.length) : null } };
    },
  },
  Mutation: {
    async proposeResolutionCandidates(_, __, ctx) {
      await admit(ctx);
      const open = await proposeCandidates(ctx.executor, ctx.txMeta('proposeResolutionCandidates'));
      ctx.audit.wrote('resolution.propose');
      return open;
    },
    async decideResolutionCandidate(_, args, ctx) {
      await admit(ctx);
      try {
        await decide(
          ctx.executor,
          ctx.graphSchema,
          { id: args.id, action: args.action, reason: args.reason, actor: actorOf(ctx) },
          ctx.txMeta(`resolution.${args.action}`),
        );
      } catch (e) {
        throw codedGraphQLError(e);
      }
      // Who and when are the audit record's own; why is the decision's reason.
      ctx.audit.wrote(`resolution.${args.action}`, args.id);
      ctx.audit.remark(`resolution.${args.action} ${args.id}: ${args.reason.trim()}`);
      const c = await candidateById(ctx.executor, args.id, ctx.txMeta('resolutionCandidate'));
      if (!c) throw badInput(`没有这个候选 No candidate ${args.id.slice(0, 80)}`);
      return c;
    },
  },
  ResolutionCandidate: {
    survivor: (c) => c.keep,
    a: (c, _, ctx) => shown(c.a, ctx),
    b: (c, _, ctx) => shown(c.b, ctx),
  },
};
