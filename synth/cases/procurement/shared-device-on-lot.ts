// M25 shared device on one lot: A1 one machine prepared both bid files (same 机器码), A2 the same
// network card (MAC); near misses N1 both uploaded from the 交易中心 public terminal (a whitelisted IP,
// nothing else shared), N2 one machine code on bids of two firms, but for different lots.
import type { Bid, World } from '../../world/world.js';
import { pair, ref } from '../case.js';
import type { CaseModule } from '../module.js';
import { modelDefaults } from '../defaults.js';
import { bidIds, pairOracle } from '../lot-pairs.js';
import type { Planter } from '../planter.js';
import { add, duo, hex } from './lots.js';

const MODEL = 'procurement.shared-device-on-lot';
const D = modelDefaults(MODEL);

function bidding(pl: Planter): void {
  const terminalIp = D.strings('terminalIps')[0] as string;
  let d = duo(pl, true, { ties: true });
  d.bb.machine = d.ba.machine = hex(pl, 16);
  add(pl, {
    model: D.catalog,
    id: 'M25-A1',
    expected: 'alert',
    kind: 'same_machine_code',
    key: d.key,
    note: 'two bidders of one lot, bid files made on one machine (机器码)',
  });
  d = duo(pl, true, { ties: true });
  d.bb.mac = d.ba.mac = Array.from({ length: 6 }, () => hex(pl, 2)).join('-');
  add(pl, {
    model: D.catalog,
    id: 'M25-A2',
    expected: 'alert',
    kind: 'same_mac',
    key: d.key,
    note: 'two bidders of one lot uploaded from one network card (MAC)',
  });
  d = duo(pl);
  d.bb.ip = d.ba.ip = terminalIp;
  add(pl, {
    model: D.catalog,
    id: 'M25-N1',
    expected: 'no_alert',
    kind: 'near_miss_public_terminal',
    key: d.key,
    note: `both uploaded from the 交易中心 public terminal ${terminalIp} (whitelisted); nothing else shared`,
  });
  const x = duo(pl);
  const y = duo(pl);
  y.ba.machine = x.bb.machine = hex(pl, 16);
  add(pl, {
    model: D.catalog,
    id: 'M25-N2',
    expected: 'no_alert',
    kind: 'near_miss_same_device_other_lot',
    key: [...pair(pl.world, x.b.idx, y.a.idx), ref('Project', x.lot.project.idx)],
    involved: [ref('Project', y.lot.project.idx)],
    note: 'one machine code on bids of two firms, but for different lots',
  });
}

/** One machine code or MAC; an upload IP alone never matches (office NAT, public terminals); with
 * terminalUploadsMatch off, a bid uploaded from a public terminal matches nothing (its MAC and machine code are the
 * terminal's). */
function lotPair(w: World) {
  const kinds = D.strings('deviceKinds');
  const terminals = new Set(D.bool('terminalUploadsMatch') ? [] : D.strings('terminalIps'));
  return (a: Bid, b: Bid): boolean => {
    const x = bidIds(w, a);
    const y = bidIds(w, b);
    if (terminals.has(x.ip) || terminals.has(y.ip)) return false;
    return (kinds.includes('mac') && x.mac === y.mac) || (kinds.includes('machineCode') && x.machine === y.machine);
  };
}

export const sharedDeviceOnLot: CaseModule = { model: MODEL, bidding, lotPair, oracle: (w) => pairOracle(w, sharedDeviceOnLot) };
