// Planted welfare cases (catalog M06, M07, M08, M09, M11, M13) with near misses, each in households of
// its own. People are built before the background; posts, payments, deaths and insurance are added
// by the returned Finish closures.
//   M06 cadre's relatives draw non-universal aid (≥2 relatives or ≥12 payments in the term)
//       A1 father, 18 months of 残疾人补贴   A2 mother 低保 + son 公益性岗位   N1 universal only   N2 5 payments
//   M07 公益性岗位 for a cadre's child insured by an employer elsewhere (≥2 overlapping months)
//       A1 son, 宁波 employer   A2 daughter, 上海 employer   N1 insurance ended before the job began
//   M08 payroll staff in a household drawing 低保/特困   A1 father's 农村低保   A2 wife's 城市低保
//       N1 the household's 低保 ended before the staff member joined the payroll
//   M09 payroll officials drawing 耕地地力保护补贴   A1 2022+2023   A2 2023   N1 2022, payroll from 2023-03
//   M11 paid for periods after death   A1 高龄津贴, register cancelled   A2 居民养老金, death only in 火化登记
//       N1 last period ended before the death (paid after it)   N2 补发 after death for months before it
//   M13 exclusive programmes at once   A1 农村+城市低保   A2 特困+农村低保   N1 农村 then 城市 (no overlap)
import { day, type Day } from '../world/dates.js';
import type { Person } from '../world/world.js';
import { outOfCountyUscc, type Finish, type IntegrityCase, type PlantCtx } from './plant-context.js';
import type { Population } from '../world/population.js';
import type { Rng } from '../world/prng.js';
import { PROGRAMS, type Program } from '../world/programs.js';
import { accountFor, orgUid, payRange, periodFen, programUid } from '../world/record-helpers.js';

const BUREAUS = ['农业农村局', '水利局', '教育局', '住建局', '交通运输局', '卫健局'];

export function planWelfare(pop: Population, rng: Rng, world: { villages: { idx: number; community: boolean }[] }, set: number): Finish[] {
  const rural = world.villages.filter((x) => !x.community).map((x) => x.idx);
  const urban = world.villages.filter((x) => x.community).map((x) => x.idx);
  const v = (): number => rng.pick(rural);
  const bureau = (i: number): string => BUREAUS[(set + i) % BUREAUS.length] as string;
  const tag = (id: string): string => (set === 0 ? id : `${id}-${set + 1}`);
  const hh = (village: number, specs: [string, boolean, number][]): Person[] => {
    const ps = pop.household(village, specs.map(([rel, male, age]) => ({ rel, male, age })), true);
    const head = ps[0] as Person;
    const wife = ps.find((p, i) => i > 0 && (p.rel === '10' || p.rel === '12'));
    if (wife) pop.marry(head.male ? head : wife, head.male ? wife : head, undefined, true);
    return ps;
  };
  const out: Finish[] = [];
  const pay = (ctx: PlantCtx, p: Person, prog: Program, from: Day, to: Day): void => { payRange(ctx.world, ctx.records, p.idx, prog, from, to); };

  // ---- M06 ---- (the cadre's village is where the household lives)
  {
    const va = v(); const vb = v(); const vc = v(); const vd = v();
    const a1 = hh(va, [['02', true, 68], ['10', false, 66], ['22', true, 40], ['38', false, 38], ['41', true, 9]]);
    const a2 = hh(vb, [['02', true, 45], ['10', false, 44], ['52', false, 72], ['21', true, 20]]);
    const n1 = hh(vc, [['02', true, 50], ['51', true, 84]]);
    const n2 = hh(vd, [['02', true, 47], ['10', false, 46]]);
    out.push((ctx) => {
      const cases: IntegrityCase[] = [];
      const add = (id: string, expected: IntegrityCase['expected'], kind: string, cadre: Person, village: number, note: string) =>
        cases.push({ model: 'M06', id: tag(id), expected, kind, ids: { cadre: ctx.uid(cadre), unit: orgUid(ctx.world, ctx.villageOrg(village)) }, note });
      const term = day(2021, 1, 15);
      ctx.post(a1[2] as Person, ctx.villageOrg(va), '委员', '', false, term);
      pay(ctx, a1[0] as Person, PROGRAMS.CJ, day(2023, 1, 1), day(2024, 6, 1));
      pay(ctx, a1[1] as Person, PROGRAMS.JMYL, day(2022, 1, 1), day(2024, 4, 1));
      add('M06-A1', 'alert', 'parent_many_payments', a1[2] as Person, va, 'the committee member\'s father drew 困难残疾人生活补贴 for 18 months of the term');
      ctx.post(a2[0] as Person, ctx.villageOrg(vb), '委员', '', false, term);
      pay(ctx, a2[2] as Person, PROGRAMS.DBNC, day(2023, 3, 1), day(2023, 8, 1));
      pay(ctx, a2[3] as Person, PROGRAMS.GYGW, day(2023, 9, 1), day(2023, 12, 1));
      add('M06-A2', 'alert', 'two_relatives', a2[0] as Person, vb, 'mother on 农村低保 and son on a 公益性岗位: two relatives on non-universal aid');
      ctx.post(n1[0] as Person, ctx.villageOrg(vc), '委员', '', false, term);
      pay(ctx, n1[1] as Person, PROGRAMS.GL, day(2022, 1, 1), day(2024, 4, 1));
      pay(ctx, n1[1] as Person, PROGRAMS.JMYL, day(2022, 1, 1), day(2024, 4, 1));
      add('M06-N1', 'no_alert', 'near_miss_universal_only', n1[0] as Person, vc, 'the father draws only universal programmes (高龄津贴, 居民养老金)');
      ctx.post(n2[0] as Person, ctx.villageOrg(vd), '委员', '', false, term);
      pay(ctx, n2[1] as Person, PROGRAMS.CJ, day(2023, 1, 1), day(2023, 5, 1));
      add('M06-N2', 'no_alert', 'near_miss_below_threshold', n2[0] as Person, vd, 'one relative, five payments: under both thresholds');
      return cases;
    });
  }

  // ---- M07 ----
  {
    const va = v(); const vb = v(); const vc = v();
    const a1 = hh(va, [['02', true, 52], ['10', false, 50], ['21', true, 26]]);
    const a2 = hh(vb, [['02', true, 49], ['10', false, 48], ['31', false, 24]]);
    const n1 = hh(vc, [['02', true, 55], ['10', false, 53], ['21', true, 28]]);
    out.push((ctx) => {
      const cases: IntegrityCase[] = [];
      const add = (id: string, expected: IntegrityCase['expected'], kind: string, cadre: Person, child: Person, note: string) =>
        cases.push({ model: 'M07', id: tag(id), expected, kind, ids: { cadre: ctx.uid(cadre), child: ctx.uid(child), program: programUid(PROGRAMS.GYGW.code) }, note });
      const job = (village: number, h: Person[], from: Day, to: Day, employer: [string, string], ins: [Day, Day | undefined]): void => {
        ctx.post(h[0] as Person, ctx.villageOrg(village), '委员', '', false, day(2021, 1, 15));
        pay(ctx, h[2] as Person, PROGRAMS.GYGW, from, to);
        ctx.records.insurance.push({ person: (h[2] as Person).idx, employer: { kind: 'company', code: outOfCountyUscc(ctx.rng, employer[0]), name: employer[1] }, scheme: '企业职工基本养老保险', from: ins[0], ...(ins[1] !== undefined ? { to: ins[1] } : {}) });
      };
      job(va, a1, day(2023, 3, 1), day(2023, 12, 1), ['330203', '宁波海曙恒达电子有限公司'], [day(2022, 6, 1), undefined]);
      add('M07-A1', 'alert', 'son_insured_elsewhere', a1[0] as Person, a1[2] as Person, 'the son is paid as a village 公益性岗位 for 10 months while insured by a 宁波 employer');
      job(vb, a2, day(2023, 1, 1), day(2023, 8, 1), ['310115', '上海浦东顺通物流有限公司'], [day(2022, 11, 1), day(2023, 6, 30)]);
      add('M07-A2', 'alert', 'daughter_insured_elsewhere', a2[0] as Person, a2[2] as Person, 'the daughter\'s 公益性岗位 overlaps six months of insurance with a 上海 employer');
      job(vc, n1, day(2023, 7, 1), day(2024, 2, 1), ['330106', '杭州西湖安信科技有限公司'], [day(2021, 3, 1), day(2023, 5, 31)]);
      add('M07-N1', 'no_alert', 'near_miss_insurance_ended_before', n1[0] as Person, n1[2] as Person, 'the son\'s job elsewhere ended (2023-05) before the 公益性岗位 began (2023-07)');
      return cases;
    });
  }

  // ---- M08 ----
  {
    const a1 = hh(v(), [['02', true, 63], ['10', false, 61], ['22', true, 34]]);
    const a2 = hh(urban.length ? rng.pick(urban) : v(), [['02', true, 38], ['10', false, 37]]);
    const n1 = hh(v(), [['02', true, 58], ['10', false, 56], ['21', true, 26]]);
    out.push((ctx) => {
      const cases: IntegrityCase[] = [];
      const add = (id: string, expected: IntegrityCase['expected'], kind: string, staff: Person, recipient: Person, prog: Program, note: string) =>
        cases.push({ model: 'M08', id: tag(id), expected, kind, ids: { staff: ctx.uid(staff), recipient: ctx.uid(recipient), program: programUid(prog.code) }, note });
      ctx.post(a1[2] as Person, ctx.org(bureau(0)), '科员', '一级科员', false, day(2019, 3, 1));
      pay(ctx, a1[0] as Person, PROGRAMS.DBNC, day(2022, 7, 1), day(2024, 6, 1));
      add('M08-A1', 'alert', 'staff_father_rural_dibao', a1[2] as Person, a1[0] as Person, PROGRAMS.DBNC, 'a bureau clerk on the payroll lives in his father\'s household, which draws 农村低保');
      const inst = ctx.world.orgs.find((o) => o.kind === '事业单位')?.idx ?? ctx.org(bureau(1));
      ctx.post(a2[0] as Person, inst, '职员', '管理九级', false, day(2018, 8, 1));
      pay(ctx, a2[1] as Person, urban.length ? PROGRAMS.DBCS : PROGRAMS.DBNC, day(2023, 1, 1), day(2024, 6, 1));
      add('M08-A2', 'alert', 'staff_wife_dibao', a2[0] as Person, a2[1] as Person, urban.length ? PROGRAMS.DBCS : PROGRAMS.DBNC, 'a 事业单位 employee\'s wife draws 低保 in his household');
      ctx.post(n1[2] as Person, ctx.org(bureau(2)), '科员', '二级科员', false, day(2023, 9, 1));
      pay(ctx, n1[0] as Person, PROGRAMS.DBNC, day(2022, 1, 1), day(2023, 6, 1));
      add('M08-N1', 'no_alert', 'near_miss_no_overlap', n1[2] as Person, n1[0] as Person, PROGRAMS.DBNC, 'the household\'s 低保 ended in 2023-06; the son joined the payroll in 2023-09');
      return cases;
    });
  }

  // ---- M09 ----
  {
    const a1 = hh(v(), [['02', true, 46], ['10', false, 45]]);
    const a2 = hh(v(), [['02', true, 51], ['10', false, 50]]);
    const n1 = hh(v(), [['02', true, 37]]);
    out.push((ctx) => {
      const cases: IntegrityCase[] = [];
      const add = (id: string, expected: IntegrityCase['expected'], kind: string, p: Person, note: string) =>
        cases.push({ model: 'M09', id: tag(id), expected, kind, ids: { official: ctx.uid(p), program: programUid(PROGRAMS.GDDL.code) }, note });
      const farm = (p: Person, years: number[], mu: number): void => {
        for (const y of years) ctx.records.payments.push({ person: p.idx, program: PROGRAMS.GDDL.code, from: day(y, 1, 1), to: day(y, 12, 31), payDate: day(y, 6, 20), fen: Math.round(mu * PROGRAMS.GDDL.base * 100), account: accountFor(p.idNo) });
      };
      ctx.post(a1[0] as Person, ctx.org(bureau(3)), '科员', '一级科员', false, day(2016, 5, 1));
      farm(a1[0] as Person, [2022, 2023], 4.6);
      add('M09-A1', 'alert', 'official_farm_subsidy_two_years', a1[0] as Person, 'a bureau clerk on the payroll drew 耕地地力保护补贴 for 2022 and 2023');
      ctx.post(a2[0] as Person, ctx.org(bureau(4)), '科长', '四级主任科员', false, day(2011, 9, 1));
      farm(a2[0] as Person, [2023], 6.2);
      add('M09-A2', 'alert', 'official_farm_subsidy', a2[0] as Person, 'a section chief drew the 2023 耕地地力保护补贴');
      ctx.post(n1[0] as Person, ctx.org(bureau(5)), '科员', '一级科员', false, day(2023, 3, 1));
      farm(n1[0] as Person, [2022], 3.1);
      add('M09-N1', 'no_alert', 'near_miss_before_payroll', n1[0] as Person, 'the 2022 subsidy predates his first payroll month (2023-03)');
      return cases;
    });
  }

  // ---- M11 ----
  {
    const a1 = hh(v(), [['02', false, 86]]);
    const a2 = hh(v(), [['02', true, 78]]);
    const n1 = hh(v(), [['02', true, 70]]);
    const n2 = hh(v(), [['02', false, 74]]);
    const dies = (p: Person, d: Day): void => { p.cancel = { date: d, reason: '死亡' }; };
    dies(a1[0] as Person, day(2023, 2, 14));
    dies(n1[0] as Person, day(2023, 6, 12));
    dies(n2[0] as Person, day(2023, 5, 9));
    out.push((ctx) => {
      const cases: IntegrityCase[] = [];
      const add = (id: string, expected: IntegrityCase['expected'], kind: string, p: Person, prog: Program, note: string) =>
        cases.push({ model: 'M11', id: tag(id), expected, kind, ids: { person: ctx.uid(p), program: programUid(prog.code) }, note });
      pay(ctx, a1[0] as Person, PROGRAMS.GL, day(2022, 1, 1), day(2024, 4, 1));
      add('M11-A1', 'alert', 'paid_after_death', a1[0] as Person, PROGRAMS.GL, 'died 2023-02-14 (register cancelled); 高龄津贴 paid for every quarter up to 2024-Q2');
      ctx.death(a2[0] as Person, day(2023, 8, 3), true);
      pay(ctx, a2[0] as Person, PROGRAMS.JMYL, day(2022, 1, 1), day(2024, 4, 1));
      add('M11-A2', 'alert', 'paid_after_death_register_lagging', a2[0] as Person, PROGRAMS.JMYL, 'died 2023-08-03, known only to 火化登记 (the register still lists him); pension paid on');
      const n1p = n1[0] as Person;
      pay(ctx, n1p, PROGRAMS.DBNC, day(2022, 1, 1), day(2023, 4, 1));
      ctx.records.payments.push({ person: n1p.idx, program: PROGRAMS.DBNC.code, from: day(2023, 5, 1), to: day(2023, 5, 31), payDate: day(2023, 6, 20), fen: periodFen(PROGRAMS.DBNC, 1), account: accountFor(n1p.idNo) });
      add('M11-N1', 'no_alert', 'near_miss_period_ended_before_death', n1p, PROGRAMS.DBNC, 'died 2023-06-12; the last 低保 (for 2023-05) was paid on 2023-06-20, after the death but for a month before it');
      const n2p = n2[0] as Person;
      pay(ctx, n2p, PROGRAMS.JMYL, day(2022, 4, 1), day(2023, 4, 1));
      ctx.records.payments.push({ person: n2p.idx, program: PROGRAMS.JMYL.code, from: day(2022, 1, 1), to: day(2022, 3, 31), payDate: day(2023, 9, 11), fen: periodFen(PROGRAMS.JMYL, 3), account: accountFor(n2p.idNo), arrears: true });
      add('M11-N2', 'no_alert', 'near_miss_arrears_after_death', n2p, PROGRAMS.JMYL, 'died 2023-05-09; a 补发 on 2023-09-11 covers 2022-Q1, before the death');
      return cases;
    });
  }

  // ---- M13 ----
  {
    const a1 = hh(v(), [['02', true, 58]]);
    const a2 = hh(v(), [['02', false, 70]]);
    const n1 = hh(v(), [['02', false, 62]]);
    out.push((ctx) => {
      const cases: IntegrityCase[] = [];
      const add = (id: string, expected: IntegrityCase['expected'], kind: string, p: Person, x: Program, y: Program, note: string) => {
        const [a, b] = [x.code, y.code].sort();
        cases.push({ model: 'M13', id: tag(id), expected, kind, ids: { person: ctx.uid(p), programA: programUid(a as string), programB: programUid(b as string) }, note });
      };
      pay(ctx, a1[0] as Person, PROGRAMS.DBNC, day(2022, 5, 1), day(2024, 6, 1));
      pay(ctx, a1[0] as Person, PROGRAMS.DBCS, day(2023, 4, 1), day(2023, 12, 1));
      add('M13-A1', 'alert', 'rural_and_urban_dibao', a1[0] as Person, PROGRAMS.DBNC, PROGRAMS.DBCS, '农村低保 and 城市低保 for the same nine months');
      pay(ctx, a2[0] as Person, PROGRAMS.TK, day(2022, 1, 1), day(2024, 6, 1));
      pay(ctx, a2[0] as Person, PROGRAMS.DBNC, day(2023, 1, 1), day(2023, 6, 1));
      add('M13-A2', 'alert', 'tekun_and_dibao', a2[0] as Person, PROGRAMS.TK, PROGRAMS.DBNC, '特困供养 and 农村低保 for the same six months');
      pay(ctx, n1[0] as Person, PROGRAMS.DBNC, day(2022, 1, 1), day(2023, 3, 1));
      pay(ctx, n1[0] as Person, PROGRAMS.DBCS, day(2023, 4, 1), day(2024, 6, 1));
      add('M13-N1', 'no_alert', 'near_miss_moved_programme', n1[0] as Person, PROGRAMS.DBNC, PROGRAMS.DBCS, 'moved from 农村低保 to 城市低保 in 2023-04: no month paid twice');
      return cases;
    });
  }
  return out;
}
