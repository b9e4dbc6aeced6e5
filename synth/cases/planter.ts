// Tools the procurement plants share: fresh people and firms nobody else is tied to, new lots with
// bids and an award, and the record of which bids a case needs (the sanitiser never drops those).
import { day, SNAPSHOT, type Day } from '../world/dates.js';
import { WORKS_TRADES, type CompanyFactory } from '../world/companies.js';
import { currentCompanyPeople, KinIndex, taintedPeople } from '../world/kin.js';
import type { Bid, Company, Org, Person, Project, World } from '../world/world.js';
import type { PlantedCase } from './case.js';
import type { Rng } from '../world/prng.js';
import { addBids, addProject } from '../world/tenders.js';
import { phone } from '../world/companies.js';

export class Planter {
  readonly cases: PlantedCase[] = [];
  readonly pinned = new Set<Bid>();
  /** Sanitiser floor: never leave these firms with fewer bids. */
  readonly floors = new Map<number, number>();
  /** Units whose award totals a case rests on (M31's): other cases keep their lots away. */
  readonly reservedUnits = new Set<number>();
  private readonly used = new Set<number>();
  private readonly kin: KinIndex;
  private readonly taint = new Map<number, Set<number>>();
  private orgTurn = 0;

  constructor(
    readonly world: World,
    readonly rng: Rng,
    readonly factory: CompanyFactory,
    private readonly people: Person[],
    readonly bidderPool: Company[],
  ) {
    this.kin = new KinIndex(world);
    for (const s of currentCompanyPeople(world)) for (const p of s) this.block(p);
    for (const b of world.bids) if (b.managerPerson !== undefined) this.used.add(b.managerPerson);
  }

  private block(p: number): void {
    this.used.add(p);
    for (const k of this.kin.kinOf(p)) this.used.add(k);
  }

  /** How many adults `fresh` could still hand out (a case that needs many checks before it starts). */
  spare(): number {
    return this.people.filter((p) => !this.used.has(p.idx) && !p.planted).length;
  }

  /** An adult no firm, manager or earlier plant is tied to, even as loose kin; then blocked with his kin. */
  fresh(): Person {
    const start = this.rng.int(0, this.people.length - 1);
    for (let i = 0; i < this.people.length; i++) {
      const p = this.people[(start + i) % this.people.length] as Person;
      if (this.used.has(p.idx) || p.planted) continue;
      this.block(p.idx);
      p.planted = true;
      return p;
    }
    // Small counties run out of people with no tie at all: then anyone outside the firms will do, and
    // the self-check in generateCounty still refuses a county where that created a match.
    return this.manager();
  }

  private readonly managersUsed = new Set<number>();
  private readonly reused = new Set<number>();
  /** A person outside every firm, not yet used as project manager or inspector (kin do not matter for those roles). */
  manager(): Person {
    const inFirms = new Set<number>();
    for (const s of this.firms()) for (const p of s) inFirms.add(p);
    for (const b of this.world.bids) if (b.managerPerson !== undefined) this.managersUsed.add(b.managerPerson);
    const start = this.rng.int(0, this.people.length - 1);
    for (let i = 0; i < this.people.length; i++) {
      const p = this.people[(start + i) % this.people.length] as Person;
      if (inFirms.has(p.idx) || this.managersUsed.has(p.idx) || p.planted) continue;
      this.managersUsed.add(p.idx);
      return p;
    }
    // A very small county: reuse someone outside the firms (a manager may also inspect or own a new firm).
    for (let i = 0; i < this.people.length; i++) {
      const p = this.people[(start + i) % this.people.length] as Person;
      if (!inFirms.has(p.idx) && !p.planted && !this.reused.has(p.idx)) {
        this.reused.add(p.idx);
        return p;
      }
    }
    throw new Error('procurement plant: nobody left outside the firms (county too small)');
  }

  /** A works firm; unless `owned: false`, its fresh representative owns 100% and is 执行董事兼总经理. */
  firm(opts: { founded?: Day; insured?: number; rep?: Person; owned?: boolean } = {}): Company {
    const rep = opts.rep ?? this.fresh();
    const c = this.factory.create('bidder', rep, {
      founded: opts.founded ?? this.rng.int(day(2008, 1, 1), day(2017, 12, 31)),
      planted: true,
      trades: WORKS_TRADES,
    });
    c.status = '存续';
    c.insured = opts.insured ?? this.rng.int(8, 60);
    if (opts.owned !== false) {
      this.factory.share(c, { kind: 'person', idx: rep.idx }, 100);
      this.factory.officer(c, rep, '执行董事兼总经理');
    }
    return c;
  }

  cleanFor(org: number, company: number): boolean {
    const t = this.taint.get(org) ?? this.taint.set(org, taintedPeople(this.world, this.kin, org)).get(org)!;
    for (const p of this.firms()[company] ?? []) if (t.has(p)) return false;
    return true;
  }

  private firms(): readonly ReadonlySet<number>[] {
    return currentCompanyPeople(this.world);
  }

  /** County units (not villages) in turn, skipping any whose post holders touch the winner. */
  orgFor(winner: number | undefined, avoid: Set<number> = new Set()): Org {
    const orgs = this.world.orgs.filter((o) => o.village === undefined && !avoid.has(o.idx));
    for (let i = 0; i < orgs.length; i++) {
      const o = orgs[this.orgTurn++ % orgs.length] as Org;
      if (winner === undefined || this.cleanFor(o.idx, winner)) return o;
    }
    throw new Error('procurement plant: no clean unit');
  }

  /** Background firms able to bid on `when`, excluding `not`. */
  rivals(n: number, when: Day, not: number[] = []): number[] {
    const ok = this.bidderPool.filter(
      (c) => c.founded < when - 180 && (c.status === '存续' || c.status === '在业') && !not.includes(c.idx),
    );
    return this.rng.sample(ok, Math.min(n, ok.length)).map((c) => c.idx);
  }

  /** A published lot with these bidders (first bids first) and, unless winner is null, an award. */
  lot(
    org: Org,
    announced: Day,
    bidders: number[],
    winner: number | null,
    opts: { amount?: number; budget?: number; pin?: number[] } = {},
  ): { project: Project; bids: Bid[] } {
    const project = addProject(this.world, this.rng, org, announced, { planted: true, method: '公开招标' });
    if (opts.budget !== undefined) project.budget = opts.budget;
    const from = this.world.bids.length;
    const prices = addBids(this.world, this.rng, project, bidders);
    const bids = this.world.bids.slice(from);
    for (const b of bids) this.habit(b);
    for (const c of opts.pin ?? []) for (const b of bids) if (b.company === c) this.pinned.add(b);
    if (winner !== null) {
      const i = bidders.indexOf(winner);
      const amount = opts.amount ?? (prices[i] as number);
      if (opts.amount !== undefined) (bids[i] as Bid).price = amount;
      this.world.awards.push({
        project: project.idx,
        company: winner,
        amount,
        date: Math.min(announced + this.rng.int(25, 45), SNAPSHOT - 1),
        planted: true,
      });
      this.pinned.add(bids[i] as Bid);
    }
    return { project, bids };
  }

  private readonly phones = new Map<number, string>();
  private readonly managers = new Map<number, number>();
  /** A firm's usual contact phone and project manager on every bid. */
  habit(b: Bid): void {
    const earlier = this.world.bids.find((x) => x.company === b.company && x !== b && x.managerPerson !== undefined);
    let ph = this.phones.get(b.company) ?? earlier?.phone;
    if (!ph) {
      ph = `13${this.rng.int(100000000, 999999999)}`;
    }
    this.phones.set(b.company, ph);
    b.phone = ph;
    let m = this.managers.get(b.company) ?? earlier?.managerPerson;
    // Small works firms' owners are usually their own registered 建造师; a second firm of the same owner
    // (or a county short of people) needs someone else.
    if (m === undefined) {
      const rep = this.world.companies[b.company]?.rep;
      m = rep !== undefined && !this.managersUsed.has(rep) ? rep : this.manager().idx;
      this.managersUsed.add(m);
    }
    this.managers.set(b.company, m);
    b.managerPerson = m;
    b.manager = this.world.persons[m]?.name ?? b.manager;
  }

  randomPhone(): string {
    return phone(this.rng);
  }
}
