// Expected workflow errors as plain data, so the state machine stays pure (no GraphQL import) and the API
// layer turns them into coded GraphQL errors. CONFLICT is new here: the alert changed under the caller.
export type WorkflowErrorCode = 'BAD_INPUT' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT';

export class WorkflowError extends Error {
  override name = 'WorkflowError';
  constructor(
    readonly code: WorkflowErrorCode,
    message: string,
  ) {
    super(message);
  }
}
