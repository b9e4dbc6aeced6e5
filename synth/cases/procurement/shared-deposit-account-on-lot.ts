// M26 deposits of two bidders of one lot paid from one account: A1, A2; near miss N1 one guarantor
// account paid deposits of two firms, on different lots.
import type { Bid, World } from '../../world/world.js';
import { pair, ref } from '../case.js';
import type { CaseModule } from '../module.js';
import { modelDefaults } from '../defaults.js';
import { bidIds, pairOracle } from '../lot-pairs.js';
import type { Planter } from '../planter.js';
import { add, duo } from './lots.js';

const MODEL = 'procurement.shared-deposit-account-on-lot';
const D = modelDefaults(MODEL);

function bidding(pl: Planter): void {
  for (const id of ['M26-A1', 'M26-A2']) {
    const d = duo(pl, true, { ties: true });
    d.bb.account = d.ba.account = pl.world.kits[d.a.idx]?.account;
    add(pl, {
      model: D.catalog,
      id,
      expected: 'alert',
      kind: 'same_deposit_account',
      key: d.key,
      note: "the second bidder's deposit came from the first bidder's account",
    });
  }
  const u = duo(pl);
  const v = duo(pl);
  v.ba.account = u.bb.account = `6217${pl.rng.int(100000000, 999999999)}${pl.rng.int(100000, 999999)}`;
  add(pl, {
    model: D.catalog,
    id: 'M26-N1',
    expected: 'no_alert',
    kind: 'near_miss_same_account_other_lot',
    key: [...pair(pl.world, u.b.idx, v.a.idx), ref('Project', u.lot.project.idx)],
    involved: [ref('Project', v.lot.project.idx)],
    note: 'one guarantor account paid deposits of two firms, on different lots',
  });
}

const lotPair =
  (w: World) =>
  (a: Bid, b: Bid): boolean =>
    bidIds(w, a).account === bidIds(w, b).account;

export const sharedDepositAccountOnLot: CaseModule = {
  model: MODEL,
  bidding,
  lotPair,
  oracle: (w) => pairOracle(w, sharedDepositAccountOnLot),
};
