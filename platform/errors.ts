// Expected errors as plain data: a code the caller can branch on and a message for a person. Features
// below the API (access, alerts, models) throw these without knowing GraphQL; the API layer turns them
// into coded GraphQL errors in one place (server/graphql/errors.ts). Anything else is unexpected and masked.
export type ErrorCode =
  | 'BAD_INPUT'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'CONFLICT'
  /** Entity resolution: the candidate was accepted or rejected already. */
  | 'ALREADY_DECIDED'
  /** No valid session or token. */
  | 'UNAUTHENTICATED'
  /** Too many failed sign-ins: the account waits. */
  | 'LOCKED'
  /** Over the per-caller requests a minute, database time or statements at once (the cost limit is BAD_INPUT: waiting does not help). */
  | 'RATE_LIMITED'
  /** 查询事由 needed: reading this needs a stated reason. */
  | 'REASON_REQUIRED'
  /** Neo4j cannot be reached (stopped, restarting, unreachable): try again in a few seconds. */
  | 'DATABASE_UNAVAILABLE';

export class CodedError extends Error {
  override name = 'CodedError';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }

  /** The shape a GraphQL client reads a code from (`extensions.code`), so both layers expose it alike. */
  get extensions(): { code: ErrorCode } {
    return { code: this.code };
  }
}
