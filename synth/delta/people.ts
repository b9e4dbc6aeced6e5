// The month's civil records: births, deaths (with their cremation), people moving out of the county and a
// household moving in, as the household register (户籍人口, a full snapshot: every household again, with
// the month's changes); the deaths as 死亡火化登记 and the marriages as 婚姻登记 (deltas: the month's
// registrations only); and the Party roll (党员信息, part of a full-snapshot feed: every member, and the
// month's new 预备党员).
import { ageOn, SNAPSHOT, type Day } from '../world/dates.js';
import { IdIssuer } from '../world/ids.js';
import { fullName } from '../world/names.js';
import { Rng } from '../world/prng.js';
import type { Death, PartyMember, Records } from '../world/records.js';
import { address, COUNTY_CODE, OTHER_REGION_CODES } from '../world/region.js';
import type { Household, Marriage, Person, World } from '../world/world.js';
import { july, perMonth, type People } from './month.js';

const HOMES = ['桐庐县殡仪馆', '桐庐县殡仪馆分水分馆'];

export interface CivilMonth {
  /** The county's people and households as the register stands at the month's end. */
  persons: Person[];
  households: Household[];
  deaths: Death[];
  marriages: Marriage[];
  party: PartyMember[];
  counts: { births: number; deaths: number; movedOut: number; movedIn: number; marriages: number; divorces: number; partyJoined: number };
}

/**
 * The month's civil changes. `onPayroll`: people paid by a unit (they neither die nor move away here, so
 * July's pay run stays true). Deaths and moves change rows of the register; births and the household
 * moving in add rows.
 */
export function civilMonth(world: World, records: Records, people: People, onPayroll: ReadonlySet<number>, seed: number): CivilMonth {
  const rng = new Rng(seed, 'delta-civil');
  const ids = new IdIssuer(new Rng(seed, 'delta-person-ids'));
  const persons = world.persons.slice();
  const households = world.households.slice();
  const n = world.persons.length;

  // About 7 deaths a year in 1,000 people, all of the old; cremated within three days, inside the month.
  const dying = people.take(perMonth(n, 0.0006), 72, 100, (p) => !onPayroll.has(p.idx));
  const deaths = dying.map((p, i): Death => {
    const date = july(rng.int(1, 27));
    persons[p.idx] = { ...p, cancel: { date, reason: '死亡' } };
    return {
      person: p.idx,
      date,
      cremation: date + rng.int(1, 3),
      home: rng.pick(HOMES),
      certNo: `HH330122${String(records.deaths.length + i + 1).padStart(6, '0')}`,
    };
  });

  // Young adults moving out of the county: their row again, cancelled (注销原因 迁出).
  const leaving = people.take(perMonth(n, 0.0004), 20, 35, (p) => !onPayroll.has(p.idx) && p.rel !== '02');
  for (const p of leaving) persons[p.idx] = { ...p, cancel: { date: july(rng.int(1, 30)), reason: '迁出' } };

  // Births to couples where the head is 24–40 and his wife (配偶) lives with him.
  const couples = world.households.filter((hh) => {
    const head = world.persons[hh.members[0] ?? -1];
    const wife = hh.members.map((m) => world.persons[m]!).find((m) => m.rel === '10' || m.rel === '12');
    return (
      !!head &&
      head.rel === '02' &&
      head.male &&
      !head.planted &&
      !head.cancel &&
      ageOn(head.birth, SNAPSHOT) >= 24 &&
      ageOn(head.birth, SNAPSHOT) <= 40 &&
      !!wife &&
      !wife.cancel &&
      !wife.planted
    );
  });
  const births = rng.sample(couples, perMonth(n, 0.0007));
  for (const hh of births) {
    const male = rng.chance(0.52);
    const birth = july(rng.int(1, 28));
    const head = world.persons[hh.members[0]!]!;
    const baby: Person = {
      idx: persons.length,
      idNo: ids.person(COUNTY_CODE, birth, male),
      name: fullName(rng, male, head.name.slice(0, 1)),
      male,
      birth,
      hh: hh.idx,
      rel: male ? '20' : '30',
    };
    persons.push(baby);
    households[hh.idx] = { ...hh, members: [...hh.members, baby.idx] };
  }

  // A young couple moving in from outside the county (迁入): a new household in a village.
  const movedIn: Person[] = [];
  for (let k = 0; k < perMonth(n, 0.0001); k++) {
    const idx = households.length;
    const v = world.villages[rng.int(0, world.villages.length - 1)]!;
    const hh: Household = {
      idx,
      // As population.ts numbers them: (idx+1)*7919 mod a prime is unique below it.
      hhNo: String(310000000 + (((idx + 1) * 7919) % 9999991)),
      address: address(v.township, v.name, v.community, rng.int(1, 12), rng.int(1, 199)),
      village: v.idx,
      members: [],
    };
    const family = fullName(rng, true).slice(0, 1);
    for (const [rel, male, age] of [
      ['02', true, rng.int(27, 34)],
      ['10', false, rng.int(25, 32)],
    ] as const) {
      const birth: Day = SNAPSHOT - age * 365 - rng.int(1, 364);
      const p: Person = {
        idx: persons.length,
        idNo: ids.person(rng.pick(OTHER_REGION_CODES), birth, male),
        name: fullName(rng, male, male ? family : undefined),
        male,
        birth,
        hh: idx,
        rel,
      };
      persons.push(p);
      hh.members.push(p.idx);
      movedIn.push(p);
    }
    households.push(hh);
  }

  // Marriages registered in July: unmarried sons and daughters of two households.
  const married = new Set(world.marriages.flatMap((m) => [m.male, m.female]));
  const single = (p: Person) => !married.has(p.idx) && (p.rel.startsWith('2') || p.rel.startsWith('3'));
  const grooms = people.take(perMonth(n, 0.0004), 24, 34, (p) => p.male && single(p));
  const brides = people.take(grooms.length, 22, 32, (p) => !p.male && single(p));
  const marriages = brides.map((f, i): Marriage => ({ male: grooms[i]!.idx, female: f.idx, date: july(rng.int(1, 31)), kind: '结婚' }));
  // And a few divorces of couples the register married (their spouse tie gets its end date).
  const divorced = new Set(world.marriages.filter((m) => m.kind === '离婚').map((m) => `${m.male}|${m.female}`));
  const couplesMarried = world.marriages.filter((m) => m.kind === '结婚' && !m.planted && !divorced.has(`${m.male}|${m.female}`));
  let divorces = 0;
  for (const m of rng.sample(couplesMarried, perMonth(n, 0.0001) * 3)) {
    if (divorces >= perMonth(n, 0.0001)) break;
    const [h, w] = [world.persons[m.male]!, world.persons[m.female]!];
    if (!people.claim(h)) continue;
    if (!people.claim(w)) continue;
    marriages.push({ male: m.male, female: m.female, date: july(rng.int(1, 31)), kind: '离婚' });
    divorces++;
  }

  // New 预备党员 admitted in July (the roll is sent whole: everyone else as before).
  const members = new Set(records.party.map((m) => m.person));
  const inCases = new Set(records.cases.flatMap((c) => c.parties.map((x) => x.person)));
  const joined = people.take(perMonth(n, 0.0003), 25, 45, (p) => !members.has(p.idx) && !inCases.has(p.idx));
  const party = [
    ...records.party,
    ...joined.map((p): PartyMember => ({
      person: p.idx,
      joined: july(rng.int(1, 31)),
      branch: '',
      job: rng.pick(['农民', '个体', '企业职工']),
    })),
  ];

  return {
    persons,
    households,
    deaths,
    marriages,
    party,
    counts: {
      births: births.length,
      deaths: deaths.length,
      movedOut: leaving.length,
      movedIn: movedIn.length,
      marriages: marriages.length - divorces,
      divorces,
      partyJoined: joined.length,
    },
  };
}
