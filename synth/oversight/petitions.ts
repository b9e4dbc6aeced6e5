// 信访/检举控告 of the synthetic county (M41): background items, every one accepted within the working-day
// limit and concluded within the handling limit before the snapshot, each filed by a different resident (or
// anonymously), so the background raises nothing; and per planted set the cases of docs/models.md M41:
// accepted late, still open, concluded late, a repeat reporter, a hotspot, and their near misses (accepted on
// the last working day across a weekend, concluded on the last day, repeats too far apart, four reporters).
import { day, SNAPSHOT, type Day } from '../world/dates.js';
import type { Rng } from '../world/prng.js';
import type { World } from '../world/world.js';
import type { ModelCase } from '../cases/case.js';
import { modelDefaults } from '../cases/defaults.js';
import { addWorkdays, onWorkday } from './calendar.js';
import { assignYearCodes } from './codes.js';
import type { Pools } from './pools.js';
import { taker } from './pools.js';

const MODEL = 'integrity.petitions-overdue-or-repeated';

export interface PetitionRecord {
  code: string;
  kind: '信访' | '检举控告';
  channel: string;
  issue: string;
  reporter?: number;
  subject?: number;
  subjectPost?: string;
  subjectOrg?: number;
  handler: number;
  received: Day;
  accepted?: Day;
  concluded?: Day;
  satisfaction: string;
  planted: boolean;
}

interface Draft {
  id: string;
  expected: 'alert' | 'no_alert';
  kind: string;
  note: string;
  /** What the alert names: the petition, or a reporter and a person reported, or a person reported. */
  key: () => string[];
  roles: string[];
}

const CHANNELS = ['来信', '来访', '网上信访', '12388举报电话', '网上举报'];
const ISSUES = [
  '违反中央八项规定精神',
  '侵害群众利益',
  '违规收受礼品礼金',
  '工程项目问题',
  '征地拆迁补偿',
  '低保救助问题',
  '干部作风问题',
  '滥用职权',
];

export interface PetitionOut {
  records: PetitionRecord[];
  cases: ModelCase[];
}

export function generatePetitions(world: World, rng: Rng, pools: Pools, sets: number, count: number): PetitionOut {
  const D = modelDefaults(MODEL);
  const [acceptDays, handleDays, repeatWindow, minRepeats, hotWindow, minReporters] = [
    D.num('acceptDays'),
    D.num('handleDays'),
    D.num('repeatWindowDays'),
    D.num('minRepeats'),
    D.num('hotspotWindowDays'),
    D.num('minReporters'),
  ];
  const officials = taker(pools.officials, 'officials');
  const residents = taker(pools.residents, 'residents');
  const handlers = world.orgs.filter((o) => o.kind === '党政机关').map((o) => o.idx);
  const records: PetitionRecord[] = [];
  const drafts: Draft[] = [];
  const uidP = (r: PetitionRecord) => () => [`Petition:${r.code}`];
  const person = (i: number) => `Person:${world.persons[i]!.idNo}`;
  const add = (o: Partial<PetitionRecord> & { received: Day }, planted: boolean): PetitionRecord => {
    const subject = o.subject === undefined ? undefined : pools.officials.find((x) => x.person === o.subject);
    const r: PetitionRecord = {
      code: '',
      kind: rng.chance(0.6) ? '检举控告' : '信访',
      channel: rng.pick(CHANNELS),
      issue: rng.pick(ISSUES),
      handler: rng.pick(handlers),
      satisfaction: '',
      planted,
      ...(subject ? { subjectPost: subject.title, subjectOrg: subject.org } : {}),
      ...o,
    };
    if (r.concluded !== undefined) r.satisfaction = rng.pick(['满意', '满意', '基本满意', '不满意']);
    records.push(r);
    return r;
  };
  const inTime = (received: Day) => {
    const accepted = addWorkdays(received, rng.int(1, acceptDays));
    return { accepted, concluded: Math.min(received + handleDays, accepted + rng.int(7, 50)) };
  };
  // Planted receipts fall in 2022-2023, so every one is concluded (or overdue) long before the snapshot.
  const plantedDay = () => onWorkday(day(2022, 1, 10) + rng.int(0, 600));
  const friday = () => {
    let d = plantedDay();
    while (new Date(d * 86_400_000).getUTCDay() !== 5) d++;
    return d;
  };

  for (let s = 0; s < sets; s++) {
    const tag = (id: string) => (s === 0 ? id : `${id}-${s + 1}`);
    const about = () => officials.take().person;
    const petition = (
      id: string,
      expected: Draft['expected'],
      kind: string,
      note: string,
      o: Partial<PetitionRecord> & { received: Day },
    ) => {
      const r = add({ reporter: residents.take(), subject: about(), ...o }, true);
      drafts.push({ id: tag(id), expected, kind, note, key: uidP(r), roles: ['petition'] });
    };
    let t = friday();
    petition('M41-A1', 'alert', 'accepted_late', `accepted ${acceptDays + 1} working days after receipt`, {
      received: t,
      accepted: addWorkdays(t, acceptDays + 1),
      concluded: t + 30,
    });
    t = plantedDay();
    petition('M41-A2', 'alert', 'still_open', 'accepted in time, never concluded', { received: t, accepted: addWorkdays(t, 2) });
    t = plantedDay();
    petition('M41-A3', 'alert', 'concluded_late', `concluded ${handleDays + 15} days after receipt`, {
      received: t,
      accepted: addWorkdays(t, 3),
      concluded: t + handleDays + 15,
    });
    t = friday();
    petition(
      'M41-N1',
      'no_alert',
      'near_miss_accepted_last_working_day',
      `accepted on the ${acceptDays}th working day, ${acceptDays + 2} calendar days`,
      {
        received: t,
        accepted: addWorkdays(t, acceptDays),
        concluded: t + 40,
      },
    );
    t = plantedDay();
    petition('M41-N2', 'no_alert', 'near_miss_concluded_last_day', `concluded on day ${handleDays}`, {
      received: t,
      accepted: addWorkdays(t, 2),
      concluded: t + handleDays,
    });

    // One reporter, one official, minRepeats + 1 items within the window.
    const [r1, o1] = [residents.take(), about()];
    t = plantedDay();
    for (let k = 0; k <= minRepeats; k++) add({ reporter: r1, subject: o1, received: t + k * 40, ...inTime(t + k * 40) }, true);
    drafts.push({
      id: tag('M41-A4'),
      expected: 'alert',
      kind: 'repeat',
      note: `${minRepeats + 1} items about one official within 80 days`,
      key: () => [person(r1), person(o1)],
      roles: ['reporter', 'reported'],
    });
    const [r2, o2] = [residents.take(), about()];
    t = plantedDay();
    for (const d of [t, t + repeatWindow + 30]) add({ reporter: r2, subject: o2, received: d, ...inTime(d) }, true);
    drafts.push({
      id: tag('M41-N3'),
      expected: 'no_alert',
      kind: 'near_miss_repeat_outside_window',
      note: `two items ${repeatWindow + 30} days apart`,
      key: () => [person(r2), person(o2)],
      roles: ['reporter', 'reported'],
    });
    const [r3, o3, o4] = [residents.take(), about(), about()];
    t = plantedDay();
    add({ reporter: r3, subject: o3, received: t, ...inTime(t) }, true);
    add({ reporter: r3, subject: o4, received: t + 20, ...inTime(t + 20) }, true);
    drafts.push({
      id: tag('M41-N4'),
      expected: 'no_alert',
      kind: 'near_miss_repeat_other_official',
      note: 'one reporter, two officials, 20 days apart',
      key: () => [person(r3), person(o3)],
      roles: ['reporter', 'reported'],
    });

    // Hotspot: minReporters residents about one official within the window; near miss: one fewer in it.
    const hot = about();
    t = plantedDay();
    for (let k = 0; k < minReporters; k++) {
      const d = t + Math.floor((k * (hotWindow - 10)) / minReporters);
      add({ reporter: residents.take(), subject: hot, received: d, ...inTime(d) }, true);
    }
    drafts.push({
      id: tag('M41-A5'),
      expected: 'alert',
      kind: 'hotspot',
      note: `${minReporters} reporters within ${hotWindow - 10} days`,
      key: () => [person(hot)],
      roles: ['reported'],
    });
    const cool = about();
    t = plantedDay();
    for (let k = 0; k < minReporters; k++) {
      const d = k < minReporters - 1 ? t + k * 10 : t + hotWindow + 60;
      add({ reporter: residents.take(), subject: cool, received: d, ...inTime(d) }, true);
    }
    drafts.push({
      id: tag('M41-N5'),
      expected: 'no_alert',
      kind: 'near_miss_hotspot_outside_window',
      note: `${minReporters - 1} reporters in the window, one ${hotWindow + 60} days after the first`,
      key: () => [person(cool)],
      roles: ['reported'],
    });
  }

  // Background: the rest of the pools, each resident filing once, received early enough to be concluded.
  const others = officials.rest();
  const filers = residents.rest();
  const last = SNAPSHOT - handleDays - 15;
  for (let k = 0; k < count; k++) {
    const received = onWorkday(day(2021, 1, 4) + rng.int(0, last - day(2021, 1, 4)));
    const o = rng.chance(0.8) && others.length ? rng.pick(others) : undefined;
    const reporter = rng.chance(0.12) ? undefined : filers[k % Math.max(1, filers.length)];
    add(
      {
        received,
        ...inTime(received),
        ...(reporter !== undefined ? { reporter } : {}),
        ...(o ? { subject: o.person } : { subjectOrg: rng.pick(handlers) }),
      },
      false,
    );
  }
  assignYearCodes(records, (r) => r.received, 'TLXF', 5);
  const cases = drafts.map((d): ModelCase => {
    const key = d.key();
    return { model: D.catalog, id: d.id, expected: d.expected, kind: d.kind, key, roles: d.roles, uids: key, note: d.note };
  });
  return { records, cases };
}

/** 信访件编号 by year of receipt, in order of receipt: 桐信〔2023〕00012 style as TLXF-2023-00012. */
