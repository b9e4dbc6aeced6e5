// The month's enforcement records, both deltas: police administrative penalties decided in July (公安行政处罚)
// and disciplinary sanctions decided in July (纪律处分). Case, decision and document numbers continue the
// county's, as the issuing office's registers would.
import { ageOn, SNAPSHOT } from '../world/dates.js';
import { Rng } from '../world/prng.js';
import { caseNo, decisionNo, impactUntil, sanctionNo } from '../world/record-helpers.js';
import type { PoliceCase, Records, Sanction } from '../world/records.js';
import type { Post, World } from '../world/world.js';
import { july, perMonth, type People } from './month.js';

const OFFENCES: [string, string][] = [
  ['饮酒驾驶', '罚款一千元，暂扣机动车驾驶证六个月'],
  ['殴打他人', '罚款二百元'],
  ['盗窃', '行政拘留五日'],
  ['赌博', '罚款五百元'],
];

/** About one case a month per 4,000 people, each with one offender who is neither a Party member nor an official. */
export function policeMonth(world: World, records: Records, people: People, seed: number): PoliceCase[] {
  const rng = new Rng(seed, 'delta-police');
  const members = new Set(records.party.map((m) => m.person));
  const officials = new Set(world.posts.map((p) => p.person));
  const offenders = people.take(perMonth(world.persons.length, 1 / 4000), 20, 68, (p) => !members.has(p.idx) && !officials.has(p.idx));
  const numbered = { ...records, cases: records.cases.slice() };
  for (const p of offenders) {
    const [type, penalty] = rng.pick(OFFENCES);
    const time = july(rng.int(1, 20));
    numbered.cases.push({
      caseNo: caseNo(numbered, time),
      decisionNo: decisionNo(numbered, time),
      type,
      time,
      second: rng.int(9 * 3600, 23 * 3600),
      place: '桐庐县桐君街道迎春南路',
      unit: type.includes('驾驶') ? '桐庐县公安局交通警察大队' : '桐庐县公安局城南派出所',
      decided: time + rng.int(1, 10),
      parties: [{ person: p.idx, role: '违法行为人', penalty, political: '群众', job: rng.pick(['农民', '个体', '司机']), employer: '无' }],
    });
  }
  return numbered.cases.slice(records.cases.length);
}

/**
 * Sanctions decided in July: about one a month per 40 already on file (at least one), on officials in post
 * at a county unit whose post does not change this month (`changing`).
 */
export function sanctionsMonth(world: World, records: Records, changing: ReadonlySet<Post>, seed: number): Sanction[] {
  const rng = new Rng(seed, 'delta-sanctions');
  const members = new Set(records.party.map((m) => m.person));
  const already = new Set(records.sanctions.map((s) => s.person));
  const current = world.posts.filter(
    (p) =>
      !p.planted &&
      p.to === undefined &&
      !changing.has(p) &&
      !already.has(p.person) &&
      world.orgs[p.org]?.village === undefined &&
      ageOn(world.persons[p.person]!.birth, SNAPSHOT) < 60,
  );
  const numbered = { ...records, sanctions: records.sanctions.slice() };
  for (const post of rng.sample(current, Math.max(1, Math.round(records.sanctions.length / 40)))) {
    const kind = members.has(post.person) ? '党纪' : '政务';
    const type = rng.pick(kind === '党纪' ? ['警告', '严重警告'] : ['警告', '记过']);
    const decided = july(rng.int(1, 31));
    numbered.sanctions.push({
      docNo: sanctionNo(numbered, kind, decided),
      person: post.person,
      post: `${world.orgs[post.org]?.name ?? ''}${post.title}`,
      kind,
      type,
      decided,
      until: impactUntil(kind, type, decided),
      reason: rng.pick(['违反工作纪律', '违反廉洁纪律', '违反群众纪律']),
    });
  }
  return numbered.sanctions.slice(records.sanctions.length);
}
