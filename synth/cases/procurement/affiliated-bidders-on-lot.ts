// M28 affiliated firms bidding on one lot: A1 one person is legal representative of both, A2 the parent
// holds 70% of its subsidiary; near miss N1 one owner's two firms, each on its own lot (allowed).
// The oracle is deliberately LOOSER than any Cypher reading (any shared person, any shareholding
// between them or from one holder company, loose kin), so "oracle == planted" leaves no room for an
// accidental match however the model reads control and kin.
import type { Bid, World } from '../../world/world.js';
import { pair, ref } from '../case.js';
import type { CaseModule } from '../module.js';
import { modelDefaults } from '../defaults.js';
import { pairOracle } from '../lot-pairs.js';
import type { Planter } from '../planter.js';
import { affiliation } from './affiliation.js';
import { when } from './lots.js';

const MODEL = 'procurement.affiliated-bidders-on-lot';
const D = modelDefaults(MODEL);

function bidding(pl: Planter): void {
  const f = pl.factory;
  const lotOf = (a: number, b: number, winner: number) => {
    const t = when(pl);
    return pl.lot(pl.orgFor(winner), t, [a, b, ...pl.rivals(2, t)], winner, { pin: [a, b] }).project.idx;
  };
  // Same legal representative (一套人马两块牌子).
  const boss = pl.fresh();
  const a = pl.firm({ rep: boss });
  const b = pl.firm({ rep: boss });
  let proj = lotOf(a.idx, b.idx, a.idx);
  pl.cases.push({
    model: D.catalog,
    id: 'M28-A1',
    expected: 'alert',
    kind: 'same_legal_rep',
    key: [...pair(pl.world, a.idx, b.idx), ref('Project', proj)],
    involved: [ref('Person', boss.idx)],
    note: 'one person is legal representative of both bidders (条例34 单位负责人为同一人)',
  });
  // Parent holds 70% of its subsidiary.
  const parent = pl.firm();
  const sub = pl.firm({ owned: false });
  const sr = pl.world.persons[sub.rep]!;
  f.share(sub, { kind: 'company', idx: parent.idx }, 70);
  f.share(sub, { kind: 'person', idx: sr.idx }, 30);
  f.officer(sub, sr, '执行董事兼总经理');
  proj = lotOf(parent.idx, sub.idx, sub.idx);
  pl.cases.push({
    model: D.catalog,
    id: 'M28-A2',
    expected: 'alert',
    kind: 'parent_controls_subsidiary',
    key: [...pair(pl.world, parent.idx, sub.idx), ref('Project', proj)],
    involved: [],
    note: 'the parent holds 70% of the other bidder (控股关系)',
  });
  // Near miss: the same owner's two firms bid, but on different lots.
  const own = pl.fresh();
  const c = pl.firm({ rep: own });
  const e = pl.firm({ rep: own });
  const t1 = when(pl);
  const p1 = pl.lot(pl.orgFor(c.idx), t1, [c.idx, ...pl.rivals(3, t1)], c.idx, { pin: [c.idx] }).project.idx;
  const t2 = when(pl);
  const p2 = pl.lot(pl.orgFor(e.idx), t2, [e.idx, ...pl.rivals(3, t2)], null, { pin: [e.idx] }).project.idx;
  pl.cases.push({
    model: D.catalog,
    id: 'M28-N1',
    expected: 'no_alert',
    kind: 'near_miss_affiliated_other_lots',
    key: [...pair(pl.world, c.idx, e.idx), ref('Project', p1)],
    involved: [ref('Project', p2), ref('Person', own.idx)],
    note: "one owner's two firms, each on its own lot (allowed)",
  });
}

const lotPair = (w: World) => {
  const related = affiliation(w);
  return (a: Bid, b: Bid): boolean => related(a.company, b.company);
};

export const affiliatedBiddersOnLot: CaseModule = { model: MODEL, bidding, lotPair, oracle: (w) => pairOracle(w, affiliatedBiddersOnLot) };
