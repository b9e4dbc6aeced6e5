// M33 a tender agent whose lots for one unit keep going to one firm: A1 most of the agent's lots of a unit
// (one to another firm), A2 all of them; near misses N1 one firm winning three of a unit's lots through
// different agents, N2 an agent handing one firm three lots of three units. The agent is the one that ran the
// fewest of the unit's lots, and is handed half of them (revision 2 reads agents that ran most of a unit's
// lots); the wins go on until they make minShare of its lots there and the agent runs most of the unit's.
import type { Company, Org, World } from '../../world/world.js';
import { ref, uidOf, type Found } from '../case.js';
import type { CaseModule } from '../module.js';
import { modelDefaults } from '../defaults.js';
import type { Planter } from '../planter.js';
import { add, when } from './lots.js';

const MODEL = 'procurement.agent-recurring-winner';
const D = modelDefaults(MODEL);

function bidding(pl: Planter): void {
  const [minWins, minShare, agentMinShare] = [D.num('minWins'), D.num('minShare'), D.num('agentMinShare')];
  const agents = pl.world.companies.filter((c) => c.role === 'agent');
  if (agents.length < 2) throw new Error('M33 plant: the county has fewer than two tender agents');
  /** Awarded lots `agent` already ran for `org` (the background's, and earlier plants'). */
  const awarded = (agent: Company, org: Org) =>
    pl.world.awards.filter((a) => pl.world.projects[a.project]?.agent === agent.idx && pl.world.projects[a.project]?.org === org.idx)
      .length;
  /** The agent that ran the fewest of the unit's awarded lots so far. */
  const quietest = (org: Org) => agents.reduce((best, g) => (awarded(g, org) < awarded(best, org) ? g : best));
  /** The most wins another firm has among `agent`'s awarded lots for `org` (the steered firm must top them). */
  const rivalWins = (agent: Company, org: Org, winner: number) => {
    const n = new Map<number, number>();
    for (const a of pl.world.awards) {
      const p = pl.world.projects[a.project];
      if (p?.agent === agent.idx && p.org === org.idx && a.company !== winner) n.set(a.company, (n.get(a.company) ?? 0) + 1);
    }
    return Math.max(0, ...n.values());
  };
  /** The unit's lots, and those `agent` ran. */
  const lotsOf = (org: Org) => pl.world.projects.filter((p) => p.org === org.idx);
  const ranBy = (agent: Company, org: Org) => lotsOf(org).filter((p) => p.agent === agent.idx).length;
  /**
   * A clean unit and its quietest agent, handed half of the unit's lots (unawarded ones first, so that few
   * awards join the agent's): with the steered lots it then runs most of them, while the winner's wins stay
   * a minority of the unit's awards (no dominant winner, M31).
   */
  const unitFor = (winner: number, avoid: Set<number>): { o: Org; g: Company } => {
    const o = pl.orgFor(winner, avoid);
    const g = quietest(o);
    const won = new Set(pl.world.awards.map((a) => a.project));
    const others = lotsOf(o)
      .filter((p) => p.agent !== g.idx)
      .sort((a, b) => Number(won.has(a.idx)) - Number(won.has(b.idx)));
    for (const p of others.slice(0, Math.max(0, Math.floor(lotsOf(o).length / 2) - ranBy(g, o)))) p.agent = g.idx;
    // Later plants keep off it: a lot of theirs there would lower the agent's share.
    pl.reservedUnits.add(o.idx);
    return { o, g };
  };
  /** An old background firm (no shell winner, M32), or a new firm of a fresh person in a small county. */
  const firm = (): number => {
    const t = when(pl);
    return pl.rivals(20, t).find((c) => (pl.world.companies[c] as Company).founded < t - 800) ?? pl.firm().idx;
  };
  /** A lot of `org` run by `agent` (none: the unit ran it itself), won by `winner` against two rivals. */
  const lot = (org: Org, agent: Company | undefined, winner: number): number => {
    const t = when(pl);
    const { project } = pl.lot(org, t, [winner, ...pl.rivals(2, t, [winner])], winner, { pin: [winner] });
    if (agent) project.agent = agent.idx;
    else delete project.agent;
    return project.idx;
  };
  const roles = ['agent', 'unit', 'company'];
  const plant = (
    id: string,
    expected: 'alert' | 'no_alert',
    kind: string,
    agent: Company,
    org: Org,
    winner: number,
    lots: number[],
    note: string,
  ) =>
    add(pl, {
      model: D.catalog,
      id,
      expected,
      kind,
      key: [ref('Company', agent.idx), ref('Org', org.idx), ref('Company', winner)],
      roles,
      involved: lots.map((p) => ref('Project', p)),
      note,
    });
  const away = new Set(pl.reservedUnits);
  /** Wins for `winner` through `agent` until they are minWins and minShare of the agent's awarded lots for the unit. */
  const steer = (org: Org, agent: Company, winner: number): number[] => {
    const lots: number[] = [];
    while (
      lots.length < minWins ||
      lots.length / (awarded(agent, org) + 1) < minShare ||
      ranBy(agent, org) / lotsOf(org).length <= agentMinShare ||
      lots.length <= rivalWins(agent, org, winner)
    )
      lots.push(lot(org, agent, winner));
    return lots;
  };

  // A1: the agent's lots for the unit mostly to one firm, one to another
  const w1 = firm();
  let { o, g } = unitFor(w1, away);
  away.add(o.idx);
  const a1 = steer(o, g, w1);
  const other = firm();
  if (pl.cleanFor(o.idx, other) && a1.length / (awarded(g, o) + 1) >= minShare) a1.push(lot(o, g, other));
  plant('M33-A1', 'alert', 'agent_recurring_winner', g, o, w1, a1, "most of the agent's lots for the unit went to one firm");
  // A2: every one of the agent's lots for another unit to one firm
  const w2 = firm();
  ({ o, g } = unitFor(w2, away));
  away.add(o.idx);
  plant('M33-A2', 'alert', 'agent_recurring_winner', g, o, w2, steer(o, g, w2), "the agent's lots for the unit all went to one firm");
  // N1: one firm wins three of a unit's lots, through two agents and once without one
  const w3 = firm();
  o = pl.orgFor(w3, away);
  away.add(o.idx);
  const [g1, g2] = agents as [Company, Company];
  plant(
    'M33-N1',
    'no_alert',
    'near_miss_other_agents',
    g1,
    o,
    w3,
    [lot(o, g1, w3), lot(o, g2, w3), lot(o, undefined, w3)],
    "one firm won three of the unit's lots, through different agents",
  );
  // N2: one agent hands one firm three lots, of three different units
  const w4 = firm();
  const n2 = [0, 1, 2].map(() => {
    const u = pl.orgFor(w4, away);
    away.add(u.idx);
    return { u, p: lot(u, g1, w4) };
  });
  plant(
    'M33-N2',
    'no_alert',
    'near_miss_three_units',
    g1,
    n2[0]!.u,
    w4,
    n2.map((x) => x.p),
    'the agent handed one firm three lots, of three different units',
  );
}

/**
 * (agent, unit, top firm) where the agent ran more than agentMinShare of the unit's lots, the top firm won at
 * least minWins of the agent's awarded lots for the unit, and the circle (it and up to circleSize - 1 more
 * firms with circleMinWins each, by wins and then uid) won at least minShare of them.
 */
export function agentRecurringMatches(w: World): Found[] {
  const [minWins, minShare, agentMinShare] = [D.num('minWins'), D.num('minShare'), D.num('agentMinShare')];
  const [circleSize, circleMinWins] = [D.num('circleSize'), D.num('circleMinWins')];
  const unitLots = new Map<number, number>();
  const ran = new Map<string, number>();
  for (const p of w.projects) {
    unitLots.set(p.org, (unitLots.get(p.org) ?? 0) + 1);
    if (p.agent !== undefined) ran.set(`${p.agent}/${p.org}`, (ran.get(`${p.agent}/${p.org}`) ?? 0) + 1);
  }
  const lots = new Map<string, number>();
  const wins = new Map<string, Map<number, number>>();
  for (const a of w.awards) {
    const p = w.projects[a.project];
    if (p?.agent === undefined) continue;
    const k = `${p.agent}/${p.org}`;
    lots.set(k, (lots.get(k) ?? 0) + 1);
    const byFirm = wins.get(k) ?? wins.set(k, new Map()).get(k)!;
    byFirm.set(a.company, (byFirm.get(a.company) ?? 0) + 1);
  }
  const out: Found[] = [];
  for (const [k, byFirm] of wins) {
    const [agent, org] = k.split('/').map(Number) as [number, number];
    if ((ran.get(k) ?? 0) / (unitLots.get(org) ?? 1) <= agentMinShare) continue;
    const uid = (c: number) => uidOf(w, ref('Company', c));
    const ranked = [...byFirm].sort(([a, x], [b, y]) => y - x || (uid(a) < uid(b) ? -1 : 1));
    const [top, topWins] = ranked[0]!;
    if (topWins < minWins) continue;
    const circle = [
      topWins,
      ...ranked
        .slice(1, circleSize)
        .filter(([, n]) => n >= circleMinWins)
        .map(([, n]) => n),
    ];
    if (circle.reduce((s, n) => s + n, 0) / (lots.get(k) ?? 1) >= minShare)
      out.push({ key: [ref('Company', agent), ref('Org', org), ref('Company', top)], roles: ['agent', 'unit', 'company'] });
  }
  return out;
}

export const agentRecurringWinner: CaseModule = { model: MODEL, bidding, oracle: agentRecurringMatches };
