// The caller's jurisdiction for one request (server/access/jurisdiction.ts has the rules): resolved once
// and shared by every resolver of the request, and the site's policy for entities outside it.
import { CodedError } from '../../platform/errors.js';
import { outsideScope, resolveScope, WHOLE_COUNTY, type Scope } from '../access/jurisdiction.js';
import type { ApiContext } from './context.js';
import { codedGraphQLError, forbidden } from './errors.js';

const scopes = new WeakMap<ApiContext, Promise<Scope>>();

/** The Org subtrees the caller may see, or everything. A request without a principal sees nothing. */
export function scopeOf(ctx: ApiContext): Promise<Scope> {
  let s = scopes.get(ctx);
  if (!s) {
    const j = ctx.principal?.jurisdiction ?? { all: false as const, units: [] };
    s = j.all ? Promise.resolve(WHOLE_COUNTY) : resolveScope(ctx.executor, ctx.graphSchema, j, ctx.txMeta('jurisdiction'));
    scopes.set(ctx, s);
  }
  return s;
}

/** Of these entities, those outside the caller's jurisdiction. */
export async function outsideOf(ctx: ApiContext, uids: string[]): Promise<Set<string>> {
  return outsideScope(ctx.executor, await scopeOf(ctx), uids, ctx.txMeta('jurisdiction.entities'));
}

/** Notes the entities outside the jurisdiction that this response returns (search hits, neighbours). */
export async function noteOutside(ctx: ApiContext, uids: string[]): Promise<void> {
  for (const uid of await outsideOf(ctx, uids)) ctx.audit.outsideJurisdiction(uid);
}

/**
 * Lets the caller read these entities (an entity, the centre of a neighbourhood, the ends of a path) or
 * refuses: outside the jurisdiction, a site with policy `refuse` answers FORBIDDEN; otherwise the request
 * must state a reason (REASON_REQUIRED), and the read is flagged in the audit trail.
 */
export async function admit(ctx: ApiContext, uids: string[]): Promise<void> {
  const outside = await outsideOf(ctx, uids);
  if (outside.size === 0) return;
  // The message names no entity: an id may carry an ID number, and the caller knows what it asked for.
  if ((ctx.outsideJurisdiction ?? 'reason') === 'refuse') throw forbidden('不在您的管辖范围内 This lies outside your jurisdiction');
  if (!ctx.reason)
    throw codedGraphQLError(
      new CodedError(
        'REASON_REQUIRED',
        '超出管辖范围，请填写查询事由 This lies outside your jurisdiction: state a reason (header x-huiyan-reason) to read it',
      ),
    );
  for (const uid of outside) ctx.audit.outsideJurisdiction(uid);
}
