// Problems starting the embedded Neo4j that the user can fix. Each says what to do; main.ts prints the
// message alone, without a stack trace.
export type RuntimeErrorCode =
  | 'NO_JAVA'
  | 'OLD_JAVA'
  | 'NO_MAVEN'
  | 'FETCH_FAILED'
  | 'PORT_IN_USE'
  | 'ALREADY_RUNNING'
  | 'NO_PASSWORD'
  | 'START_FAILED'
  | 'START_TIMEOUT'
  | 'UNSUPPORTED_SERVER';

export class RuntimeError extends Error {
  override name = 'RuntimeError';
  constructor(
    readonly code: RuntimeErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const USE_EXTERNAL = 'or point huiyan at an existing Neo4j 5.26+ with NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD';
