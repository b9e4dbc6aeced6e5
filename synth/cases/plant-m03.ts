// Planted M03 cases ("kin of an official at a winning bidder") and near misses that must not
// alert. Each case builds its own households, so the kin path is exactly the one intended:
//   A1 spouse, linked only by a 婚姻登记 record (separate households)   → LEGAL_REP   住建局
//   A2 child (22 长子) in the official's household                       → SHAREHOLDER 交通运输局
//   A3 sibling: both sons (22, 23) still in their parents' household     → EXECUTIVE   水利局
//   A4 parent: the village secretary is 22 长子 in his father's household → LEGAL_REP   a 村委会
//   N1 wife's company won a DIFFERENT unit's tender                       (no alert)
//   N2 daughter's company won after the official's post ended             (no alert)
//   N3 same surname, unrelated household                                  (no alert)
//   N4 a 99 非亲属 lodger in the official's household                     (no alert)
import { day, type Day } from '../world/dates.js';
import type { Person, Post, World } from '../world/world.js';
import { givenName, surname } from '../world/names.js';
import type { Population } from '../world/population.js';
import type { Rng } from '../world/prng.js';

export type Relation = 'spouse' | 'child' | 'sibling' | 'parent' | 'not_kin';
export type Role = 'LEGAL_REP' | 'SHAREHOLDER' | 'EXECUTIVE';

export interface CaseDef {
  id: string;
  kind: string;
  expected: 'alert' | 'no_alert';
  /** Short name of the official's unit (or 'village' for the first 村委会). */
  unit: string;
  /** Short name of the tendering unit, when it differs from the official's. */
  tenderUnit?: string;
  title: string;
  postFrom: Day;
  postTo?: Day;
  relation: Relation;
  role: Role;
  announced: Day;
  awarded: Day;
  note: string;
}

export const CASES: CaseDef[] = [
  { id: 'M03-A1', kind: 'spouse_via_marriage_record', expected: 'alert', unit: '住建局', title: '副局长', postFrom: day(2019, 3, 1), relation: 'spouse', role: 'LEGAL_REP', announced: day(2022, 7, 12), awarded: day(2022, 8, 16), note: 'wife registered in her own household; only 婚姻登记 links them' },
  { id: 'M03-A2', kind: 'child_same_household', expected: 'alert', unit: '交通运输局', title: '副局长', postFrom: day(2018, 6, 15), relation: 'child', role: 'SHAREHOLDER', announced: day(2021, 4, 6), awarded: day(2021, 5, 11), note: 'son (22 长子) in the official\'s household holds 49%' },
  { id: 'M03-A3', kind: 'sibling_via_parents_household', expected: 'alert', unit: '水利局', title: '副局长', postFrom: day(2020, 1, 10), relation: 'sibling', role: 'EXECUTIVE', announced: day(2023, 3, 1), awarded: day(2023, 4, 7), note: 'official (22) and brother (23) both registered in their father\'s household; brother is 总经理' },
  { id: 'M03-A4', kind: 'parent_village_cadre', expected: 'alert', unit: 'village', title: '党支部书记', postFrom: day(2021, 1, 15), relation: 'parent', role: 'LEGAL_REP', announced: day(2022, 4, 18), awarded: day(2022, 5, 20), note: 'village secretary is 22 长子 in his father\'s household; the father\'s firm won the village tender' },
  { id: 'M03-N1', kind: 'near_miss_other_unit', expected: 'no_alert', unit: '教育局', tenderUnit: '农业农村局', title: '副局长', postFrom: day(2019, 9, 1), relation: 'spouse', role: 'LEGAL_REP', announced: day(2022, 10, 10), awarded: day(2022, 11, 15), note: 'wife\'s company won a tender of a different unit' },
  { id: 'M03-N2', kind: 'near_miss_post_ended', expected: 'no_alert', unit: '卫健局', title: '副局长', postFrom: day(2015, 3, 1), postTo: day(2021, 6, 30), relation: 'child', role: 'LEGAL_REP', announced: day(2022, 8, 1), awarded: day(2022, 9, 6), note: 'award date after the official\'s post ended' },
  { id: 'M03-N3', kind: 'near_miss_same_surname', expected: 'no_alert', unit: '教育局', title: '副局长', postFrom: day(2020, 5, 1), relation: 'not_kin', role: 'LEGAL_REP', announced: day(2023, 5, 8), awarded: day(2023, 6, 12), note: 'representative shares surname and a given-name character, but lives in an unrelated household' },
  { id: 'M03-N4', kind: 'near_miss_non_kin_99', expected: 'no_alert', unit: '农业农村局', title: '副局长', postFrom: day(2018, 3, 1), relation: 'not_kin', role: 'LEGAL_REP', announced: day(2021, 9, 1), awarded: day(2021, 10, 8), note: 'representative is a 99 非亲属 lodger in the official\'s household' },
];

export interface PlantedPeople {
  def: CaseDef;
  official: Person;
  relative: Person;
}

/** Builds the planted households (village 0 is the 村委会 of case A4). */
export function plantHouseholds(pop: Population, rng: Rng, villages: number[]): PlantedPeople[] {
  const v = (): number => rng.pick(villages);
  const out: PlantedPeople[] = [];
  for (const def of CASES) {
    const fam = surname(rng);
    let official: Person;
    let relative: Person;
    switch (def.id) {
      case 'M03-A1': {
        const [p] = pop.household(v(), [{ rel: '02', male: true, age: 48, family: fam }, { rel: '21', male: true, age: 20, family: fam }], true);
        const [k] = pop.household(v(), [{ rel: '02', male: false, age: 46 }], true);
        official = p as Person; relative = k as Person;
        pop.marry(official, relative, day(2003, 9, 1), true);
        break;
      }
      case 'M03-A2': {
        const hh = pop.household(v(), [{ rel: '02', male: true, age: 56, family: fam }, { rel: '10', male: false, age: 54 }, { rel: '22', male: true, age: 31, family: fam }, { rel: '38', male: false, age: 29 }, { rel: '41', male: true, age: 4, family: fam }, { rel: '32', male: false, age: 27, family: fam }], true);
        official = hh[0] as Person; relative = hh[2] as Person;
        break;
      }
      case 'M03-A3': {
        const hh = pop.household(v(), [{ rel: '02', male: true, age: 79, family: fam }, { rel: '10', male: false, age: 76 }, { rel: '22', male: true, age: 52, family: fam }, { rel: '23', male: true, age: 47, family: fam }], true);
        official = hh[2] as Person; relative = hh[3] as Person;
        const [wife] = pop.household(v(), [{ rel: '02', male: false, age: 50 }], true);
        pop.marry(official, wife as Person, undefined, true);
        break;
      }
      case 'M03-A4': {
        const hh = pop.household(0, [{ rel: '02', male: true, age: 61, family: fam }, { rel: '10', male: false, age: 59 }, { rel: '22', male: true, age: 35, family: fam }, { rel: '38', male: false, age: 33 }, { rel: '41', male: false, age: 6, family: fam }], true);
        official = hh[2] as Person; relative = hh[0] as Person;
        break;
      }
      case 'M03-N1': {
        const hh = pop.household(v(), [{ rel: '02', male: true, age: 50, family: fam }, { rel: '10', male: false, age: 48 }, { rel: '21', male: true, age: 22, family: fam }], true);
        official = hh[0] as Person; relative = hh[1] as Person;
        pop.marry(official, relative, hh[2]?.birth, true);
        break;
      }
      case 'M03-N2': {
        const hh = pop.household(v(), [{ rel: '02', male: true, age: 57, family: fam }, { rel: '10', male: false, age: 55 }, { rel: '31', male: false, age: 30, family: fam }], true);
        official = hh[0] as Person; relative = hh[2] as Person;
        break;
      }
      case 'M03-N3': {
        // Same surname and one shared given-name character: a name join would link them.
        const shared = givenName(rng, true).slice(0, 1);
        const hh = pop.household(v(), [{ rel: '02', male: true, age: 45, name: fam + shared + givenName(rng, true).slice(-1) }, { rel: '10', male: false, age: 44 }], true);
        const other = pop.household(v(), [{ rel: '02', male: true, age: 43, name: fam + shared + givenName(rng, true).slice(-1) }, { rel: '10', male: false, age: 41 }], true);
        official = hh[0] as Person; relative = other[0] as Person;
        break;
      }
      default: {
        const hh = pop.household(v(), [{ rel: '02', male: true, age: 52, family: fam }, { rel: '10', male: false, age: 50 }, { rel: '99', male: true, age: 40 }], true);
        official = hh[0] as Person; relative = hh[2] as Person;
      }
    }
    out.push({ def, official, relative });
  }
  return out;
}

export function plantPost(world: World, pp: PlantedPeople, org: number): Post {
  const d = pp.def;
  const post: Post = { person: pp.official.idx, org, title: d.title, level: d.unit === 'village' ? '' : '副科级', leader: true, from: d.postFrom, planted: true };
  if (d.postTo !== undefined) post.to = d.postTo;
  world.posts.push(post);
  return post;
}
