// The analyst's workbench and console (docs/models.md "The workbench"): analysts and admins only
// (@requiresScopes authorModels). Trying a model and the console read the live graph in the sandbox
// (server/models/check.ts, a READ transaction with database-enforced time and memory limits, a row cap);
// the entities they return are admitted against the caller's jurisdiction like entity() and noted for the
// audit trail, and each console query is recorded with its text. Publish and retire are recorded with the
// reason given.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../../platform/config.js';
import { maySeeSensitive } from '../../access/roles.js';
import { CONSOLE_LIMITS, runConsole } from '../../models/console.js';
import { deleteDraft, listDrafts, saveDraft } from '../../models/drafts.js';
import { publishModel, retireModel, revisionDiff } from '../../models/publish.js';
import { tryModel, validateSource, WORKBENCH_LIMITS } from '../../models/workbench.js';
import type { ApiContext, WorkbenchDeps } from '../context.js';
import { badInput, forbidden, notFound } from '../errors.js';
import { admit } from '../jurisdiction.js';
import type { Resolvers } from '../generated.js';
import { presentRows } from './present-rows.js';

function bench(ctx: ApiContext): WorkbenchDeps {
  if (!ctx.workbench) throw forbidden('This server has no workbench');
  return ctx.workbench;
}

const owner = (ctx: ApiContext) => ctx.principal?.id ?? 'unknown';

function paramsOf(raw: unknown): Record<string, unknown> {
  const p = raw ?? {};
  if (typeof p !== 'object' || p === null || Array.isArray(p)) throw badInput('params must be an object of parameter name to value');
  return p as Record<string, unknown>;
}

/** Expected failures of the features below (coded BAD_INPUT, MODEL_REFUSED, INVALID_MODEL) reach the caller as BAD_INPUT. */
function asBadInput(e: unknown): never {
  const code = (e as { code?: string }).code;
  if (code === 'BAD_INPUT' || code === 'MODEL_REFUSED' || code === 'INVALID_MODEL') throw badInput((e as Error).message);
  throw e;
}

/** Rows presented for this caller, their entities admitted (jurisdiction) and noted (audit). */
async function shown(ctx: ApiContext, rows: Record<string, unknown>[]) {
  const seen = new Set<string>();
  const out = presentRows(rows, { schema: ctx.graphSchema, showSensitive: maySeeSensitive(ctx.role), seen: (uid) => seen.add(uid) });
  await admit(ctx, [...seen]);
  for (const uid of seen) ctx.audit.saw(uid);
  return out;
}

const record = (ctx: ApiContext) => (r: { action: string; target: string; reason: string }) => {
  ctx.audit.wrote(r.action, r.target);
  ctx.audit.remark(`${r.action} ${r.target}: ${r.reason}`);
};

export const workbenchResolvers: Resolvers = {
  Query: {
    validateModel: async (_: unknown, args: { source: string }, ctx: ApiContext) => {
      const v = await validateSource(ctx.executor, args.source);
      const m = v.model;
      return {
        ok: v.problems.length === 0,
        id: m?.id ?? null,
        revision: m?.revision ?? null,
        titleZh: m?.title.zh ?? null,
        titleEn: m?.title.en ?? null,
        severity: m?.severity ?? null,
        parameters: (m?.parameters ?? []).map((p) => ({ ...p, default: p.default ?? null })),
        problems: v.problems,
      };
    },
    modelSource: (_: unknown, args: { id: string }, ctx: ApiContext) => {
      const m = bench(ctx).library.get(args.id);
      return m ? readFileSync(path.resolve(ROOT, m.file), 'utf8') : null;
    },
    modelDrafts: (_: unknown, __: unknown, ctx: ApiContext) => listDrafts(ctx.executor, owner(ctx)),
    modelRevisionDiff: (_: unknown, args: { id: string; from: number; to: number }, ctx: ApiContext) => {
      try {
        return revisionDiff(bench(ctx).siteModelsDir, args.id, args.from, args.to);
      } catch (e) {
        return asBadInput(e);
      }
    },
    sandboxLimits: () => WORKBENCH_LIMITS,
  },
  Mutation: {
    tryModel: async (_: unknown, args: { source: string; params?: unknown }, ctx: ApiContext) => {
      const t = await tryModel(ctx.executor, bench(ctx).library, args.source, paramsOf(args.params)).catch(asBadInput);
      ctx.audit.remark(`model.try ${t.model.id}`);
      const rows = t.run.previewRows ?? [];
      const { table, graph } = await shown(ctx, rows);
      for (const d of [...t.new, ...t.kept]) for (const s of d.subjects) ctx.audit.saw(s.uid);
      return {
        modelId: t.model.id,
        revision: t.model.revision,
        currentRevision: t.currentRevision,
        durationMs: t.run.durationMs,
        rows: t.run.rows,
        truncated: t.run.truncated,
        error: t.run.error,
        limits: WORKBENCH_LIMITS,
        columns: rows[0] ? Object.keys(rows[0]) : [],
        table,
        graph,
        complete: t.complete,
        new: t.new,
        kept: t.kept,
        gone: t.gone,
      };
    },
    consoleQuery: async (_: unknown, args: { cypher: string; params?: unknown }, ctx: ApiContext) => {
      // Recorded before it runs, so a refused or failed query is in the trail too.
      ctx.audit.remark(`console ${args.cypher.slice(0, 4000)}`);
      const r = await runConsole(ctx.executor, args.cypher, paramsOf(args.params), { user: owner(ctx) }).catch(asBadInput);
      const { table, graph } = await shown(ctx, r.rows);
      return { columns: r.columns, table, graph, truncated: r.truncated, durationMs: r.durationMs, limits: CONSOLE_LIMITS };
    },
    saveModelDraft: async (_: unknown, args: { name: string; source: string }, ctx: ApiContext) => {
      const d = await saveDraft(ctx.executor, owner(ctx), args.name, args.source).catch(asBadInput);
      ctx.audit.wrote('model.draft.save', d.name);
      return d;
    },
    deleteModelDraft: async (_: unknown, args: { name: string }, ctx: ApiContext) => {
      const gone = await deleteDraft(ctx.executor, owner(ctx), args.name);
      if (!gone) throw notFound(`No draft ${args.name}`);
      ctx.audit.wrote('model.draft.delete', args.name);
      return true;
    },
    publishModel: async (_: unknown, args: { source: string; fixtures?: string | null; reason: string }, ctx: ApiContext) => {
      const w = bench(ctx);
      const p = await publishModel(
        {
          db: ctx.executor,
          library: w.library,
          siteModelsDir: w.siteModelsDir,
          schema: ctx.graphSchema,
          fixtureDb: w.fixtureDb,
          record: record(ctx),
          policy: ctx.site?.policy,
        },
        { source: args.source, ...(args.fixtures ? { fixtures: args.fixtures } : {}), by: owner(ctx), reason: args.reason },
      ).catch(asBadInput);
      return { ...p, fixtureCases: p.fixtures.length };
    },
    retireModel: async (_: unknown, args: { id: string; reason: string }, ctx: ApiContext) => {
      const w = bench(ctx);
      await retireModel(
        { library: w.library, siteModelsDir: w.siteModelsDir, record: record(ctx), policy: ctx.site?.policy },
        args.id,
        owner(ctx),
        args.reason,
      ).catch(asBadInput);
      return true;
    },
  },
  GoneAlert: {
    summary: (a: { summaryZh: string; summaryEn: string }, args: { lang?: string | null }) =>
      args.lang === 'en' ? a.summaryEn : a.summaryZh,
  },
};
