// Registered companies: bidders (construction, IT, equipment), tender agents and unrelated trades.
// Each has a legal representative, person shareholders (often the representative and a family
// member, sometimes a company shareholder) and officers. Background companies never take people
// who hold posts, so M01-style "official in business" signals only come from planted data.
import { day, SNAPSHOT } from './dates.js';
import type { IdIssuer } from './ids.js';
import type { BidderKit, Company, Person, World } from './world.js';
import { brand, BIDDER_TRADES, OTHER_TRADES } from './names.js';
import type { Rng } from './prng.js';
import { COUNTY, PROVINCE } from './region.js';

/** Collisions in a row after which a name or fingerprint is drawn from a wider space. */
export const CROWDED = 100;

const CAPITALS = [10, 30, 50, 100, 200, 300, 500, 800, 1000, 2000, 5000];

export function phone(rng: Rng): string {
  return rng.chance(0.4)
    ? `0571-6${rng.int(1000000, 9999999)}`
    : `1${rng.pick(['38', '39', '58', '59', '36', '88', '77', '80'])}${rng.int(10000000, 99999999)}`;
}

function kit(rng: Rng): BidderKit {
  const hex = (n: number): string => Array.from({ length: n }, () => '0123456789ABCDEF'[rng.int(0, 15)]).join('');
  const mac = Array.from({ length: 6 }, () => hex(2)).join('-');
  return {
    ip: `${rng.pick(['115.236', '60.191', '122.224', '183.129', '36.22'])}.${rng.int(1, 254)}.${rng.int(1, 254)}`,
    mac,
    machine: hex(16),
    account: `${rng.pick(['6228', '6217', '6222', '6230'])}${rng.int(100000000, 999999999)}${rng.int(100000, 999999)}`,
  };
}

export class CompanyFactory {
  private readonly names = new Set<string>();

  constructor(
    private readonly world: World,
    private readonly rng: Rng,
    private readonly ids: IdIssuer,
  ) {}

  private name(role: Company['role'], trades?: readonly string[]): string {
    for (let tries = 0; ; tries++) {
      // Two-character 字号 give about 125,000 names per kind; a county of ten million has 200,000 firms
      // of other trades, and drawing on a full space never ends. Past a run of collisions a third character
      // is drawn; a county where that never happens (1,000,000 persons and fewer) keeps its names.
      const two = this.rng.chance(0.03) ? this.rng.pick(['华东', '江南', '之江']) + brand(this.rng) : brand(this.rng);
      const b = tries < CROWDED ? two : two + brand(this.rng).slice(1);
      const n =
        role === 'agent'
          ? `${this.rng.chance(0.5) ? PROVINCE.slice(0, 2) : COUNTY.slice(0, 2)}${b}工程咨询有限公司`
          : `${this.rng.chance(0.8) ? '桐庐' : '杭州'}${b}${this.rng.pick(trades ?? (role === 'bidder' ? BIDDER_TRADES : OTHER_TRADES))}有限公司`;
      if (!this.names.has(n)) {
        this.names.add(n);
        return n;
      }
    }
  }

  /** A company with `rep` as 法定代表人 (no shareholders or officers yet). */
  create(role: Company['role'], rep: Person, opts: { founded?: number; planted?: boolean; trades?: readonly string[] } = {}): Company {
    const rng = this.rng;
    // Nobody founds a company before 22.
    const founded =
      opts.founded ?? rng.int(Math.min(Math.max(day(1998, 1, 1), rep.birth + 22 * 365 + 30), day(2022, 12, 31)), day(2022, 12, 31));
    const c: Company = {
      idx: this.world.companies.length,
      // Codes issued since the 2015 reform carry "MA…" org codes; older firms kept their old one.
      uscc: this.ids.uscc('91', founded >= day(2015, 10, 1)),
      name: this.name(role, opts.trades),
      status: role === 'other' && rng.chance(0.12) ? rng.pick(['吊销', '注销'] as const) : rng.chance(0.6) ? '存续' : '在业',
      founded,
      capitalWan: role === 'bidder' ? rng.pick(CAPITALS.slice(3)) : rng.pick(CAPITALS),
      address: `${PROVINCE}杭州市${COUNTY}${rng.pick(['桐君街道', '城南街道', '旧县街道', '横村镇', '分水镇'])}${rng.pick(['迎春南路', '白云源路', '学圣路', '瑶琳路', '春江路', '洋洲南路'])}${rng.int(1, 999)}号`,
      phone: phone(rng),
      rep: rep.idx,
      role,
    };
    if (opts.planted) c.planted = true;
    this.world.companies.push(c);
    this.world.kits.push(kit(rng));
    return c;
  }

  /** Joins at founding, or later if the person was not yet 22 then. */
  private joinDate(company: Company, birth: number, spread: number): number {
    return Math.min(Math.max(company.founded, birth + 22 * 365) + this.rng.int(0, spread), SNAPSHOT - 30);
  }

  share(company: Company, holder: { kind: 'person' | 'company'; idx: number }, pct: number): void {
    const birth = holder.kind === 'person' ? (this.world.persons[holder.idx]?.birth ?? 0) : 0;
    this.world.shareholdings.push({ company: company.idx, holder, pct, from: this.joinDate(company, birth, 400) });
  }

  officer(company: Company, person: Person, role: string): void {
    this.world.officers.push({ company: company.idx, person: person.idx, role, from: this.joinDate(company, person.birth, 200) });
  }
}

/** Splits 100% into `n` whole-percent shares, the first the largest. */
export function split100(rng: Rng, n: number): number[] {
  if (n === 1) return [100];
  const first = rng.int(Math.ceil(100 / n) + 5, 90);
  const rest: number[] = [];
  let left = 100 - first;
  for (let i = 1; i < n - 1; i++) {
    const s = rng.int(1, left - (n - 1 - i));
    rest.push(s);
    left -= s;
  }
  rest.push(left);
  return [first, ...rest.sort((a, b) => b - a)];
}

/** Background companies; `people` are persons allowed to hold company roles. */
/** Trades a county works tender plausibly goes to (planted winners use these). */
export const WORKS_TRADES = BIDDER_TRADES.slice(0, 7);

export function generateCompanies(world: World, rng: Rng, f: CompanyFactory, persons: number, people: Person[]): void {
  const nBidders = Math.max(12, Math.round(persons / 60));
  const nAgents = Math.max(2, Math.round(persons / 4000));
  const nOther = Math.max(6, Math.round(persons / 50));
  const roles: Company['role'][] = [
    ...Array<Company['role']>(nBidders).fill('bidder'),
    ...Array<Company['role']>(nAgents).fill('agent'),
    ...Array<Company['role']>(nOther).fill('other'),
  ];
  const holders: number[] = [];
  const allowed = new Set(people.map((p) => p.idx));
  for (const role of roles) {
    const rep = rng.pick(people);
    const c = f.create(role, rep);
    if (c.status === '吊销' || c.status === '注销') c.founded = Math.min(c.founded, SNAPSHOT - 3000);
    // Shareholders: the representative, often a household member (family firms), sometimes others.
    const owners: Person[] = [rep];
    if (rng.chance(0.45)) {
      const fam = (world.households[rep.hh]?.members ?? [])
        .map((i) => world.persons[i] as Person)
        .filter((p) => p.idx !== rep.idx && !p.cancel && p.rel !== '99' && allowed.has(p.idx));
      if (fam.length) owners.push(rng.pick(fam));
    }
    if (rng.chance(0.35)) owners.push(rng.pick(people));
    const uniq = [...new Map(owners.map((p) => [p.idx, p])).values()];
    const corp = holders.length > 0 && rng.chance(0.1) ? rng.pick(holders) : undefined;
    const pcts = split100(rng, uniq.length + (corp !== undefined ? 1 : 0));
    uniq.forEach((p, i) => f.share(c, { kind: 'person', idx: p.idx }, pcts[i] as number));
    if (corp !== undefined) f.share(c, { kind: 'company', idx: corp }, pcts[uniq.length] as number);
    if (role === 'other' && c.status !== '吊销') holders.push(c.idx);
    f.officer(c, rep, uniq.length > 2 ? '董事长' : '执行董事兼总经理');
    const sup = uniq[1] ?? rng.pick(people);
    if (sup.idx !== rep.idx) f.officer(c, sup, '监事');
    if (uniq.length > 2 && uniq[2]) f.officer(c, uniq[2], '董事');
    if (rng.chance(0.3)) f.officer(c, rng.pick(people), '经理');
  }
}
