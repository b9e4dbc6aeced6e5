// 企业登记, 企业股东, 企业主要人员, 招标项目, 投标记录 and 中标结果 rows from the World.
import { join } from 'node:path';
import { formatDay, iso } from '../world/dates.js';
import type { Company, World } from '../world/world.js';
import type { Noise } from '../noise.js';
import { SOURCES } from './sources.js';
import { CsvWriter } from './csv.js';
import { JsonlWriter } from './jsonl.js';
import { XlsxSheet } from './xlsx.js';

const byFounded = (world: World): Company[] => world.companies.slice().sort((a, b) => a.founded - b.founded || a.idx - b.idx);

export async function writeCompanies(world: World, noise: Noise, dir: string): Promise<number> {
  const src = SOURCES.company;
  const w = new XlsxSheet(join(dir, src.file), src.sheet, src.header);
  let dup: { row: number; cells: (string | number)[] } | undefined;
  for (const c of byFounded(world)) {
    const rep = world.persons[c.rep];
    if (!rep) continue;
    const row = w.rows + 1;
    const im = c.planted === true;
    const cells = [
      c.uscc,
      c.name,
      c.status,
      noise.date(src.file, c.founded, im),
      noise.capital(src.file, row, c.capitalWan, im),
      c.address,
      c.phone,
      rep.name,
      noise.id(src.file, row, '法定代表人证件号码', rep),
      c.insured !== undefined ? String(c.insured) : '',
    ];
    w.row(cells);
    if (!im && !dup && c.role === 'bidder' && noise.on) dup = { row, cells };
  }
  if (dup) {
    const row = w.row(dup.cells);
    noise.log.duplicateRows.push({ file: src.file, row, duplicateOf: dup.row });
  }
  return w.close();
}

export function writeShareholders(world: World, noise: Noise, dir: string): number {
  const src = SOURCES.shareholder;
  const w = new CsvWriter(join(dir, src.file), src.encoding, src.header);
  const rank = new Map(byFounded(world).map((c, i) => [c.idx, i]));
  const order = world.shareholdings.slice().sort((a, b) => (rank.get(a.company) ?? 0) - (rank.get(b.company) ?? 0));
  let typo = noise.on ? 0 : -1;
  let dup: { row: number; cells: string[] } | undefined;
  for (const s of order) {
    const c = world.companies[s.company];
    if (!c) continue;
    const row = w.rows + 1;
    const im = c.planted === true;
    let name: string;
    let idCell: string;
    if (s.holder.kind === 'person') {
      const p = world.persons[s.holder.idx];
      if (!p) continue;
      name = p.name;
      // One background shareholder ID with a typo'd check digit: a loader must reject, not join.
      idCell =
        typo === 0 && !im && !p.planted ? noise.forceInvalid(src.file, row, '股东证件号码', p) : noise.id(src.file, row, '股东证件号码', p);
      if (typo === 0 && !im && !p.planted) typo = 1;
    } else {
      const h = world.companies[s.holder.idx];
      if (!h) continue;
      name = h.name;
      idCell = h.uscc;
    }
    const cells = [
      c.uscc,
      c.name,
      name,
      s.holder.kind === 'person' ? '自然人' : '企业法人',
      idCell,
      noise.ratio(src.file, row, s.pct, im),
      noise.date(src.file, s.from, im),
      noise.date(src.file, s.to, im),
    ];
    w.row(cells);
    if (!im && !dup && noise.on && row > 3) dup = { row, cells };
  }
  if (dup) {
    const row = w.row(dup.cells);
    noise.log.duplicateRows.push({ file: src.file, row, duplicateOf: dup.row });
  }
  return w.close();
}

export function writeOfficers(world: World, noise: Noise, dir: string): number {
  const src = SOURCES.officer;
  const w = new CsvWriter(join(dir, src.file), src.encoding, src.header);
  const rank = new Map(byFounded(world).map((c, i) => [c.idx, i]));
  const order = world.officers.slice().sort((a, b) => (rank.get(a.company) ?? 0) - (rank.get(b.company) ?? 0));
  for (const o of order) {
    const c = world.companies[o.company];
    const p = world.persons[o.person];
    if (!c || !p) continue;
    const row = w.rows + 1;
    w.row([c.uscc, p.name, noise.id(src.file, row, '证件号码', p), o.role, noise.date(src.file, o.from, c.planted === true)]);
  }
  return w.close();
}

export async function writeTenders(world: World, noise: Noise, dir: string): Promise<number> {
  const src = SOURCES.tender;
  const w = new XlsxSheet(join(dir, src.file), src.sheet, src.header);
  // Project codes follow announcement order, so sorting by code lists them as published.
  for (const p of world.projects.slice().sort((a, b) => (a.code < b.code ? -1 : 1))) {
    const o = world.orgs[p.org];
    if (!o) continue;
    const a = p.agent !== undefined ? world.companies[p.agent] : undefined;
    const row = w.rows + 1;
    const im = p.planted === true;
    w.row([
      p.code,
      p.name,
      o.name,
      o.code,
      a?.name ?? '',
      a?.uscc ?? '',
      noise.amount(src.file, row, '预算金额', p.budget, im),
      p.method,
      noise.date(src.file, p.announced, im),
    ]);
  }
  return w.close();
}

export function writeBids(world: World, noise: Noise, dir: string): number {
  const src = SOURCES.bid;
  const w = new JsonlWriter(join(dir, src.file));
  for (const b of world.bids.slice().sort((x, y) => (x.code < y.code ? -1 : 1))) {
    const p = world.projects[b.project];
    const c = world.companies[b.company];
    const kit = world.kits[b.company];
    if (!p || !c || !kit) continue;
    const row = w.rows + 1;
    const im = p.planted === true;
    const hms = [Math.floor(b.second / 3600), Math.floor(b.second / 60) % 60, b.second % 60]
      .map((n) => String(n).padStart(2, '0'))
      .join(':');
    const when = im || !noise.chance(0.3) ? `${iso(b.submitted)} ${hms}` : `${formatDay(b.submitted, 'slash')} ${hms}`;
    const price = noise.amount(src.file, row, '投标报价', b.price, im);
    // Per-bid fingerprints (planted collusion) override the firm's usual kit.
    const mgr = b.managerPerson !== undefined ? world.persons[b.managerPerson] : undefined;
    w.row({
      投标编号: b.code,
      项目编号: p.code,
      投标人: c.name,
      投标人信用代码: c.uscc,
      投标报价: price === String(b.price) ? b.price : price,
      递交时间: when,
      上传IP: b.ip ?? kit.ip,
      MAC地址: b.mac ?? kit.mac,
      机器码: b.machine ?? kit.machine,
      保证金账号: b.account ?? kit.account,
      联系人: b.contact,
      联系电话: b.phone,
      项目负责人: mgr?.name ?? b.manager,
      项目负责人证件号码: mgr ? (im ? mgr.idNo : noise.id(src.file, row, '项目负责人证件号码', mgr)) : '',
      否决投标: b.disqualified ? '是' : '否',
      否决原因: b.disqualifyReason ?? '',
    });
  }
  return w.close();
}

export function writeAwards(world: World, noise: Noise, dir: string): number {
  const src = SOURCES.award;
  const w = new CsvWriter(join(dir, src.file), src.encoding, src.header);
  const order = world.awards.slice().sort((a, b) => a.date - b.date || a.project - b.project);
  for (const a of order) {
    const p = world.projects[a.project];
    const c = world.companies[a.company];
    if (!p || !c) continue;
    const row = w.rows + 1;
    const im = a.planted === true;
    w.row([p.code, c.name, c.uscc, noise.amount(src.file, row, '中标金额', a.amount, im), noise.date(src.file, a.date, im)]);
  }
  const last = order[order.length - 1];
  if (noise.on && last) {
    // An award whose project was never published (typo'd or missing from 招标项目).
    const c = world.companies[last.company] as Company;
    const year = new Date(last.date * 86_400_000).getUTCFullYear();
    const codes = new Set(world.projects.map((p) => p.code));
    let n = 9000 + noise.pick([11, 23, 37, 41, 59]);
    while (codes.has(`TLZB-${year}-${n}`)) n++;
    const code = `TLZB-${year}-${n}`;
    const row = w.row([code, c.name, c.uscc, String(last.amount), iso(last.date)]);
    noise.log.danglingAwards.push({ file: src.file, row, projectCode: code });
  }
  return w.close();
}
