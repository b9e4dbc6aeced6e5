// M29 two firms of one lot quoting one price: A1, A2; near misses N1 one firm's two bids at one price,
// N2 two prices one yuan apart, N3 one price on two different lots.
import type { Bid, World } from '../../world/world.js';
import { pair, ref } from '../case.js';
import type { CaseModule } from '../module.js';
import { modelDefaults } from '../defaults.js';
import { pairOracle } from '../lot-pairs.js';
import type { Planter } from '../planter.js';
import { field } from './field.js';
import { add, duo } from './lots.js';

const MODEL = 'procurement.identical-bid-prices';
const D = modelDefaults(MODEL);

function bidding(pl: Planter): void {
  for (const id of ['M29-A1', 'M29-A2']) {
    const d = duo(pl);
    d.bb.price = d.ba.price;
    add(pl, {
      model: D.catalog,
      id,
      expected: 'alert',
      kind: 'identical_price',
      key: d.key,
      note: 'two firms quote the same price to the yuan',
    });
  }
  // One firm's two bids (a corrected resubmission) at one price, with a rival at another.
  const f = field(pl, 2);
  const again: Bid = { ...(f.bids[0] as Bid), submitted: (f.bids[0] as Bid).submitted + 1 };
  pl.world.bids.push(again);
  pl.pinned.add(again);
  add(pl, {
    model: D.catalog,
    id: 'M29-N1',
    expected: 'no_alert',
    kind: 'near_miss_one_firm_twice',
    key: [ref('Company', f.firms[0] as number), ref('Company', f.firms[0] as number), ref('Project', f.project.idx)],
    note: "one firm's two bids at one price",
  });
  const near = duo(pl);
  near.bb.price = near.ba.price + 1;
  add(pl, {
    model: D.catalog,
    id: 'M29-N2',
    expected: 'no_alert',
    kind: 'near_miss_one_yuan_apart',
    key: near.key,
    note: 'prices one yuan apart',
  });
  const u = duo(pl);
  const v = duo(pl);
  v.bb.price = u.bb.price;
  add(pl, {
    model: D.catalog,
    id: 'M29-N3',
    expected: 'no_alert',
    kind: 'near_miss_same_price_other_lot',
    key: [...pair(pl.world, u.b.idx, v.b.idx), ref('Project', u.lot.project.idx)],
    involved: [ref('Project', v.lot.project.idx)],
    note: 'two firms quote one price, on different lots',
  });
}

const lotPair = (_w: World) => {
  const [gap, minPrice] = [D.num('maxGapRatio'), D.num('minPrice')];
  return (a: Bid, b: Bid): boolean =>
    a.price >= minPrice && b.price >= minPrice && Math.abs(a.price - b.price) <= gap * Math.max(a.price, b.price);
};

export const identicalBidPrices: CaseModule = { model: MODEL, bidding, lotPair, oracle: (w) => pairOracle(w, identicalBidPrices) };
