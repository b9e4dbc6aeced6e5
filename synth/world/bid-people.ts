// Who stands behind the bids: each bidder firm has its own contact phone and one or two registered
// project managers (建造师, real people of the county), and its 参保人数. Firms' fingerprints are made
// unique here, so two background bids only ever share an identifier where a case plants it.
import type { Company, Person, World } from './world.js';
import type { Rng } from './prng.js';
import { CROWDED, phone } from './companies.js';

export function insuredFor(rng: Rng, c: Company): number {
  if (c.role === 'bidder') return rng.int(3, 20) + Math.round(c.capitalWan / 25);
  if (c.role === 'agent') return rng.int(4, 30);
  return rng.int(0, 40);
}

/** `pool`: adults who may appear as project managers (no posts, not in any company, not planted). */
export function assignBidPeople(world: World, rng: Rng, pool: Person[]): void {
  for (const c of world.companies) if (c.insured === undefined) c.insured = insuredFor(rng, c);
  const seen = {
    ip: new Set<string>(),
    mac: new Set<string>(),
    machine: new Set<string>(),
    account: new Set<string>(),
    phone: new Set<string>(),
  };
  const hex = (n: number): string => Array.from({ length: n }, () => '0123456789ABCDEF'[rng.int(0, 15)]).join('');
  for (const k of world.kits) {
    // 115.236.0.0/16 holds 64,516 addresses, fewer than a ten-million county's firms: past a run of
    // collisions the second octet is drawn too.
    for (let tries = 0; seen.ip.has(k.ip); tries++)
      k.ip =
        tries < CROWDED ? `115.236.${rng.int(1, 254)}.${rng.int(1, 254)}` : `115.${rng.int(1, 254)}.${rng.int(1, 254)}.${rng.int(1, 254)}`;
    while (seen.mac.has(k.mac)) k.mac = Array.from({ length: 6 }, () => hex(2)).join('-');
    while (seen.machine.has(k.machine)) k.machine = hex(16);
    while (seen.account.has(k.account)) k.account = `6228${rng.int(100000000, 999999999)}${rng.int(100000, 999999)}`;
    seen.ip.add(k.ip);
    seen.mac.add(k.mac);
    seen.machine.add(k.machine);
    seen.account.add(k.account);
  }
  const phones = new Map<number, string>();
  const managers = new Map<number, number[]>();
  let next = 0;
  const order = pool.slice();
  rng.shuffle(order);
  for (const b of world.bids) {
    let ph = phones.get(b.company);
    if (!ph) {
      do ph = phone(rng);
      while (seen.phone.has(ph));
      seen.phone.add(ph);
      phones.set(b.company, ph);
    }
    b.phone = ph;
    let ms = managers.get(b.company);
    if (!ms) {
      ms = [];
      for (let i = 0, n = rng.int(1, 2); i < n && next < order.length; i++) ms.push((order[next++] as Person).idx);
      managers.set(b.company, ms);
    }
    if (ms.length) {
      const m = rng.pick(ms);
      b.managerPerson = m;
      b.manager = world.persons[m]?.name ?? b.manager;
    }
  }
}

/** The contact phone and managers a firm already uses, for bids added later (planted lots). */
export function firmHabits(world: World): { phone: Map<number, string>; managers: Map<number, number[]> } {
  const phone = new Map<number, string>();
  const managers = new Map<number, number[]>();
  for (const b of world.bids) {
    phone.set(b.company, b.phone);
    if (b.managerPerson !== undefined) {
      const ms = managers.get(b.company) ?? managers.set(b.company, []).get(b.company)!;
      if (!ms.includes(b.managerPerson)) ms.push(b.managerPerson);
    }
  }
  return { phone, managers };
}
