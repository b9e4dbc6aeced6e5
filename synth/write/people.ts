// 户籍人口, 婚姻登记 and 干部名册 rows from the World, with noise applied cell by cell.
import { join } from 'node:path';
import type { World } from '../world/world.js';
import type { Noise } from '../noise.js';
import { SOURCES } from './sources.js';
import { CsvWriter } from './csv.js';
import { XlsxSheet } from './xlsx.js';

export function writeHukou(world: World, noise: Noise, dir: string): number {
  const src = SOURCES.hukou;
  const w = new CsvWriter(join(dir, src.file), src.encoding, src.header);
  // Register order is by 户号, which scatters planted households among the rest.
  const order = world.households.slice().sort((a, b) => (a.hhNo < b.hhNo ? -1 : a.hhNo > b.hhNo ? 1 : 0));
  let dupOf: { row: number; cells: string[] } | undefined;
  const dupAt = noise.on ? Math.floor(order.length / 2) : -1;
  order.forEach((hh, i) => {
    for (const m of hh.members) {
      const p = world.persons[m];
      if (!p) continue;
      const row = w.rows + 1;
      const im = p.planted === true;
      const cells = [
        noise.id(src.file, row, '公民身份号码', p, true),
        p.name,
        p.male ? '男' : '女',
        noise.date(src.file, p.birth, im),
        hh.hhNo,
        noise.relation(src.file, p.rel, im),
        hh.address,
        p.cancel ? '是' : '否',
        noise.date(src.file, p.cancel?.date, im),
        p.cancel?.reason ?? '',
      ];
      w.row(cells);
      if (i === dupAt && !im && !dupOf) dupOf = { row, cells };
    }
  });
  if (dupOf) {
    // The same person sent twice (e.g. two extracts concatenated).
    const row = w.row(dupOf.cells);
    noise.log.duplicateRows.push({ file: src.file, row, duplicateOf: dupOf.row });
  }
  return w.close();
}

export function writeMarriages(world: World, noise: Noise, dir: string): number {
  const src = SOURCES.marriage;
  const w = new CsvWriter(join(dir, src.file), src.encoding, src.header);
  const order = world.marriages.slice().sort((a, b) => a.date - b.date);
  for (const m of order) {
    const h = world.persons[m.male];
    const f = world.persons[m.female];
    if (!h || !f) continue;
    const row = w.rows + 1;
    const im = m.planted === true;
    w.row([
      noise.id(src.file, row, '男方身份证号', h),
      h.name,
      noise.id(src.file, row, '女方身份证号', f),
      f.name,
      noise.date(src.file, m.date, im),
      m.kind,
    ]);
  }
  // Signed under the table, as the registry's export is printed and filed: the loaders set the line aside.
  w.footer(['制表人：婚姻登记处', '', '审核人：民政局']);
  return w.close();
}

export async function writeCadres(world: World, noise: Noise, dir: string): Promise<number> {
  const src = SOURCES.cadre;
  const w = new XlsxSheet(join(dir, src.file), src.sheet, src.header);
  const order = world.posts.slice().sort((a, b) => a.org - b.org || a.from - b.from || a.person - b.person);
  for (const post of order) {
    const p = world.persons[post.person];
    const o = world.orgs[post.org];
    if (!p || !o) continue;
    const row = w.rows + 1;
    const im = post.planted === true;
    w.row([
      noise.id(src.file, row, '身份证号', p),
      p.name,
      o.name,
      o.code,
      o.kind,
      post.title,
      post.level,
      noise.bool(src.file, row, '是否领导成员', post.leader, im),
      noise.date(src.file, post.from, im),
      noise.date(src.file, post.to, im),
    ]);
  }
  return w.close();
}
