// What a Neo4j failure means for the caller, decided here and nowhere else: the rest of the project asks
// these predicates instead of reading status codes or matching messages itself.
import neo4j from 'neo4j-driver';

/** The statement ran past its time limit, or was terminated (a model run, an API read). */
export function isTimeout(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  // A server-side timeout carries this code; a terminated transaction only says so in its message.
  return (
    err.code === 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration' || /timed? ?out|terminated/i.test(err.message ?? '')
  );
}

/** A failure worth retrying as it is (deadlock, leader switch, lost connection), as the driver's own retries judge it. */
export function isTransient(e: unknown): boolean {
  return neo4j.isRetryableError(e);
}
