// exemptions, addExemption, removeExemption: the 豁免名单 (server/models/exemptions.ts). The subject must
// be an entity of the graph the caller may read (outside the jurisdiction: with a stated reason, as for
// entity()); lists leave out subjects outside it. Every change is recorded.
import { addExemption, BadExemption, isValidAt, listExemptions, removeExemption, type Exemption } from '../../models/exemptions.js';
import type { ApiContext } from '../context.js';
import { badInput, notFound } from '../errors.js';
import { uidArg } from '../inputs.js';
import { admit, outsideOf } from '../jurisdiction.js';

const view = (e: Exemption) => ({ ...e, valid: isValidAt(e, new Date()) });

async function subjectExists(ctx: ApiContext, uid: string): Promise<boolean> {
  // uids are `<Label>:<key>`: the label (checked against graph.yaml, never spliced unchecked) finds it by index.
  const label = uid.slice(0, uid.indexOf(':'));
  if (!label || !Object.hasOwn(ctx.graphSchema.labels, label)) return false;
  const { rows } = await ctx.executor.read<{ n: number }>(
    `MATCH (x:\`${label}\` {uid: $uid}) RETURN count(x) AS n`,
    { uid },
    ctx.txMeta('exemption.subject'),
  );
  return Number(rows[0]?.n ?? 0) > 0;
}

export const exemptionResolvers = {
  Query: {
    async exemptions(_: unknown, args: { includeExpired?: boolean | null }, ctx: ApiContext) {
      const all = await listExemptions(ctx.executor, { includeExpired: args.includeExpired === true });
      const outside = await outsideOf(ctx, [...new Set(all.map((e) => e.subject))]);
      const mine = all.filter((e) => !outside.has(e.subject));
      for (const e of mine) ctx.audit.saw(e.subject);
      return mine.map(view);
    },
  },
  Mutation: {
    async addExemption(_: unknown, args: { input: { subject: string; model: string; reason: string; expires: string } }, ctx: ApiContext) {
      const { model, reason, expires } = args.input;
      const subject = uidArg(args.input.subject, 'subject');
      if (!ctx.models.get(model)) throw notFound(`No model ${model}`);
      if (!(await subjectExists(ctx, subject))) throw notFound(`No entity ${subject}`);
      await admit(ctx, [subject]);
      try {
        const e = await addExemption(ctx.executor, { subject, model, reason, expires, by: ctx.principal?.id ?? 'unknown' });
        ctx.audit.wrote('exemption.add', `${model} ${subject}`);
        ctx.audit.remark(`exemption ${e.id} until ${e.expires}; why: ${e.reason}`);
        return view(e);
      } catch (e) {
        if (e instanceof BadExemption) throw badInput(e.message);
        throw e;
      }
    },
    async removeExemption(_: unknown, args: { id: string; reason: string }, ctx: ApiContext) {
      if (args.reason.trim().length < 2) throw badInput('lifting an exemption needs a reason');
      const existing = (await listExemptions(ctx.executor, { includeExpired: true })).find((e) => e.id === args.id);
      if (!existing) throw notFound(`No exemption ${args.id}`);
      await admit(ctx, [existing.subject]);
      const e = await removeExemption(ctx.executor, args.id);
      if (!e) throw notFound(`No exemption ${args.id}`);
      ctx.audit.wrote('exemption.remove', `${e.model} ${e.subject}`);
      ctx.audit.remark(`exemption ${e.id} lifted; why: ${args.reason.trim().slice(0, 300)}`);
      return view(e);
    },
  },
};
