// Expected errors: they carry a code and reach the caller as they are. Anything else thrown in a resolver
// is unexpected and yoga masks it as "Unexpected error." (app.ts logs the original).
// No HTTP status is attached: a resolver error sits next to other fields' data in a 200 response, as
// GraphQL over HTTP expects; the code is what clients branch on.
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { GraphQLError } from 'graphql';
import { CodedError, type ErrorCode } from '../../platform/errors.js';
import { isUnavailable, UNAVAILABLE_RETRY_AFTER_S, unavailableError } from '../../platform/db/errors.js';
import { hideIdNumbers } from '../../platform/identifiers/id-number.js';

// Messages often echo what the caller sent (an id, a variable's value): an ID number in one is masked, so
// no error carries one back, to the caller, a proxy's log or the browser's console.
const coded = (code: ErrorCode) => (message: string) => createGraphQLError(hideIdNumbers(message), { extensions: { code } });

export const badInput = coded('BAD_INPUT');
export const notFound = coded('NOT_FOUND');
export const forbidden = coded('FORBIDDEN');

/** A feature's expected error (platform/errors.ts) as the coded GraphQL error the caller sees; anything else as it is. */
export function codedGraphQLError(e: unknown): unknown {
  return e instanceof CodedError ? createGraphQLError(hideIdNumbers(e.message), { extensions: { code: e.code } }) : e;
}

/**
 * Neo4j gone (killed, restarting, unreachable) is neither the caller's fault nor a bug: instead of the
 * masked "Unexpected error." the caller gets DATABASE_UNAVAILABLE with HTTP 503 and Retry-After, whether
 * the failure came from a resolver (wrapped in a GraphQLError) or from the caller lookup before it.
 * Undefined for any other error, which stays masked.
 */
export function databaseUnavailable(error: unknown): GraphQLError | undefined {
  const original = (error as { originalError?: unknown }).originalError ?? error;
  if (!isUnavailable(original)) return undefined;
  const e = unavailableError();
  return createGraphQLError(e.message, {
    path: (error as Partial<GraphQLError>).path,
    extensions: { code: e.code, http: { status: 503, headers: { 'retry-after': String(UNAVAILABLE_RETRY_AFTER_S) } } },
  });
}

/**
 * A variable of the wrong type ("Variable "$n" got invalid value …") fails inside graphql-js's execute
 * with no code, unlike every other refusal; it is the caller's mistake, so it gets BAD_INPUT too.
 */
export function useCodedVariableErrors(): Plugin {
  const withCode = (e: GraphQLError): GraphQLError =>
    e.extensions?.code || !e.message.startsWith('Variable "$')
      ? e
      : createGraphQLError(hideIdNumbers(e.message), {
          source: e.source,
          positions: e.positions,
          path: e.path,
          extensions: { ...e.extensions, code: 'BAD_INPUT' },
        });
  return {
    onExecute: () => ({
      onExecuteDone({ result, setResult }) {
        if (Symbol.asyncIterator in result || !result.errors?.length) return;
        setResult({ ...result, errors: result.errors.map(withCode) });
      },
    }),
  };
}
