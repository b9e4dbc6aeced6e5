// auditTrail and auditVerify: the admin's view of the trail (readAudit, declared in the SDL). Searching
// the trail is itself recorded (a remark on ctx.audit): who asked about whom is worth knowing too.
import type { ApiContext } from '../context.js';
import { badInput, notFound } from '../errors.js';
import { clampLimit } from '../inputs.js';
import type { AuditFilter } from '../../audit/search.js';
import { parseAnchor } from '../../audit/verify.js';
import { AUDIT_KINDS, canonical } from '../../audit/record.js';
import { codesByName } from '../enums.js';
import type { AuditKindResolvers, Resolvers } from '../generated.js';

function trailOf(ctx: ApiContext) {
  if (!ctx.auditTrail) throw notFound('This server keeps no audit trail');
  return ctx.auditTrail;
}

function time(v: string | null | undefined, name: string): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (Number.isNaN(Date.parse(v))) throw badInput(`${name} must be an ISO date or time`);
  return v;
}

function cursor(after: string | null | undefined): number | null {
  if (after === null || after === undefined || after === '') return null;
  if (!/^\d{1,15}$/.test(after)) throw badInput('after must be a cursor from pageInfo.endCursor');
  return Number(after);
}

export const auditResolvers: Resolvers = {
  // Stored in lower case (read, write…); the API shows READ, WRITE…
  AuditKind: codesByName(AUDIT_KINDS) as AuditKindResolvers,
  Query: {
    auditTrail: async (_p, { filter, first, after }, ctx) => {
      const trail = trailOf(ctx);
      const f: AuditFilter = {
        actor: filter?.actor ?? null,
        entity: filter?.entity ?? null,
        operation: filter?.operation ?? null,
        kind: filter?.kind ?? null,
        from: time(filter?.from, 'from'),
        to: time(filter?.to, 'to'),
        outsideOnly: filter?.outsideOnly ?? null,
      };
      const n = clampLimit(first, 50, 1, 500, 'first');
      const page = await trail.search(f, n, cursor(after));
      ctx.audit.remark(`auditTrail ${canonical(Object.fromEntries(Object.entries(f).filter(([, v]) => v !== null)))}`);
      return {
        records: page.records,
        pageInfo: { hasNextPage: page.hasMore, endCursor: page.records.length ? String(page.records.at(-1)!.seq) : null },
      };
    },
    auditVerify: async (_p, { expect }, ctx) => {
      const anchors = (expect ?? []).map((s) => {
        const a = parseAnchor(s);
        if (!a) throw badInput(`expect takes seq:hash (a number, a colon, 64 hex digits), not ${JSON.stringify(s.slice(0, 80))}`);
        return a;
      });
      const v = await trailOf(ctx).verify(anchors);
      ctx.audit.remark(`auditVerify ${v.ok ? 'ok' : 'failed'}`);
      return { ...v, lastSeq: v.last?.seq ?? null, lastHash: v.last?.hash ?? null };
    },
  },
};
