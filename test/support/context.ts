// What the global setups hand to test files through Vitest's provide/inject.
import type { Connection } from '../../platform/db/executor.js';

export type Neo4jConnection = Connection;

export interface DemoFacts {
  /** Name of a planted official who is flagged by an alert in the demo county. */
  officialName: string;
  officialUid: string;
  alertCount: number;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** One server per worker of the integration project; a file uses its worker's (testConnection). */
    neo4jPool: Neo4jConnection[];
    varDir: string;
    baseUrl: string;
    demo: DemoFacts;
  }
}
