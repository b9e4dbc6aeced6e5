// preAwardCheck(lot): 投标前核查 for one lot (server/preaward/lot-links.ts). The kinship scope is M03's, under
// the site policy; the lot's unit (or the lot, when it has none) is admitted like the ends of `paths`, and
// the check goes into the audit trail with the request's 查询事由, the entities returned noted as read.
import { checkLot, type LotLink } from '../../preaward/lot-links.js';
import { lotScope, SCOPE_MODEL } from '../../preaward/scope.js';
import type { PlainNode, PlainPath } from '../../../platform/db/values.js';
import type { ApiContext } from '../context.js';
import { presentNode, presentRels, type EntityView } from '../entity/present.js';
import { badInput, notFound } from '../errors.js';
import { uidArg } from '../inputs.js';
import { admit, noteOutside } from '../jurisdiction.js';
import { viewOpts } from '../view.js';
import type { Resolvers } from '../generated.js';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export const preAwardResolvers: Resolvers = {
  Query: {
    async preAwardCheck(_: unknown, args: { lot: string; on?: string | null }, ctx: ApiContext) {
      const lot = uidArg(args.lot, 'lot');
      if (!lot.startsWith('Project:')) throw badInput('lot must be a Project id (Project:<项目编号>)');
      const on = args.on ?? null;
      if (on !== null && (!ISO_DAY.test(on) || Number.isNaN(Date.parse(on)))) throw badInput('on must be a date, YYYY-MM-DD');
      const scope = lotScope(ctx.models.get(SCOPE_MODEL)?.parameters, ctx.site?.policy.paramsFor(SCOPE_MODEL));
      if (!scope) throw badInput(`The kinship scope comes from model ${SCOPE_MODEL}, which this site's library lacks`);

      const found = await checkLot(ctx.executor, lot, scope, on, ctx.txMeta('preAwardCheck'));
      if (!found) throw notFound(`No lot ${JSON.stringify(lot)}`);
      await admit(ctx, [String(found.unit?.properties.uid ?? lot)]);

      const opts = viewOpts(ctx);
      const returned = new Set<string>();
      const present = (n: PlainNode): EntityView => {
        returned.add(String(n.properties.uid));
        return presentNode(n, opts);
      };
      const path = (p: PlainPath) => {
        const route = p.nodes.map(present);
        // Relationships name their ends by element id; the canvas knows entities by uid.
        const uid = new Map(p.nodes.map((n, i) => [n.elementId, route[i]!.id]));
        const rels = p.relationships.map((r) => ({
          type: r.type,
          source: uid.get(r.startElementId) ?? r.startElementId,
          target: uid.get(r.endElementId) ?? r.endElementId,
          props: r.properties,
          eid: r.elementId,
        }));
        return { route, types: p.relationships.map((r) => r.type), edges: presentRels(rels, opts) };
      };
      const link = (l: LotLink) => ({ ...l, official: present(l.official), paths: l.paths.map(path) });
      const bidders = found.bidders.map((b) => ({ company: present(b.company), bid: present(b.bid), on: b.on, links: b.links.map(link) }));
      const linked = found.bidders.filter((b) => b.links.length > 0).length;
      ctx.audit.remark(`preAwardCheck ${lot}: ${found.bidders.length} bidders, ${linked} linked to the unit's officials`);
      const result = {
        lot: present(found.lot),
        unit: found.unit ? present(found.unit) : null,
        officials: found.officials,
        kinRelations: scope.kinRelations,
        leadersOnly: scope.leadersOnly,
        bidders,
      };
      await noteOutside(ctx, [...returned]);
      return result;
    },
  },
};
