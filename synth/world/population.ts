// Materialising people and households into the World: the one place that turns a member spec
// (relation code, sex, age, surname) into a Person with a checksum-valid ID number. Background
// households (households.ts) and planted cases (cases/) both go through here.
import { day, SNAPSHOT, type Day } from './dates.js';
import type { IdIssuer } from './ids.js';
import type { Household, Marriage, Person, World } from './world.js';
import { fullName, surname } from './names.js';
import type { Rng } from './prng.js';
import { address, COUNTY_CODE, OTHER_REGION_CODES } from './region.js';

export interface MemberSpec {
  rel: string;
  male: boolean;
  age: number;
  /** Family name; drawn at random when absent (spouses, lodgers). */
  family?: string;
  /** Exact name (planted cases need a controlled same-surname look-alike). */
  name?: string;
  /** Born outside the county: ID carries another region code. */
  incomer?: boolean;
  dead?: boolean;
  movedOut?: boolean;
}

export class Population {
  constructor(
    private readonly world: World,
    private readonly rng: Rng,
    private readonly ids: IdIssuer,
  ) {}

  birthFor(age: number): Day {
    // Born between (age+1) and age years before the snapshot.
    return SNAPSHOT - age * 365 - Math.floor(age / 4) - this.rng.int(1, 364);
  }

  newPerson(spec: MemberSpec, hh: number, planted: boolean): Person {
    const birth = this.birthFor(spec.age);
    const region = spec.incomer ? this.rng.pick(OTHER_REGION_CODES) : COUNTY_CODE;
    const p: Person = {
      idx: this.world.persons.length,
      idNo: this.ids.person(region, birth, spec.male),
      name: spec.name ?? fullName(this.rng, spec.male, spec.family ?? surname(this.rng)),
      male: spec.male,
      birth,
      hh,
      rel: spec.rel,
    };
    if (spec.dead) {
      const earliest = Math.max(birth + 365 * 50, SNAPSHOT - 3650);
      p.cancel = { date: this.rng.int(Math.min(earliest, SNAPSHOT - 30), SNAPSHOT - 30), reason: '死亡' };
    } else if (spec.movedOut) {
      p.cancel = { date: SNAPSHOT - this.rng.int(30, 1800), reason: '迁出' };
    }
    if (planted) p.planted = true;
    this.world.persons.push(p);
    return p;
  }

  /** Adds a household in `village` and returns its members in spec order. */
  household(village: number, specs: MemberSpec[], planted = false): Person[] {
    const w = this.world;
    const idx = w.households.length;
    const v = w.villages[village];
    if (!v) throw new Error(`no village ${village}`);
    // (idx+1)*7919 mod a prime is a bijection below the prime: unique, scattered 9-digit 户号.
    const hhNo = String(310000000 + (((idx + 1) * 7919) % 9999991));
    const hh: Household = {
      idx,
      hhNo,
      address: address(v.township, v.name, v.community, this.rng.int(1, 12), this.rng.int(1, 199)),
      village,
      members: [],
    };
    w.households.push(hh);
    const out = specs.map((s) => this.newPerson(s, idx, planted));
    hh.members = out.map((p) => p.idx);
    return out;
  }

  /** A 结婚 registration, dated before the eldest child and after both turned 20/22. Registrations
   * before 1986 were never digitised, so older couples are known from the household only. */
  marry(husband: Person, wife: Person, eldestChildBirth: Day | undefined, planted = false): Marriage | undefined {
    const earliest = Math.max(husband.birth + 22 * 365 + 6, wife.birth + 20 * 365 + 5);
    const latest = Math.min(eldestChildBirth !== undefined ? eldestChildBirth - 300 : SNAPSHOT - 60, SNAPSHOT - 60);
    const date = latest <= earliest ? earliest : this.rng.int(earliest, Math.min(latest, earliest + 365 * 6));
    if (date < day(1986, 1, 1) && !planted) return undefined;
    const m: Marriage = { male: husband.idx, female: wife.idx, date: Math.min(date, SNAPSHOT - 30), kind: '结婚' };
    if (planted) m.planted = true;
    this.world.marriages.push(m);
    return m;
  }
}
