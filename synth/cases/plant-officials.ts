// Planted integrity cases (catalog M01, M02, M17, M18, M22) with near misses, each in households of
// its own so no kin path exists but the intended one. People are built before the background (like
// M03); posts, companies, cases and sanctions are added by the returned Finish closures.
//   M01 official holds a business         A1 legal rep   A2 shareholder since before the post
//                                         N1 shareholding ended before the post   N2 company 注销
//   M02 leader's spouse/child-in-law      A1 spouse rep  A2 儿媳 shareholder
//                                         N1 son's company registered outside the county   N2 brother (not in scope)
//   M17 penalised, never disciplined      A1 member, 殴打他人   A2 official, 赌博
//                                         N1 sanction exists    N2 case before joining the Party
//   M18 drink-driving                     A1 official (sanctioned)   A2 member, 醉驾 (expelled)
//                                         N1 same name as A1's official, not a member or official
//   M22 promoted inside an impact period  A1 党内警告 → 科长   A2 政务记过 → 副局长   N1 promoted after it ended
import { day, type Day } from '../world/dates.js';
import type { Person } from '../world/world.js';
import type { Finish, IntegrityCase } from './plant-context.js';
import type { Population } from '../world/population.js';
import type { Rng } from '../world/prng.js';
import { companyUid, orgUid } from '../world/record-helpers.js';
import type { CaseParty } from '../world/records.js';

const BUREAUS = ['住建局', '交通运输局', '水利局', '教育局', '卫健局', '农业农村局'];

const party = (p: Person, role: CaseParty['role'], penalty: string, political: CaseParty['political'], job: string, employer: string): CaseParty =>
  ({ person: p.idx, role, penalty, political, job, employer });

export function planOfficials(pop: Population, rng: Rng, villages: number[], set: number): Finish[] {
  const v = (): number => rng.pick(villages);
  const bureau = (i: number): string => BUREAUS[(set + i) % BUREAUS.length] as string;
  const alone = (age: number, male = true, name?: string): Person => pop.household(v(), [{ rel: '02', male, age, ...(name ? { name } : {}) }], true)[0] as Person;
  const couple = (age: number): Person[] => { const hh = pop.household(v(), [{ rel: '02', male: true, age }, { rel: '10', male: false, age: age - 2 }], true); pop.marry(hh[0] as Person, hh[1] as Person, undefined, true); return hh; };
  const tag = (id: string): string => (set === 0 ? id : `${id}-${set + 1}`);
  const out: Finish[] = [];

  // ---- M01 ----
  {
    const [o1] = pop.household(v(), [{ rel: '02', male: true, age: 44 }, { rel: '10', male: false, age: 42 }, { rel: '21', male: true, age: 15 }], true) as Person[];
    const o2 = alone(39);
    const o3 = alone(41, false);
    const o4 = alone(50);
    const partner1 = alone(47);
    const partner2 = alone(52);
    out.push((ctx) => {
      const cases: IntegrityCase[] = [];
      const add = (id: string, expected: IntegrityCase['expected'], kind: string, official: Person, unit: number, company: number, note: string) =>
        cases.push({ model: 'M01', id: tag(id), expected, kind, ids: { official: ctx.uid(official), company: companyUid(ctx.world, company), unit: orgUid(ctx.world, unit) }, note });
      let u = ctx.org(bureau(0));
      ctx.post(o1 as Person, u, '科长', '四级主任科员', false, day(2017, 5, 1));
      let c = ctx.company(o1 as Person, day(2020, 8, 12), { pct: 100 });
      add('M01-A1', 'alert', 'legal_rep_during_tenure', o1 as Person, u, c.idx, 'the official founded the company and is its legal representative while in post');
      u = ctx.org(bureau(1));
      ctx.post(o2, u, '科员', '一级科员', false, day(2019, 9, 1));
      c = ctx.company(partner1, day(2015, 4, 1), { pct: 60 });
      ctx.share(c, o2, 40, day(2015, 4, 1));
      add('M01-A2', 'alert', 'shareholder_before_and_during_tenure', o2, u, c.idx, 'a 40% shareholding taken before the post and never given up');
      u = ctx.org(bureau(2));
      ctx.post(o3, u, '科员', '二级科员', false, day(2020, 3, 1));
      c = ctx.company(partner2, day(2016, 6, 1), { pct: 70 });
      ctx.share(c, o3, 30, day(2016, 6, 1), day(2019, 12, 20));
      add('M01-N1', 'no_alert', 'near_miss_role_ended_before_post', o3, u, c.idx, 'the shareholding ended (退出日期) before the post began');
      u = ctx.org(bureau(3));
      ctx.post(o4, u, '科长', '四级主任科员', false, day(2012, 1, 1));
      c = ctx.company(o4, day(2009, 5, 20), { status: '注销', pct: 100 });
      add('M01-N2', 'no_alert', 'near_miss_company_deregistered', o4, u, c.idx, 'the company is 注销 (deregistered)');
      return cases;
    });
  }

  // ---- M02 ----
  {
    const l1 = couple(52);
    const l2 = pop.household(v(), [{ rel: '02', male: true, age: 60 }, { rel: '10', male: false, age: 58 }, { rel: '22', male: true, age: 33 }, { rel: '38', male: false, age: 31 }, { rel: '41', male: true, age: 5 }], true);
    pop.marry(l2[0] as Person, l2[1] as Person, l2[2]?.birth, true);
    pop.marry(l2[2] as Person, l2[3] as Person, l2[4]?.birth, true);
    const l3 = pop.household(v(), [{ rel: '02', male: true, age: 55 }, { rel: '10', male: false, age: 53 }, { rel: '21', male: true, age: 29 }], true);
    const l4 = pop.household(v(), [{ rel: '02', male: true, age: 80 }, { rel: '10', male: false, age: 78 }, { rel: '22', male: true, age: 50 }, { rel: '23', male: true, age: 46 }], true);
    const partner = alone(44);
    out.push((ctx) => {
      const cases: IntegrityCase[] = [];
      const add = (id: string, expected: IntegrityCase['expected'], kind: string, leader: Person, relative: Person, company: number, note: string) =>
        cases.push({ model: 'M02', id: tag(id), expected, kind, ids: { leader: ctx.uid(leader), relative: ctx.uid(relative), company: companyUid(ctx.world, company) }, note });
      const [h1, w1] = l1 as [Person, Person];
      ctx.post(h1, ctx.org(bureau(2)), '副局长', '副科级', true, day(2018, 4, 1));
      add('M02-A1', 'alert', 'spouse_legal_rep', h1, w1, ctx.company(w1, day(2021, 3, 15), { pct: 100 }).idx, 'the leader\'s wife (配偶, same household and 婚姻登记) runs a county company');
      const [h2, , , dil] = l2 as [Person, Person, Person, Person];
      ctx.post(h2, ctx.org(bureau(3)), '副局长', '副科级', true, day(2019, 1, 1));
      const c2 = ctx.company(partner, day(2020, 5, 8), { pct: 55 });
      ctx.share(c2, dil, 45, day(2020, 5, 8));
      add('M02-A2', 'alert', 'child_spouse_shareholder', h2, dil, c2.idx, 'the leader\'s daughter-in-law (38 儿媳 in his household) holds 45%');
      const [h3, , son] = l3 as [Person, Person, Person];
      ctx.post(h3, ctx.org(bureau(4)), '副局长', '副科级', true, day(2017, 6, 1));
      add('M02-N1', 'no_alert', 'near_miss_company_outside_county', h3, son, ctx.company(son, day(2021, 9, 1), { pct: 100, region: '330106' }).idx, 'the son\'s company is registered in 西湖区 (330106), outside the county');
      const [, , h4, brother] = l4 as [Person, Person, Person, Person];
      ctx.post(h4, ctx.org(bureau(5)), '副局长', '副科级', true, day(2020, 7, 1));
      add('M02-N2', 'no_alert', 'near_miss_sibling_not_in_scope', h4, brother, ctx.company(brother, day(2019, 2, 11), { pct: 100 }).idx, 'a brother is outside the 配偶/子女/子女的配偶 scope');
      return cases;
    });
  }

  // ---- M17 / M18 ----
  {
    const m1 = couple(45)[0] as Person;
    const g = alone(36);
    const gamblers = [alone(42), alone(51)];
    const s1 = alone(48);
    const late = alone(33);
    const dd = alone(40);
    const dd2 = alone(46);
    const lookalike = alone(38, true, dd.name);
    out.push((ctx) => {
      const cases: IntegrityCase[] = [];
      const add = (model: string, id: string, expected: IntegrityCase['expected'], kind: string, p: Person, caseNo: string, note: string) =>
        cases.push({ model, id: tag(id), expected, kind, ids: { person: ctx.uid(p), policeCase: `PoliceCase:${caseNo}` }, note });
      ctx.party(m1, day(2005, 7, 1));
      let c = ctx.police('殴打他人', day(2023, 5, 18), '桐庐县城南街道迎春南路夜宵摊', [party(m1, '违法行为人', '行政拘留五日并处罚款五百元', '中共党员', '农民', '')]);
      add('M17', 'M17-A1', 'alert', 'member_penalised_no_sanction', m1, c.caseNo, 'a Party member detained for assault; no disciplinary decision');
      const gu = ctx.org(bureau(0));
      ctx.post(g, gu, '科员', '一级科员', false, day(2016, 3, 1));
      c = ctx.police('赌博', day(2022, 11, 26), '桐庐县旧县街道某棋牌室', [
        party(g, '参赌人员', '罚款五百元', '群众', '公务员', ctx.world.orgs[gu]?.name ?? ''),
        ...gamblers.map((x) => party(x, '参赌人员', '罚款五百元', '群众', '个体', '无')),
      ]);
      add('M17', 'M17-A2', 'alert', 'official_penalised_no_sanction', g, c.caseNo, 'an official fined for gambling; no disciplinary decision');
      ctx.post(s1, ctx.org(bureau(1)), '科长', '四级主任科员', false, day(2014, 2, 1));
      ctx.party(s1, day(2002, 6, 1), '公务员');
      c = ctx.police('殴打他人', day(2022, 8, 9), '桐庐县桐君街道白云源路', [party(s1, '违法行为人', '罚款五百元', '中共党员', '公务员', ctx.world.orgs[ctx.org(bureau(1))]?.name ?? '')]);
      ctx.sanction(s1, `${ctx.world.orgs[ctx.org(bureau(1))]?.name ?? ''}科长`, '党纪', '警告', day(2022, 12, 20), '受到公安机关治安管理处罚');
      add('M17', 'M17-N1', 'no_alert', 'near_miss_sanction_exists', s1, c.caseNo, 'the 党内警告 of 2022-12-20 answers the case');
      ctx.party(late, day(2021, 7, 1));
      c = ctx.police('盗窃', day(2019, 4, 12), '桐庐县分水镇农贸市场', [party(late, '违法行为人', '行政拘留三日', '群众', '农民', '')]);
      add('M17', 'M17-N2', 'no_alert', 'near_miss_case_before_joining', late, c.caseNo, 'the theft was in 2019; he joined the Party in 2021');
      const du = ctx.org(bureau(2));
      ctx.post(dd, du, '科员', '一级科员', false, day(2012, 8, 1));
      ctx.party(dd, day(2010, 12, 1), '公务员');
      c = ctx.police('饮酒驾驶', day(2023, 3, 4), '桐庐县迎春南路与学圣路交叉口', [party(dd, '违法行为人', '罚款一千元，暂扣机动车驾驶证六个月', '中共党员', '公务员', ctx.world.orgs[du]?.name ?? '')]);
      ctx.sanction(dd, `${ctx.world.orgs[du]?.name ?? ''}科员`, '党纪', '警告', day(2023, 6, 15), '饮酒后驾驶机动车');
      add('M18', 'M18-A1', 'alert', 'official_drink_driving', dd, c.caseNo, 'an official and Party member caught driving after drinking (sanctioned, still an M18 case)');
      add('M17', 'M17-N3', 'no_alert', 'near_miss_sanction_exists', dd, c.caseNo, 'the drink-driving case was answered by a 党内警告');
      ctx.party(dd2, day(1998, 7, 1));
      c = ctx.police('醉酒驾驶', day(2022, 9, 17), '桐庐县横村镇320国道', [party(dd2, '违法行为人', '吊销机动车驾驶证', '中共党员', '个体', '无')], day(2022, 9, 18));
      ctx.sanction(dd2, '横村镇党员', '党纪', '开除党籍', day(2023, 1, 10), '醉酒驾驶机动车');
      add('M18', 'M18-A2', 'alert', 'member_drunk_driving', dd2, c.caseNo, 'a Party member caught drunk-driving (expelled later, still an M18 case)');
      c = ctx.police('饮酒驾驶', day(2023, 7, 22), '桐庐县春江路', [party(lookalike, '违法行为人', '罚款一千元，暂扣机动车驾驶证六个月', '群众', '司机', '无')]);
      add('M18', 'M18-N1', 'no_alert', 'near_miss_same_name_not_member', lookalike, c.caseNo, 'same name as M18-A1\'s official, but neither a member nor an official');
      return cases;
    });
  }

  // ---- M22 ----
  {
    const a1 = alone(42);
    const a2 = alone(47);
    const n1 = alone(45);
    out.push((ctx) => {
      const cases: IntegrityCase[] = [];
      const add = (id: string, expected: IntegrityCase['expected'], kind: string, p: Person, docNo: string, unit: number, note: string) =>
        cases.push({ model: 'M22', id: tag(id), expected, kind, ids: { person: ctx.uid(p), sanction: `Sanction:${docNo}`, unit: orgUid(ctx.world, unit) }, note });
      const promote = (p: Person, unit: number, before: [string, string, Day], after: [string, string, boolean, Day]): string => {
        ctx.post(p, unit, before[0], before[1], false, before[2], after[3] - 1);
        ctx.post(p, unit, after[0], after[1], after[2], after[3]);
        return `${ctx.world.orgs[unit]?.name ?? ''}${before[0]}`;
      };
      let u = ctx.org(bureau(3));
      ctx.party(a1, day(2008, 7, 1), '公务员');
      let post = promote(a1, u, ['科员', '一级科员', day(2014, 3, 1)], ['科长', '四级主任科员', false, day(2022, 9, 1)]);
      let s = ctx.sanction(a1, post, '党纪', '警告', day(2022, 3, 10), '违反工作纪律');
      add('M22-A1', 'alert', 'promoted_within_party_warning', a1, s.docNo, u, '党内警告 2022-03-10 (one year); promoted to 科长 on 2022-09-01');
      u = ctx.org(bureau(4));
      post = promote(a2, u, ['科长', '四级主任科员', day(2015, 6, 1)], ['副局长', '副科级', true, day(2023, 5, 8)]);
      s = ctx.sanction(a2, post, '政务', '记过', day(2022, 6, 20), '违反廉洁纪律');
      add('M22-A2', 'alert', 'promoted_within_demerit', a2, s.docNo, u, '政务记过 2022-06-20 (12 months); promoted to 副局长 on 2023-05-08');
      u = ctx.org(bureau(5));
      post = promote(n1, u, ['科员', '一级科员', day(2013, 4, 1)], ['科长', '四级主任科员', false, day(2022, 10, 1)]);
      s = ctx.sanction(n1, post, '政务', '警告', day(2021, 4, 15), '违反工作纪律');
      add('M22-N1', 'no_alert', 'near_miss_promoted_after_impact', n1, s.docNo, u, '政务警告 2021-04-15 (six months); promoted on 2022-10-01, after it ended');
      return cases;
    });
  }
  return out;
}
