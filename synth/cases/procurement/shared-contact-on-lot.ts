// M27 two bidders of one lot with the same contact phone (A1) or the same registered project manager
// (A2); near miss N1 one phone (an 代理记账 office) on bids of two firms, for different lots.
import type { Bid, World } from '../../world/world.js';
import { pair, ref } from '../case.js';
import type { CaseModule } from '../module.js';
import { modelDefaults } from '../defaults.js';
import { bidIds, pairOracle } from '../lot-pairs.js';
import type { Planter } from '../planter.js';
import { add, duo } from './lots.js';

const MODEL = 'procurement.shared-contact-on-lot';
const D = modelDefaults(MODEL);

function bidding(pl: Planter): void {
  let d = duo(pl, true, { ties: true });
  d.bb.phone = d.ba.phone;
  add(pl, {
    model: D.catalog,
    id: 'M27-A1',
    expected: 'alert',
    kind: 'same_contact_phone',
    key: d.key,
    note: 'both bids give the same contact phone',
  });
  d = duo(pl, true, { ties: true });
  d.bb.managerPerson = d.ba.managerPerson;
  d.bb.manager = d.ba.manager;
  add(pl, {
    model: D.catalog,
    id: 'M27-A2',
    expected: 'alert',
    kind: 'same_project_manager',
    key: d.key,
    involved: d.ba.managerPerson !== undefined ? [ref('Person', d.ba.managerPerson)] : [],
    note: 'both bids name the same registered project manager (ID)',
  });
  const s = duo(pl);
  const t = duo(pl);
  t.ba.phone = s.bb.phone = `13${pl.rng.int(100000000, 999999999)}`;
  add(pl, {
    model: D.catalog,
    id: 'M27-N1',
    expected: 'no_alert',
    kind: 'near_miss_same_phone_other_lot',
    key: [...pair(pl.world, s.b.idx, t.a.idx), ref('Project', s.lot.project.idx)],
    involved: [ref('Project', t.lot.project.idx)],
    note: 'one phone (an 代理记账 office) on bids of two firms, for different lots',
  });
}

function lotPair(w: World) {
  return (a: Bid, b: Bid): boolean => {
    const x = bidIds(w, a);
    const y = bidIds(w, b);
    return x.phone === y.phone || (x.manager !== undefined && x.manager === y.manager);
  };
}

export const sharedContactOnLot: CaseModule = { model: MODEL, bidding, lotPair, oracle: (w) => pairOracle(w, sharedContactOnLot) };
