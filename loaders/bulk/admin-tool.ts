// The bulk path's use of Neo4j's admin tool (platform/neo4j/admin-tool.ts runs it): a failure refuses the bulk load.
import type { EmbeddedNeo4j } from '../../platform/config.js';
import { runAdminTool } from '../../platform/neo4j/admin-tool.js';

/** The bulk path cannot run here (server running, database not empty, external Neo4j, importer failed). */
export class BulkRefused extends Error {
  override name = 'BulkRefused';
  readonly code = 'BULK_REFUSED';
}

/** Runs AdminTool with args; output goes to logFile; a failure names the log and shows its last lines. */
export async function adminTool(cfg: EmbeddedNeo4j, args: string[], logFile: string, log: (m: string) => void): Promise<void> {
  const { code, tail } = await runAdminTool(cfg, args, logFile, log);
  if (code !== 0) throw new BulkRefused(`neo4j-admin ${args.slice(0, 3).join(' ')} failed (exit ${code}); see ${logFile}:\n${tail}`);
}
