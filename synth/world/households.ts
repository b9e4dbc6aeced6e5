// Background households: nuclear, three-generation (head's parents, married sons with 儿媳 and
// grandchildren, the odd 女婿 who married in), elderly couples, people living alone, couples whose
// wife is still registered in a household of her own (linked only by 婚姻登记, some divorced), and
// households with a lodger (99 非亲属). Total persons are exactly the budget.
import { SNAPSHOT } from './dates.js';
import type { World } from './world.js';
import { surname } from './names.js';
import type { MemberSpec, Population } from './population.js';
import type { Rng } from './prng.js';

type Spec = MemberSpec & { child?: boolean };

/** Relation codes for the head's children by sex and birth order (GB/T 4761). */
function childCodes(kids: { male: boolean; age: number }[]): string[] {
  const sons = kids.filter((k) => k.male).sort((a, b) => b.age - a.age);
  const daughters = kids.filter((k) => !k.male).sort((a, b) => b.age - a.age);
  return kids.map((k) => {
    if (k.male) return sons.length === 1 && daughters.length === 0 ? '21' : String(22 + Math.min(sons.indexOf(k), 4));
    return daughters.length === 1 && sons.length === 0 ? '31' : String(32 + Math.min(daughters.indexOf(k), 4));
  });
}

function spouseCode(rng: Rng): string {
  return rng.chance(0.85) ? '10' : '12';
}

interface Plan {
  members: Spec[];
  /** Pairs of member positions that are married couples (husband, wife). */
  couples: [number, number][];
  /** A wife registered in her own household (split registration). */
  splitWife?: Spec;
  divorced?: boolean;
}

function kids(rng: Rng, n: number, minAge: number, maxAge: number): { male: boolean; age: number }[] {
  const out: { male: boolean; age: number }[] = [];
  for (let i = 0; i < n; i++) out.push({ male: rng.chance(0.52), age: rng.int(Math.max(0, minAge), Math.max(0, maxAge)) });
  return out;
}

function plan(rng: Rng): Plan {
  const fam = surname(rng);
  const r = rng.next();
  const m: Spec[] = [];
  const couples: [number, number][] = [];
  const addCouple = (headAge: number): void => {
    m.push({ rel: '02', male: true, age: headAge, family: fam });
    m.push({ rel: spouseCode(rng), male: false, age: Math.max(20, headAge - rng.int(-2, 5)), incomer: rng.chance(0.2) });
    couples.push([0, 1]);
  };
  const addKids = (list: { male: boolean; age: number }[]): void => {
    const codes = childCodes(list);
    list.forEach((k, i) =>
      m.push({
        rel: codes[i] as string,
        male: k.male,
        age: k.age,
        family: fam,
        child: true,
        movedOut: k.age >= 18 && k.age <= 35 && rng.chance(0.03),
      }),
    );
  };
  if (r < 0.38) {
    const head = rng.int(27, 56);
    addCouple(head);
    addKids(kids(rng, rng.weighted([0, 1, 2, 3], [1, 5, 9, 10]), 0, Math.min(head - 24, 30)));
    return { members: m, couples };
  }
  if (r < 0.66) {
    // Three generations: 户主 and 配偶, perhaps the 户主's parents, married sons with their families.
    const head = rng.int(50, 76);
    addCouple(head);
    if (head <= 62 && rng.chance(0.45)) {
      const fAge = head + rng.int(23, 32);
      if (fAge < 96) m.push({ rel: '51', male: true, age: fAge, family: fam, dead: fAge > 70 && rng.chance((fAge - 68) / 40) });
      m.push({ rel: '52', male: false, age: head + rng.int(21, 29), dead: rng.chance(0.15) });
    }
    const list = kids(rng, rng.weighted([1, 2, 3], [4, 8, 10]), 18, head - 22);
    const codes = childCodes(list);
    list.forEach((k, i) => {
      const code = codes[i] as string;
      if (k.male) {
        const at = m.length;
        m.push({ rel: code, male: true, age: k.age, family: fam, child: true });
        if (k.age >= 24 && rng.chance(0.7)) {
          m.push({ rel: '38', male: false, age: Math.max(20, k.age - rng.int(-2, 4)), incomer: rng.chance(0.3) });
          couples.push([at, at + 1]);
          for (const g of kids(rng, rng.int(0, 2), 0, k.age - 23))
            m.push({ rel: g.male ? '41' : '42', male: g.male, age: g.age, family: fam });
        }
      } else if (k.age < 25 || rng.chance(0.12)) {
        const at = m.length;
        m.push({ rel: code, male: false, age: k.age, family: fam, child: true });
        if (k.age >= 25 && rng.chance(0.4)) {
          // 入赘: the son-in-law lives with his wife's family (28 女婿), children 外孙.
          const sonInLaw = surname(rng);
          m.push({ rel: '28', male: true, age: k.age + rng.int(-1, 4), family: sonInLaw, incomer: rng.chance(0.3) });
          couples.push([at + 1, at]);
          for (const g of kids(rng, rng.int(0, 2), 0, k.age - 23))
            m.push({ rel: g.male ? '43' : '44', male: g.male, age: g.age, family: sonInLaw });
        }
      }
      // Older daughters have usually married out and are registered with their husbands.
    });
    return { members: m, couples };
  }
  if (r < 0.78) {
    addCouple(rng.int(58, 86));
    const last = m[1] as Spec;
    if (last.age > 72) last.dead = rng.chance(0.25);
    return { members: m, couples };
  }
  if (r < 0.89) {
    const age = rng.int(20, 92);
    const male = rng.chance(0.5);
    m.push({ rel: '02', male, age, family: male ? fam : undefined });
    if (age > 66 && rng.chance(0.5))
      m.push({ rel: '10', male: !male, age: age + rng.int(-3, 5), family: male ? undefined : fam, dead: true });
    if (m.length === 2 && !male) couples.push([1, 0]);
    else if (m.length === 2) couples.push([0, 1]);
    return { members: m, couples };
  }
  if (r < 0.96) {
    // Husband and children here; the wife's 户口 never moved (own household, 婚姻登记 only).
    const head = rng.int(28, 55);
    m.push({ rel: '02', male: true, age: head, family: fam });
    addKids(kids(rng, rng.int(0, 2), 0, Math.min(head - 24, 25)));
    return {
      members: m,
      couples,
      splitWife: { rel: '02', male: false, age: Math.max(21, head - rng.int(-2, 5)), incomer: rng.chance(0.4) },
      divorced: rng.chance(0.15),
    };
  }
  const head = rng.int(30, 60);
  addCouple(head);
  addKids(kids(rng, rng.int(0, 2), 0, Math.min(head - 24, 25)));
  m.push({ rel: '99', male: rng.chance(0.5), age: rng.int(18, 62) });
  return { members: m, couples };
}

/** Fills `budget` persons of background households into `villages` (indices). */
export function generateHouseholds(world: World, pop: Population, rng: Rng, budget: number, villages: number[]): void {
  let left = budget;
  while (left > 0) {
    const p = plan(rng);
    const members = p.members.slice(0, left);
    left -= members.length;
    const village = rng.pick(villages);
    const people = pop.household(village, members);
    const eldest = (from: number): number | undefined => {
      const born = people.filter((x, i) => (members[i] as Spec).child && i > from).map((x) => x.birth);
      return born.length ? Math.min(...born) : undefined;
    };
    for (const [h, wi] of p.couples) {
      const husband = people[h];
      const wife = people[wi];
      if (husband && wife) pop.marry(husband, wife, h === 0 || wi === 0 ? eldest(0) : undefined);
    }
    if (p.splitWife && left > 0) {
      left -= 1;
      const [wife] = pop.household(rng.chance(0.7) ? village : rng.pick(villages), [p.splitWife]);
      const husband = people[0];
      if (wife && husband) {
        const m = pop.marry(husband, wife, eldest(0));
        if (m && p.divorced && m.date < SNAPSHOT - 400) {
          world.marriages.push({ male: husband.idx, female: wife.idx, date: rng.int(m.date + 365, SNAPSHOT - 30), kind: '离婚' });
        }
      }
    }
  }
}
