// integrityRecord, view and saveView. The record reads through the same gates as entity(id): the person
// is admitted (a 查询事由 outside the jurisdiction, or refused), every entity returned goes through the
// presenter (masking by role, noted for the audit), relatives and companies outside the jurisdiction are
// flagged in the audit as neighbours are, and alerts outside it are left out as the inbox leaves them out.
import { readFacts, readFlaggingAlerts, readPerson, SECTION_OF, type RecordSection } from '../../records/integrity.js';
import {
  createView,
  isViewId,
  MAX_VIEW_ENTITIES,
  MAX_VIEW_NAME,
  readAmong,
  MAX_VIEW_STATE,
  newViewId,
  readView,
  uidsInState,
  type SavedView,
} from '../../records/saved-views.js';
import type { ApiContext } from '../context.js';
import { presentNode, presentRel, presentRels, type EdgeView, type EntityView } from '../entity/present.js';
import { badInput } from '../errors.js';
import type { Resolvers } from '../generated.js';
import { uidArg } from '../inputs.js';
import { admit, noteOutside, scopeOf } from '../jurisdiction.js';
import { viewOpts } from '../view.js';
import { actorOf } from '../alert/workflow.js';
import type { AlertProps } from '../../alerts/queries.js';

interface FactView {
  edge: EdgeView;
  other: EntityView;
  via: EntityView | null;
}

type RecordView = { person: EntityView; compiledAt: string; alerts: AlertProps[]; truncated: boolean } & Record<RecordSection, FactView[]>;

async function integrityRecord(_: unknown, args: { id: string }, ctx: ApiContext): Promise<RecordView | null> {
  const id = uidArg(args.id);
  const person = await readPerson(ctx.executor, id, ctx.txMeta('record.person'));
  if (!person) return null;
  if (!person.labels.includes('Person')) throw badInput('An integrity record is kept for a person: id must be a Person uid');
  await admit(ctx, [id]);
  const { facts, truncated } = await readFacts(ctx.executor, id, ctx.txMeta('record.facts'));
  const kin = facts.filter((f) => f.rel.type === 'KIN').map((f) => String(f.other.properties.uid));
  const alerts = await readFlaggingAlerts(ctx.executor, [id, ...kin], await scopeOf(ctx), ctx.txMeta('record.alerts'));
  const others = facts.flatMap((f) => [f.other, ...(f.via ? [f.via] : [])]).map((n) => String(n.properties.uid));
  await noteOutside(ctx, others);

  const opts = viewOpts(ctx);
  const record: RecordView = {
    person: presentNode(person, opts),
    compiledAt: new Date().toISOString(),
    alerts,
    truncated,
    posts: [],
    kin: [],
    companies: [],
    payments: [],
    cases: [],
    sanctions: [],
  };
  for (const f of facts) {
    const section = SECTION_OF[f.rel.type];
    if (!section) continue;
    record[section].push({
      edge: presentRel(f.rel, opts),
      other: presentNode(f.other, opts),
      via: f.via ? presentNode(f.via, opts) : null,
    });
  }
  return record;
}

function stateArg(state: string): string {
  if (state.length > MAX_VIEW_STATE) throw badInput(`state is longer than ${MAX_VIEW_STATE} characters`);
  const uids = uidsInState(state.replace(/^\?/, ''));
  for (const u of uids) uidArg(u, 'state entity');
  return state.replace(/^\?/, '');
}

export const recordResolvers: Resolvers = {
  Query: {
    integrityRecord,
    async viewGraph(_, args, ctx) {
      if (args.ids.length > MAX_VIEW_ENTITIES) throw badInput(`ids: at most ${MAX_VIEW_ENTITIES} entities`);
      const ids = [...new Set(args.ids.map((i) => uidArg(i, 'ids')))];
      await admit(ctx, ids);
      const { nodes, rels } = await readAmong(ctx.executor, ids, ctx.txMeta('viewGraph'));
      const opts = viewOpts(ctx);
      return { nodes: nodes.map((n) => presentNode(n, opts)), edges: presentRels(rels, opts) };
    },
    async view(_, args, ctx) {
      if (!isViewId(args.id)) throw badInput('id must be a saved view id (12 characters)');
      const view = await readView(ctx.executor, args.id, ctx.txMeta('view'));
      if (!view) return null;
      // The view names entities: opening it is a read of them, gated and recorded like entity(id).
      const uids = uidsInState(view.state);
      await admit(ctx, uids);
      for (const u of uids) ctx.audit.saw(u);
      ctx.audit.remark(`view ${view.id}`);
      return view;
    },
  },
  Mutation: {
    async saveView(_, args, ctx) {
      const state = stateArg(args.state);
      const name = args.name?.trim().slice(0, MAX_VIEW_NAME) || null;
      // Saving is checked like opening: nobody stores a link to what they could not read themselves.
      const uids = uidsInState(state);
      await admit(ctx, uids);
      const view: SavedView = { id: newViewId(), name, state, owner: actorOf(ctx).user, createdAt: new Date().toISOString() };
      await createView(ctx.executor, view, ctx.txMeta('saveView'));
      for (const u of uids) ctx.audit.saw(u);
      ctx.audit.wrote('view.save', view.id);
      return view;
    },
  },
};
