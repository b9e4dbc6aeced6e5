// Units (Org) and who holds posts in them: county bureaus, a few 事业单位 and 国企, township
// governments and village/community committees, each with a GB 32100 code of the right category.
// Staff sizes scale with the population so a 400-person demo still has a realistic handful.
import { ageOn, day, SNAPSHOT } from './dates.js';
import type { IdIssuer } from './ids.js';
import type { Org, OrgKind, Person, World } from './world.js';
import type { Rng } from './prng.js';
import { COUNTY, TOWNSHIPS, villageNames } from './region.js';

/** Bureaus the planted cases need come first so every run has them. */
export const BUREAUS: [string, string][] = [
  ['住房和城乡建设局', '住建局'],
  ['交通运输局', '交通运输局'],
  ['水利局', '水利局'],
  ['教育局', '教育局'],
  ['卫生健康局', '卫健局'],
  ['农业农村局', '农业农村局'],
  ['财政局', '财政局'],
  ['自然资源和规划局', '自然资源局'],
  ['发展和改革局', '发改局'],
  ['民政局', '民政局'],
  ['人力资源和社会保障局', '人社局'],
  ['文化和广电旅游体育局', '文广旅体局'],
  ['商务局', '商务局'],
  ['应急管理局', '应急管理局'],
  ['市场监督管理局', '市场监管局'],
  ['经济和信息化局', '经信局'],
];
const INSTITUTIONS: [string, string][] = [
  ['第一人民医院', '县一医院'],
  ['中医院', '县中医院'],
  ['城市建设发展中心', '城建中心'],
  ['职业技术学校', '职技校'],
];
const SOES: [string, string][] = [
  ['城市建设投资集团有限公司', '城投集团'],
  ['交通投资集团有限公司', '交投集团'],
];

export function scaleCounts(persons: number): {
  bureaus: number;
  townships: number;
  villages: number;
  institutions: number;
  soes: number;
  staffPerBureau: number;
} {
  return {
    bureaus: Math.min(BUREAUS.length, Math.max(6, Math.round(persons / 2500) + 6)),
    townships: Math.min(TOWNSHIPS.length, Math.max(2, Math.round(persons / 8000))),
    villages: Math.max(4, Math.round(persons / 700)),
    institutions: persons >= 2000 ? INSTITUTIONS.length : 1,
    soes: persons >= 5000 ? SOES.length : 1,
    staffPerBureau: Math.min(60, Math.round(persons / 3000)),
  };
}

export function generateVillages(world: World, rng: Rng, persons: number): void {
  const c = scaleCounts(persons);
  const names = villageNames(rng, c.villages);
  names.forEach((name, i) => {
    world.villages.push({ idx: i, name, township: TOWNSHIPS[i % c.townships] as string, community: i % 7 === 3 });
  });
}

function addOrg(world: World, code: string, name: string, short: string, kind: OrgKind, village?: number): Org {
  const o: Org = { idx: world.orgs.length, code, name, short, kind };
  if (village !== undefined) o.village = village;
  world.orgs.push(o);
  return o;
}

export function generateOrgs(world: World, ids: IdIssuer, persons: number): void {
  const c = scaleCounts(persons);
  for (const [name, short] of BUREAUS.slice(0, c.bureaus)) addOrg(world, ids.uscc('11', false), COUNTY + name, short, '党政机关');
  for (let t = 0; t < c.townships; t++) {
    const tn = TOWNSHIPS[t] as string;
    const name = tn.endsWith('街道') ? `${COUNTY}${tn}办事处` : `${COUNTY}${tn}人民政府`;
    addOrg(world, ids.uscc('11', false), name, tn, '党政机关');
  }
  for (const [name, short] of INSTITUTIONS.slice(0, c.institutions)) addOrg(world, ids.uscc('12', false), COUNTY + name, short, '事业单位');
  for (const [name, short] of SOES.slice(0, c.soes)) addOrg(world, ids.uscc('91', true), COUNTY + name, short, '国企');
  for (const v of world.villages) {
    const name = v.community ? `${v.township}${v.name}社区居民委员会` : `${v.township}${v.name}村民委员会`;
    addOrg(world, ids.uscc('54', true), name, v.community ? `${v.name}社区` : `${v.name}村`, v.community ? '居委会' : '村委会', v.idx);
  }
}

type Slot = { title: string; level: string; leader: boolean };

/** The deputy title that fits the unit, for earlier (ended) posts. */
function deputyTitle(org: Org): [string, string] {
  if (org.kind === '事业单位') return ['副院长', '副科级'];
  if (org.kind === '国企') return ['副总经理', ''];
  if (org.name.endsWith('局')) return ['副局长', '副科级'];
  return [org.name.endsWith('办事处') ? '副主任' : org.short.endsWith('乡') ? '副乡长' : '副镇长', '副科级'];
}

function slotsFor(org: Org, staff: number, rng: Rng): Slot[] {
  const s: Slot[] = [];
  const staffSlots = (n: number, titles: [string, string][]): void => {
    for (let i = 0; i < n; i++) {
      const [title, level] = rng.pick(titles);
      s.push({ title, level, leader: false });
    }
  };
  switch (org.kind) {
    case '党政机关':
      if (org.name.endsWith('局')) {
        s.push({ title: '局长', level: '正科级', leader: true }, { title: '副局长', level: '副科级', leader: true });
        if (staff >= 2) s.push({ title: '副局长', level: '副科级', leader: true });
        staffSlots(staff, [
          ['科长', '四级主任科员'],
          ['办公室主任', '三级主任科员'],
          ['科员', '一级科员'],
          ['科员', '二级科员'],
        ]);
      } else {
        const head = org.name.endsWith('办事处') ? '主任' : org.short.endsWith('乡') ? '乡长' : '镇长';
        s.push(
          { title: '党委书记', level: '正科级', leader: true },
          { title: head, level: '正科级', leader: true },
          { title: `副${head}`, level: '副科级', leader: true },
        );
        staffSlots(staff, [
          ['科员', '一级科员'],
          ['办公室主任', '四级主任科员'],
        ]);
      }
      break;
    case '事业单位':
      s.push({ title: '院长', level: '正科级', leader: true }, { title: '副院长', level: '副科级', leader: true });
      staffSlots(staff, [
        ['科室主任', '专技七级'],
        ['职员', '管理九级'],
      ]);
      break;
    case '国企':
      s.push({ title: '董事长', level: '', leader: true }, { title: '总经理', level: '', leader: true });
      staffSlots(staff, [
        ['部门经理', ''],
        ['副总经理', ''],
      ]);
      break;
    default:
      s.push(
        { title: '党支部书记', level: '', leader: true },
        { title: org.kind === '村委会' ? '村委会主任' : '居委会主任', level: '', leader: true },
        { title: '委员', level: '', leader: false },
      );
      if (staff >= 1) s.push({ title: '委员', level: '', leader: false });
  }
  return s;
}

/** Hands out posts to background adults. Village posts go to residents of that village; a person
 * holds at most one current post; some have an earlier, ended post or only an ended one. */
export function generatePosts(world: World, rng: Rng, persons: number, eligible: (p: Person) => boolean): void {
  const c = scaleCounts(persons);
  const taken = new Set<number>();
  const byVillage = new Map<number, Person[]>();
  const county: Person[] = [];
  for (const p of world.persons) {
    if (!eligible(p) || p.cancel) continue;
    const age = ageOn(p.birth, SNAPSHOT);
    if (age >= 25 && age <= 58) county.push(p);
    if (age >= 28 && age <= 65) {
      const v = (world.households[p.hh] as { village: number }).village;
      let list = byVillage.get(v);
      if (!list) byVillage.set(v, (list = []));
      list.push(p);
    }
  }
  // Leaders are at least 35 at the snapshot; everyone starts a post at 23 (leaders at 30) or later.
  const pickFrom = (pool: Person[], minAge = 0): Person | undefined => {
    for (let tries = 0; tries < 60 && pool.length; tries++) {
      const p = rng.pick(pool);
      if (!taken.has(p.idx) && ageOn(p.birth, SNAPSHOT) >= minAge) {
        taken.add(p.idx);
        return p;
      }
    }
    return undefined;
  };
  const countyOrgs = world.orgs.filter((o) => o.village === undefined);
  const villageTermStart = day(2021, 1, 15);
  for (const org of world.orgs) {
    for (const slot of slotsFor(org, org.village === undefined ? c.staffPerBureau : Math.round(persons / 20000), rng)) {
      const p = org.village === undefined ? pickFrom(county, slot.leader ? 35 : 0) : pickFrom(byVillage.get(org.village) ?? []);
      if (!p) continue;
      const adult = p.birth + (slot.leader ? 30 : 23) * 365;
      const from = org.village === undefined ? Math.max(adult, SNAPSHOT - rng.int(180, 365 * 9)) : villageTermStart;
      world.posts.push({ person: p.idx, org: org.idx, title: slot.title, level: slot.level, leader: slot.leader, from });
      if (org.village === undefined && rng.chance(0.3) && from - adult > 800) {
        // An earlier post elsewhere that ended when this one began (rotation).
        const prev = rng.pick(countyOrgs);
        const [title, level] = slot.leader ? deputyTitle(prev) : ['科员', '一级科员'];
        world.posts.push({
          person: p.idx,
          org: prev.idx,
          title,
          level,
          leader: slot.leader,
          from: Math.max(adult, from - rng.int(700, 2500)),
          to: from - 1,
        });
      } else if (org.village !== undefined && rng.chance(0.5)) {
        world.posts.push({
          person: p.idx,
          org: org.idx,
          title: '委员',
          level: '',
          leader: false,
          from: day(2017, 1, 10),
          to: villageTermStart - 1,
        });
      }
    }
    // A retired or transferred-out official: ended post, no current one.
    if (org.village === undefined && rng.chance(0.35)) {
      const p = pickFrom(county, 40);
      if (p) {
        const to = SNAPSHOT - rng.int(60, 1500);
        const [title, level] = deputyTitle(org);
        world.posts.push({
          person: p.idx,
          org: org.idx,
          title,
          level,
          leader: true,
          from: Math.max(p.birth + 30 * 365, to - rng.int(700, 3000)),
          to,
        });
      }
    }
  }
}
