// One audit record per GraphQL request that returned personal data, changed something, or was refused
// (UNAUTHENTICATED, FORBIDDEN, REASON_REQUIRED). Resolvers and the presenter fill ctx.audit while the
// request runs; this writes it when the result is ready and before the response leaves: if the record
// cannot be written, the caller gets an error instead of the data (a read nobody can account for is not
// served).
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { GraphQLError } from 'graphql';
import type { AuditTrail } from '../../audit/trail.js';
import type { AuditEvent, AuditKind } from '../../audit/record.js';
import type { AuditNotes } from '../../audit/notes.js';
import type { Principal } from '../../access/principal.js';
import { describeOperation } from './operation.js';

/** Error codes that mean "you may not": worth a record even though nothing was returned. */
const REFUSALS = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'REASON_REQUIRED']);

/** The parts of the request context this plugin reads (ApiContext and yoga's own). */
interface AuditedContext {
  params?: { query?: string; operationName?: string | null };
  principal?: Principal | null;
  authProblem?: string | null;
  reason?: string | null;
  clientIp?: string | null;
  audit?: AuditNotes;
}

interface Logger {
  error: (...args: unknown[]) => void;
}

function refusalsIn(errors: readonly GraphQLError[]): string[] {
  const codes = errors.map((e) => e.extensions?.code).filter((c): c is string => typeof c === 'string' && REFUSALS.has(c));
  return [...new Set(codes)];
}

/** The record for this request, or null when it read, wrote and was refused nothing. */
export function eventOf(ctx: AuditedContext, errors: readonly GraphQLError[]): AuditEvent | null {
  const notes = ctx.audit;
  const refused = refusalsIn(errors);
  if ((!notes || notes.empty) && refused.length === 0) return null;
  const kind: AuditKind = notes?.writes.length ? 'write' : notes && (notes.entities.size || notes.remarks.length) ? 'read' : 'refused';
  const p = ctx.principal ?? null;
  const detail = [
    ...refused.map((c) => (c === 'UNAUTHENTICATED' && ctx.authProblem ? `${c}: ${ctx.authProblem}` : c)),
    ...(notes?.remarks ?? []),
  ];
  return {
    actor: p?.id ?? null,
    role: p?.role ?? null,
    via: p?.via ?? null,
    ip: ctx.clientIp ?? null,
    operation: describeOperation(ctx.params?.query, ctx.params?.operationName),
    kind,
    reason: ctx.reason ?? null,
    entities: [...(notes?.entities ?? [])],
    outside: [...(notes?.outside ?? [])],
    writes: notes?.writes ?? [],
    detail: detail.length ? detail.join('; ') : null,
  };
}

export function useAuditTrail(trail: AuditTrail, logger: Logger): Plugin {
  return {
    async onExecutionResult({ result, setResult, context }) {
      // Subscriptions and incremental delivery are not served; a stream would be recorded by its notes alone.
      const errors = result && !(Symbol.asyncIterator in result) ? (result.errors ?? []) : [];
      const event = eventOf(context as AuditedContext, errors);
      if (!event) return;
      try {
        await trail.append(event);
      } catch (e) {
        logger.error('the audit trail could not be written', e);
        setResult({
          errors: [
            createGraphQLError(
              event.kind === 'write'
                ? '审计记录写入失败 The change was made but the audit trail could not record it: tell an administrator'
                : '审计记录写入失败 The audit trail could not be written, so nothing is returned: tell an administrator',
              { extensions: { code: 'AUDIT_UNAVAILABLE' } },
            ),
          ],
        });
      }
    },
  };
}
