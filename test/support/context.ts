// What the global setups hand to test files through Vitest's provide/inject.
import type { Connection } from '../../platform/db/executor.js';

export type Neo4jConnection = Connection;

export interface DemoFacts {
  /** Name of a planted official who is flagged by an alert in the demo county. */
  officialName: string;
  officialUid: string;
  alertCount: number;
}

/** Someone the browser suite signs in as (test/setup/suite-users.ts). */
export interface SuiteUser {
  name: string;
  displayName: string;
  role: string;
  password: string;
}
export interface SuiteUsers {
  admin: SuiteUser;
  otherAdmin: SuiteUser;
  /** Handlers of the whole county. */
  handler: SuiteUser;
  otherHandler: SuiteUser;
  /** Writes models in the workbench. */
  analyst: SuiteUser;
  viewer: SuiteUser;
  /** Signs in through the test's OpenID Connect provider only (no password: '' here). */
  sso: SuiteUser;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** One server per worker of the integration project; a file uses its worker's (testConnection). */
    neo4jPool: Neo4jConnection[];
    varDir: string;
    baseUrl: string;
    demo: DemoFacts;
    /** The browser suite's users and their passwords for this run. */
    users: SuiteUsers;
  }
}
