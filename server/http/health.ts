// Liveness and readiness, apart, as an orchestrator wants them. /livez asks nothing of Neo4j: a database
// outage must not get a healthy process restarted. /readyz (and /healthz, its older name, kept for the
// docs and scripts that use it) answers 200 only when Neo4j answers and holds huiyan's schema, and shows
// the start-up progress (demo load, first model runs) the API serves beside.
import type { Executor } from '../../platform/db/executor.js';
import type { Logger } from '../../platform/log.js';
import { schemaStatements } from '../../platform/schema/apply.js';
import type { GraphSchema } from '../../platform/schema/graph-schema.js';
import type { StartupProgress } from '../startup-progress.js';

const startedAt = Date.now();

export function liveness(): Response {
  return Response.json({ ok: true, uptimeS: Math.round((Date.now() - startedAt) / 1000) });
}

export interface ReadinessDeps {
  executor: Executor;
  graphSchema: GraphSchema;
  startup?: StartupProgress;
  logger: Pick<Logger, 'warn'>;
}

/** Constraints and indexes huiyan needs that the database lacks or has not brought online yet. */
async function schemaMissing(executor: Executor, graphSchema: GraphSchema): Promise<string[]> {
  const { rows } = await executor.read<{ name: string; state: string }>('SHOW INDEXES YIELD name, state RETURN name, state');
  const online = new Set(rows.filter((r) => r.state === 'ONLINE').map((r) => r.name));
  // A uniqueness constraint is backed by an index of its own name, so one listing covers both.
  return schemaStatements(graphSchema)
    .map((s) => s.name)
    .filter((n) => !online.has(n));
}

export async function readiness(deps: ReadinessDeps): Promise<Response> {
  // How far the first model runs are: the API answers during them (their alerts are still coming).
  const progress = deps.startup ? { startup: deps.startup.snapshot() } : {};
  let version: string;
  try {
    version = (await deps.executor.serverInfo()).version;
  } catch (e) {
    deps.logger.warn('readiness: Neo4j not reachable', e);
    return Response.json({ ok: false, neo4j: null, reason: 'Neo4j not reachable 数据库无法连接', ...progress }, { status: 503 });
  }
  const missing = await schemaMissing(deps.executor, deps.graphSchema).catch((e: unknown) => {
    deps.logger.warn('readiness: could not list the indexes', e);
    return ['(unknown: SHOW INDEXES failed)'];
  });
  if (missing.length)
    return Response.json(
      { ok: false, neo4j: version, reason: `schema not applied 模式未就绪: ${missing.slice(0, 5).join(', ')}`, ...progress },
      { status: 503 },
    );
  return Response.json({ ok: true, neo4j: version, ...progress });
}
