// runModel / previewModel: the model runner behind the API, through the ModelRunner interface so this layer
// never imports the model library. Who may run what (server/access/roles.ts): analysts and admins anything;
// case handlers and other systems' tokens (system) a check of one subject; a viewer nothing.
import type { ApiContext, ModelRunner } from '../context.js';
import { badInput, forbidden, notFound } from '../errors.js';
import { uidArg } from '../inputs.js';
import { runView } from './runs.js';
import { can } from '../../access/roles.js';

interface RunArgs {
  id: string;
  subject?: string | null;
  params?: unknown;
}

function checked(args: RunArgs, ctx: ApiContext): { runner: ModelRunner; opts: { subject?: string; params: Record<string, unknown> } } {
  const runner = ctx.runner;
  if (!runner) throw forbidden('This server does not run models on request');
  if (!can(ctx.role, 'checkSubject')) throw forbidden(`The ${ctx.role} role may not run models`);
  if (!can(ctx.role, 'runModels') && !args.subject)
    throw forbidden(`The ${ctx.role} role may run a model for one subject only (give subject)`);
  if (!ctx.models.get(args.id)) throw notFound(`No model ${args.id}`);
  const params = args.params ?? {};
  if (typeof params !== 'object' || params === null || Array.isArray(params))
    throw badInput('params must be an object of parameter name to value');
  return { runner, opts: { ...(args.subject ? { subject: uidArg(args.subject) } : {}), params: params as Record<string, unknown> } };
}

function asBadInput(e: unknown): never {
  if ((e as { code?: string }).code === 'BAD_INPUT') throw badInput((e as Error).message);
  throw e;
}

export const runMutations = {
  async runModel(_: unknown, args: RunArgs, ctx: ApiContext) {
    const { runner, opts } = checked(args, ctx);
    const r = await runner.run(args.id, opts).catch(asBadInput);
    // A run that failed stored nothing; one that ran may have raised, kept or retired alerts.
    if (!r.error) ctx.audit.wrote('model.run', opts.subject ? `${args.id} ${opts.subject}` : args.id);
    return runView({ ...r, id: r.runId });
  },
  async previewModel(_: unknown, args: RunArgs, ctx: ApiContext) {
    const { runner, opts } = checked(args, ctx);
    const r = await runner.run(args.id, { ...opts, preview: true }).catch(asBadInput);
    if (r.error) throw badInput(`The model could not run: ${r.error}`);
    // Nothing is stored (so no write), but the answer names who would be flagged: a read of those subjects.
    ctx.audit.remark(`model.preview ${opts.subject ? `${args.id} ${opts.subject}` : args.id}`);
    for (const d of r.drafts ?? []) for (const s of d.subjects) ctx.audit.saw(s.uid);
    return r.drafts ?? [];
  },
};

export const previewResolvers = {
  AlertPreview: {
    summary: (d: { summaryZh: string; summaryEn: string }, args: { lang?: string | null }) =>
      args.lang === 'en' ? d.summaryEn : d.summaryZh,
    subjects: (d: { subjects: { uid: string; role: string }[] }) => d.subjects.map((s) => ({ role: s.role, id: s.uid })),
  },
};
