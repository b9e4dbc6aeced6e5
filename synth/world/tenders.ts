// Tenders: projects by bureaus, townships, 事业单位/国企 and villages; several bids each; one
// winner per awarded project. Background winners are never linked (by post or loose kin) to the
// tendering unit, so every M03 alert in the data is a planted one.
import { day, SNAPSHOT, ymd, type Day } from './dates.js';
import { companyPeople, KinIndex, taintedPeople } from './kin.js';
import type { Company, Org, Project, World } from './world.js';
import { FoundedBefore } from './founded-before.js';
import { fullName } from './names.js';
import type { Rng } from './prng.js';
import { phone } from './companies.js';

const WORKS: Record<string, string[]> = {
  住建局: ['老旧小区改造工程', '城区道路提升改造工程', '保障性住房配套工程', '城市排水管网改造工程'],
  交通运输局: ['农村公路提升改造工程', '桥梁加固工程', '公路安全生命防护工程', '公交站亭建设项目'],
  水利局: ['山塘水库除险加固工程', '河道综合治理工程', '农村饮用水提标改造工程', '堤防加固工程'],
  教育局: ['中小学校舍维修工程', '智慧教室设备采购项目', '学校食堂改造工程', '运动场改造工程'],
  卫健局: ['医疗设备采购项目', '乡镇卫生院改造工程', '信息化建设项目'],
  农业农村局: ['高标准农田建设项目', '农村生活污水治理工程', '美丽乡村建设工程'],
  村: ['村道硬化工程', '文化礼堂建设工程', '村庄环境整治工程', '农田水利沟渠修缮工程', '路灯安装工程'],
  其他: ['办公楼维修改造工程', '信息化系统建设项目', '绿化养护项目', '设备采购项目', '道路维修工程'],
};

export function projectName(rng: Rng, org: Org, announced: Day): string {
  const works = WORKS[org.short] ?? (org.village !== undefined ? WORKS['村'] : WORKS['其他']) ?? [];
  const y = ymd(announced).y;
  const where = org.village !== undefined ? org.short : rng.chance(0.5) ? `${y}年` : '';
  return `${where}${rng.pick(works)}`;
}

const agentCache = new WeakMap<World, Company[]>();

export function addProject(
  world: World,
  rng: Rng,
  org: Org,
  announced: Day,
  opts: { planted?: boolean; method?: Project['method'] } = {},
): Project {
  const village = org.village !== undefined;
  const method =
    opts.method ??
    (village
      ? rng.pick(['公开招标', '邀请招标', '直接发包', '竞争性谈判'] as const)
      : rng.weighted(['公开招标', '邀请招标', '竞争性谈判', '直接发包'] as const, [60, 75, 90, 100]));
  const budget = village ? rng.int(500, 8000) * 100 : rng.int(5000, 300000) * 100;
  const agents = agentCache.get(world) ?? world.companies.filter((c) => c.role === 'agent');
  agentCache.set(world, agents);
  const p: Project = {
    idx: world.projects.length,
    code: '',
    name: projectName(rng, org, announced),
    org: org.idx,
    budget,
    method,
    announced,
  };
  if ((method === '公开招标' || method === '邀请招标') && agents.length && rng.chance(0.85)) p.agent = rng.pick(agents).idx;
  if (opts.planted) p.planted = true;
  world.projects.push(p);
  return p;
}

/** Bids from `bidders` (company indices); returns the bid price of each, same order. */
export function addBids(world: World, rng: Rng, project: Project, bidders: number[]): number[] {
  return bidders.map((c) => {
    // To the yuan, as real bids are: prices rounded to hundreds met by chance on small village lots and
    // would read as identical bids (M29).
    const price = Math.round(project.budget * (0.82 + rng.next() * 0.17));
    world.bids.push({
      code: '',
      project: project.idx,
      company: c,
      price,
      submitted: project.announced + rng.int(15, 20),
      second: rng.int(8 * 3600, 17 * 3600),
      contact: fullName(rng, rng.chance(0.6)),
      phone: phone(rng),
      manager: fullName(rng, rng.chance(0.8)),
    });
    return price;
  });
}

function biddersFor(method: Project['method'], rng: Rng): number {
  switch (method) {
    case '公开招标':
      return rng.int(3, 7);
    case '邀请招标':
      return rng.int(3, 5);
    case '竞争性谈判':
      return rng.int(2, 3);
    case '直接发包':
      return 1;
  }
}

/** Background tenders. `pool` are the companies that bid (planted companies excluded). */
export function generateTenders(world: World, rng: Rng, persons: number, pool: Company[]): void {
  const n = Math.max(20, Math.round(persons / 100));
  const kin = new KinIndex(world);
  const people = companyPeople(world);
  const taintCache = new Map<number, Set<number>>();
  const clean = (org: number, company: number): boolean => {
    let t = taintCache.get(org);
    if (!t) taintCache.set(org, (t = taintedPeople(world, kin, org)));
    for (const p of people[company] ?? []) if (t.has(p)) return false;
    return true;
  };
  const countyOrgs = world.orgs.filter((o) => o.village === undefined && o.kind === '党政机关' && o.name.endsWith('局'));
  const otherOrgs = world.orgs.filter((o) => o.village === undefined && !o.name.endsWith('局'));
  const villages = world.orgs.filter((o) => o.village !== undefined);
  // The pool's living firms, indexed by founding day; no lot changes a firm's status or founding.
  const living = new FoundedBefore(pool.filter((c) => c.status !== '注销' && c.status !== '吊销'));
  for (let i = 0; i < n; i++) {
    const r = rng.next();
    const org = r < 0.6 ? rng.pick(countyOrgs) : r < 0.8 && otherOrgs.length ? rng.pick(otherOrgs) : rng.pick(villages);
    const announced = rng.int(day(2019, 1, 1), SNAPSHOT - 20);
    const project = addProject(world, rng, org, announced);
    const alive = living.before(announced - 180);
    // Distinct random picks without copying the pool (it is large on million-person runs).
    const want = Math.min(biddersFor(project.method, rng), alive.length);
    const chosen = new Set<number>();
    while (chosen.size < want) chosen.add(alive.at(rng.int(0, alive.length - 1)).idx);
    const bidders = [...chosen];
    // The winner must be clean; bidding alone is not a signal, so tainted companies may still lose.
    let winner = bidders.find((c) => clean(org.idx, c));
    if (winner === undefined) {
      const start = rng.int(0, alive.length - 1);
      const all = alive.list();
      let spare: Company | undefined;
      for (let k = 0; k < all.length && !spare; k++) {
        const c = all[(start + k) % all.length] as Company;
        if (clean(org.idx, c.idx) && !bidders.includes(c.idx)) spare = c;
      }
      if (!spare) continue;
      bidders.push(spare.idx);
      winner = spare.idx;
    }
    const prices = addBids(world, rng, project, bidders);
    const awardDate = announced + rng.int(21, 50);
    if (awardDate < SNAPSHOT && rng.chance(0.9)) {
      world.awards.push({ project: project.idx, company: winner, amount: prices[bidders.indexOf(winner)] as number, date: awardDate });
    }
  }
}
