// Expected workflow errors as plain data, so the state machine stays pure (no GraphQL import) and the API
// layer turns them into coded GraphQL errors. CONFLICT: the alert changed under the caller.
import { CodedError } from '../../../platform/errors.js';

export class WorkflowError extends CodedError {
  override name = 'WorkflowError';
}
