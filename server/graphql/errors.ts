// Expected errors: they carry a code and reach the caller as they are. Anything else thrown in a resolver
// is unexpected and yoga masks it as "Unexpected error." (app.ts logs the original).
// No HTTP status is attached: a resolver error sits next to other fields' data in a 200 response, as
// GraphQL over HTTP expects; the code is what clients branch on.
import { createGraphQLError } from 'graphql-yoga';

// CONFLICT: the thing changed since the caller read it (alert triage; raised in server/workflow).
export type ErrorCode = 'BAD_INPUT' | 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT';

const coded = (code: ErrorCode) => (message: string) => createGraphQLError(message, { extensions: { code } });

export const badInput = coded('BAD_INPUT');
export const notFound = coded('NOT_FOUND');
export const forbidden = coded('FORBIDDEN');
