// The seven integrity and welfare files of docs/sources.md ("Integrity and welfare sources") from the
// World and its Records, with noise applied cell by cell (planted rows stay canonical). Pay periods
// get their own spellings (2023-03, 2023年3月, 202303); all of them normalise to the same months.
import { join } from 'node:path';
import { iso, SNAPSHOT, ymd, type Day } from '../world/dates.js';
import type { Person, World } from '../world/world.js';
import { monthIndex } from '../world/months.js';
import type { Noise } from '../noise.js';
import { programByCode } from '../world/programs.js';
import type { Records } from '../world/records.js';
import { SOURCES } from './sources.js';
import { CsvWriter } from './csv.js';
import { JsonlWriter } from './jsonl.js';
import { XlsxSheet } from './xlsx.js';

const p2 = (n: number): string => String(n).padStart(2, '0');

/** A month as 2023-03 (canonical), or with noise 2023年3月 / 202303. */
function month(noise: Noise, d: Day, immune: boolean): string {
  const { y, m } = ymd(d);
  if (!immune && noise.chance(0.3)) return noise.pick([`${y}年${m}月`, `${y}${p2(m)}`]);
  return `${y}-${p2(m)}`;
}

function period(noise: Noise, from: Day, to: Day, immune: boolean): string {
  const months = monthIndex(to) - monthIndex(from) + 1;
  if (months === 12 && ymd(from).m === 1) return `${ymd(from).y}年度`;
  if (months === 1) return month(noise, from, immune);
  return `${month(noise, from, immune)}至${month(noise, to, immune)}`;
}

const person = (world: World, i: number): Person => world.persons[i] as Person;

export function writeDeaths(world: World, records: Records, noise: Noise, dir: string): number {
  const src = SOURCES.death;
  const w = new CsvWriter(join(dir, src.file), src.encoding, src.header);
  for (const d of records.deaths) {
    const p = person(world, d.person);
    const im = p.planted === true;
    w.row([
      noise.id(src.file, w.rows + 1, '身份证号', p),
      p.name,
      p.male ? '男' : '女',
      noise.date(src.file, d.date, im),
      noise.date(src.file, d.cremation, im),
      d.home,
      d.certNo,
    ]);
  }
  return w.close();
}

function branchOf(world: World, posts: Map<number, number>, p: Person): string {
  const orgIdx = posts.get(p.idx);
  const org = orgIdx !== undefined ? world.orgs[orgIdx] : undefined;
  if (org && org.village === undefined) return `${org.name}机关党支部`;
  const v = world.villages[world.households[p.hh]?.village ?? -1];
  return v ? `${v.township}${v.name}${v.community ? '社区' : '村'}党支部` : '';
}

export async function writeParty(world: World, records: Records, noise: Noise, dir: string): Promise<number> {
  const src = SOURCES.party;
  const w = new XlsxSheet(join(dir, src.file), src.sheet, src.header);
  // The branch is the unit's (current post first), else the village's.
  const posts = new Map<number, number>();
  for (const q of world.posts) if (q.to === undefined || !posts.has(q.person)) posts.set(q.person, q.org);
  for (const m of records.party.slice().sort((a, b) => a.joined - b.joined || a.person - b.person)) {
    const p = person(world, m.person);
    const im = p.planted === true;
    const confirmed = m.joined + 365;
    w.row([
      noise.id(src.file, w.rows + 1, '身份证号码', p),
      p.name,
      p.male ? '男' : '女',
      noise.date(src.file, m.joined, im),
      confirmed <= SNAPSHOT ? noise.date(src.file, confirmed, im) : '',
      branchOf(world, posts, p),
      confirmed <= SNAPSHOT ? '正式党员' : '预备党员',
      m.job,
    ]);
  }
  return w.close();
}

export function writePayroll(world: World, records: Records, noise: Noise, dir: string): number {
  const src = SOURCES.payroll;
  const w = new CsvWriter(join(dir, src.file), src.encoding, src.header);
  const rows: { mi: number; org: number; person: number; monthly: number; staffType: string }[] = [];
  for (const s of records.payroll)
    for (let mi = monthIndex(s.from); mi <= monthIndex(s.to); mi++)
      rows.push({ mi, org: s.org, person: s.person, monthly: s.monthly, staffType: s.staffType });
  rows.sort((a, b) => a.mi - b.mi || a.org - b.org || a.person - b.person);
  for (const r of rows) {
    const p = person(world, r.person);
    const o = world.orgs[r.org];
    const im = p.planted === true;
    const y = Math.floor(r.mi / 12);
    const m = (r.mi % 12) + 1;
    const monthText = !im && noise.chance(0.3) ? noise.pick([`${y}年${m}月`, `${y}${p2(m)}`]) : `${y}-${p2(m)}`;
    w.row([noise.id(src.file, w.rows + 1, '身份证号', p), p.name, o?.name ?? '', o?.code ?? '', r.staffType, monthText, `${r.monthly}.00`]);
  }
  return w.close();
}

export function writePayments(world: World, records: Records, noise: Noise, dir: string): number {
  const src = SOURCES.welfare;
  const w = new CsvWriter(join(dir, src.file), src.encoding, src.header);
  const order = records.payments
    .slice()
    .sort((a, b) => a.payDate - b.payDate || a.program.localeCompare(b.program) || a.person - b.person || a.from - b.from);
  for (const x of order) {
    const p = person(world, x.person);
    const prog = programByCode.get(x.program);
    const hh = world.households[p.hh];
    const v = world.villages[hh?.village ?? -1];
    const im = p.planted === true;
    const row = w.rows + 1;
    const amount = x.fen % 100 === 0 ? noise.amount(src.file, row, '发放金额', x.fen / 100, im) : (x.fen / 100).toFixed(2);
    w.row([
      x.program,
      prog?.name ?? '',
      prog?.dept ?? '',
      prog?.universal ? '是' : '否',
      noise.id(src.file, row, '身份证号', p),
      p.name,
      hh?.hhNo ?? '',
      v ? `${v.name}${v.community ? '社区' : '村'}` : '',
      period(noise, x.from, x.to, im),
      noise.date(src.file, x.payDate, im),
      amount,
      x.account,
      x.arrears ? '补发' : '正常',
    ]);
  }
  return w.close();
}

export function writePolice(world: World, records: Records, noise: Noise, dir: string): number {
  const src = SOURCES.police;
  const w = new JsonlWriter(join(dir, src.file));
  for (const c of records.cases.slice().sort((a, b) => a.time - b.time || a.caseNo.localeCompare(b.caseNo))) {
    const hms = `${p2(Math.floor(c.second / 3600))}:${p2(Math.floor((c.second % 3600) / 60))}:${p2(c.second % 60)}`;
    for (const party of c.parties) {
      const p = person(world, party.person);
      const im = p.planted === true;
      w.row({
        案件编号: c.caseNo,
        决定书文号: party.penalty ? c.decisionNo : '',
        违法行为类别: c.type,
        违法时间: `${iso(c.time)} ${hms}`,
        违法地点: c.place,
        办案单位: c.unit,
        身份证号: noise.id(src.file, w.rows + 1, '身份证号', p),
        姓名: p.name,
        涉案角色: party.role,
        政治面貌: party.political,
        职业: party.job,
        工作单位: party.employer,
        处罚种类: party.penalty,
        处罚日期: party.penalty ? noise.date(src.file, c.decided, im) : '',
      });
    }
  }
  return w.close();
}

export async function writeSanctions(world: World, records: Records, noise: Noise, dir: string): Promise<number> {
  const src = SOURCES.sanction;
  const w = new XlsxSheet(join(dir, src.file), src.sheet, src.header);
  for (const s of records.sanctions.slice().sort((a, b) => a.decided - b.decided || a.docNo.localeCompare(b.docNo))) {
    const p = person(world, s.person);
    const im = p.planted === true;
    w.row([
      s.docNo,
      noise.id(src.file, w.rows + 1, '身份证号', p),
      p.name,
      s.post,
      s.kind,
      s.type,
      noise.date(src.file, s.decided, im),
      noise.date(src.file, s.until, im),
      s.reason,
    ]);
  }
  return w.close();
}

export function writeInsurance(world: World, records: Records, noise: Noise, dir: string): number {
  const src = SOURCES.insurance;
  const w = new CsvWriter(join(dir, src.file), src.encoding, src.header);
  for (const i of records.insurance.slice().sort((a, b) => a.person - b.person || a.from - b.from)) {
    const p = person(world, i.person);
    const im = p.planted === true;
    w.row([
      noise.id(src.file, w.rows + 1, '身份证号', p),
      p.name,
      i.employer.name,
      i.employer.code,
      i.employer.kind === 'company' ? '企业' : '机关事业单位',
      i.scheme,
      month(noise, i.from, im),
      i.to !== undefined ? month(noise, i.to, im) : '',
    ]);
  }
  return w.close();
}
