// What a Neo4j failure means for the caller, decided here and nowhere else: the rest of the project asks
// these predicates instead of reading status codes or matching messages itself.
import neo4j from 'neo4j-driver';
import { CodedError } from '../errors.js';

/** The statement ran past its time limit, or was terminated (a model run, an API read). */
export function isTimeout(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  // A server-side timeout carries this code; a terminated transaction only says so in its message.
  return (
    err.code === 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration' || /timed? ?out|terminated/i.test(err.message ?? '')
  );
}

/** The transaction passed the memory one transaction may use (`db.memory.transaction.max`). */
export function isMemoryLimit(e: unknown): boolean {
  return (e as { code?: string } | null)?.code === 'Neo.TransientError.General.MemoryPoolOutOfMemoryError';
}

/** A failure worth retrying as it is (deadlock, leader switch, lost connection), as the driver's own retries judge it. */
export function isTransient(e: unknown): boolean {
  return neo4j.isRetryableError(e);
}

// The driver's own codes for "no server to talk to": a refused or timed-out connection, a connection lost
// mid-query (the server was killed), no routing table, a session whose server went away; and the server's
// own for a database that is starting or stopping.
const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);

/**
 * Neo4j cannot be reached right now (stopped, killed, restarting, unreachable, or too busy to hand out a
 * connection): not the caller's fault and not a bug; worth trying again in a few seconds.
 */
export function isUnavailable(e: unknown): boolean {
  const err = e as { code?: string; message?: string } | null;
  if (!err || typeof err !== 'object') return false;
  // A pool that stayed full for connectionAcquisitionTimeout carries no code of its own, only this message.
  return UNAVAILABLE_CODES.has(err.code ?? '') || /^Connection acquisition timed out/.test(err.message ?? '');
}

/** Seconds a caller is told to wait (Retry-After) while Neo4j is away: an embedded server restarts in about 10 s. */
export const UNAVAILABLE_RETRY_AFTER_S = 5;

/** The coded error a caller sees when Neo4j is unavailable (the API answers it with HTTP 503). */
export function unavailableError(): CodedError {
  return new CodedError('DATABASE_UNAVAILABLE', '数据库暂时不可用，请稍后重试。 The database is unavailable; try again in a few seconds.');
}
