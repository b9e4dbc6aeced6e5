// screen(entries, unit): 名单筛查. Each entry is read as an ID number, credit code or name
// (server/screen/entries.ts), looked up like `search` looks up an identifier (by uid, ID numbers by their
// pseudonym where the site keeps them so), and audited as a lookup: the entities returned are noted, those
// outside the jurisdiction flagged, and the request's 查询事由 goes with the record. Alerts are those of the
// caller's jurisdiction only, as in `alerts`; the tendering unit is admitted like the ends of `paths`.
import { classify, type Entry } from '../../screen/entries.js';
import { alertsOn, CANDIDATES_SHOWN, findEntries, linksToUnit, type Probe } from '../../screen/lookup.js';
import { isOpen, isState } from '../../alerts/workflow/machine.js';
import type { AlertProps } from '../../alerts/queries.js';
import type { PlainNode } from '../../../platform/db/values.js';
import type { ApiContext } from '../context.js';
import { presentNode, type EntityView } from '../entity/present.js';
import { badInput, notFound } from '../errors.js';
import { link, relPattern, uidArg } from '../inputs.js';
import { viewOpts } from '../view.js';
import { admit, noteOutside, scopeOf } from '../jurisdiction.js';
import type { Resolvers, ScreenStatus } from '../generated.js';

/** A promotion list or a lot's bidders is tens of names; a whole register is not screened through the API. */
export const SCREEN_MAX_ENTRIES = 500;
const LINKS_PER_ENTRY = 3;
const MAX_SCREEN_HOPS = 4;
// As in `paths`: a route through an alert or up the unit hierarchy is not a relationship in the world.
const NOT_ON_ROUTES = new Set(['FLAGS', 'PART_OF']);

interface ScreenArgs {
  entries: string[];
  unit?: string | null;
  maxHops?: number | null;
}

function probeOf(i: number, e: Entry, ctx: ApiContext): Probe | null {
  if (e.kind === 'idNo' || (e.kind === 'invalid' && e.problem === 'idCheck'))
    return { i, uids: [`Person:${ctx.personKey ? ctx.personKey(e.value) : e.value}`], name: null };
  // A code failing its check is still looked up: registers hold some issued before the check was enforced.
  if (e.kind === 'code' || (e.kind === 'invalid' && e.problem === 'codeCheck'))
    return { i, uids: [`Company:${e.value}`, `Org:${e.value}`], name: null };
  if (e.kind === 'name') return { i, uids: [], name: e.value };
  return null;
}

const open = (a: AlertProps): boolean => isOpen(isState(a.state) ? a.state : 'new');

// An identifier that fails its check but is on record is found (with its problem still reported); one that
// is not on record is INVALID rather than NOT_FOUND, since a typo is the likelier reading.
const statusOf = (e: Entry, found: PlainNode[]): ScreenStatus =>
  found.length === 1 ? 'FOUND' : found.length > 1 ? 'AMBIGUOUS' : e.kind === 'invalid' ? 'INVALID' : 'NOT_FOUND';

export const screenResolvers: Resolvers = {
  Query: {
    async screen(_: unknown, args: ScreenArgs, ctx: ApiContext) {
      if (args.entries.length > SCREEN_MAX_ENTRIES)
        throw badInput(
          `At most ${SCREEN_MAX_ENTRIES} entries per screening 每次最多筛查 ${SCREEN_MAX_ENTRIES} 条; got ${args.entries.length}`,
        );
      const hops = args.maxHops ?? 3;
      if (!Number.isInteger(hops) || hops < 1 || hops > MAX_SCREEN_HOPS)
        throw badInput(`maxHops must be a whole number from 1 to ${MAX_SCREEN_HOPS}`);
      const unit = args.unit ? uidArg(args.unit, 'unit') : null;
      if (unit) {
        const { rows } = await ctx.executor.read<{ n: number }>(
          'MATCH (u:Org {uid: $unit}) RETURN count(u) AS n',
          { unit },
          ctx.txMeta('screen.unit'),
        );
        if (!rows[0]?.n) throw notFound(`No unit ${JSON.stringify(unit)}`);
        await admit(ctx, [unit]);
      }

      const entries = args.entries.map(classify);
      const probes = entries.map((e, i) => probeOf(i, e, ctx)).filter((p): p is Probe => p !== null);
      const found = await findEntries(ctx.executor, probes, ctx.txMeta('screen.find'));
      const foundOne = new Map<number, string>();
      for (const [i, nodes] of found) if (nodes.length === 1) foundOne.set(i, String(nodes[0]!.properties.uid));
      const uids = [...new Set(foundOne.values())];
      const scope = await scopeOf(ctx);
      const alerts = await alertsOn(ctx.executor, uids, scope, ctx.txMeta('screen.alerts'));
      const types = Object.keys(ctx.graphSchema.relationships).filter((t) => !NOT_ON_ROUTES.has(t));
      const links = unit
        ? await linksToUnit(
            ctx.executor,
            uids,
            unit,
            link('BOTH', relPattern('', types, `*..${hops}`)),
            LINKS_PER_ENTRY,
            ctx.txMeta('screen.links'),
          )
        : [];

      const opts = viewOpts(ctx);
      const returned = new Set<string>();
      const present = (n: PlainNode): EntityView => {
        returned.add(String(n.properties.uid));
        return presentNode(n, opts);
      };
      const results = entries.map((e, i) => {
        const nodes = found.get(i) ?? [];
        const status = statusOf(e, nodes);
        const uid = foundOne.get(i);
        const on: AlertProps[] = uid ? (alerts.get(uid) ?? []) : [];
        return {
          index: i,
          kind: e.kind,
          status,
          problem: e.kind === 'invalid' ? e.problem : null,
          candidates: nodes.slice(0, CANDIDATES_SHOWN).map(present),
          openAlerts: on.filter(open),
          concludedAlerts: on.filter((a) => !open(a)),
          links: links
            .filter((l) => l.uid === uid)
            .map((l) => ({
              official: present(l.official),
              hops: l.path ? l.path.relationships.length : 0,
              route: l.path ? l.path.nodes.map(present) : [present(l.official)],
              types: l.path ? l.path.relationships.map((r) => r.type) : [],
            })),
        };
      });
      // Each entry is a lookup for the audit trail, those that found nothing too (asking is what is recorded).
      const counts = results.reduce<Record<string, number>>((m, r) => ({ ...m, [r.status]: (m[r.status] ?? 0) + 1 }), {});
      ctx.audit.remark(
        `screen ${entries.length} entries (${Object.entries(counts)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')})${unit ? ` against ${unit}` : ''}`,
      );
      await noteOutside(ctx, [...returned]);
      return results;
    },
  },
};
