// loadRuns(limit): the most recent load runs, newest first, for the data-freshness view.
import { int } from '../../../platform/db/executor.js';
import type { ApiContext } from '../context.js';
import { clampLimit } from '../inputs.js';
import type { Resolvers } from '../generated.js';

export const LOAD_RUN_LIMIT = { dflt: 50, min: 1, max: 500 };

const n = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? Math.trunc(v) : 0);
const s = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);

/** The stored JSON object column id → header; runs from before it was recorded have none. */
function columnsRead(v: unknown): { column: string; header: string }[] {
  try {
    const o = typeof v === 'string' ? (JSON.parse(v) as unknown) : null;
    return o && typeof o === 'object' ? Object.entries(o).map(([column, header]) => ({ column, header: String(header) })) : [];
  } catch {
    return [];
  }
}

export const sourceResolvers: Resolvers = {
  Query: {
    async loadRuns(_: unknown, args: { limit?: number | null }, ctx: ApiContext) {
      const limit = clampLimit(args.limit, LOAD_RUN_LIMIT.dflt, LOAD_RUN_LIMIT.min, LOAD_RUN_LIMIT.max);
      const { rows } = await ctx.executor.read<{ r: Record<string, unknown> }>(
        'MATCH (r:LoadRun) RETURN properties(r) AS r ORDER BY r.startedAt DESC LIMIT $limit',
        { limit: int(limit) },
        ctx.txMeta('loadRuns'),
      );
      return rows.map(({ r }) => ({
        id: s(r.id),
        source: s(r.source),
        file: s(r.file),
        fileHash: s(r.fileHash),
        startedAt: s(r.startedAt),
        durationMs: n(r.durationMs),
        rowsRead: n(r.rowsRead),
        rowsLoaded: n(r.rowsLoaded),
        rowsRejected: n(r.rowsRejected),
        duplicatesSkipped: n(r.duplicatesSkipped),
        rowsAside: n(r.rowsAside),
        status: r.status === 'stopped' || r.status === 'refused' ? r.status : 'loaded',
        stoppedAtRow: typeof r.stoppedAtRow === 'number' ? n(r.stoppedAtRow) : null,
        stopReason: typeof r.stopReason === 'string' ? r.stopReason : null,
        columnsRead: columnsRead(r.columnsRead),
        unreadColumns: list(r.unreadColumns),
        missingOptional: list(r.missingOptional),
        warnings: list(r.warnings),
      }));
    },
  },
};
