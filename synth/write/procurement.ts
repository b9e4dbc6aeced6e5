// 直接发包及村级工程支付.xlsx and 行政许可检查处罚.csv rows from the World.
import { join } from 'node:path';
import type { World } from '../world/world.js';
import type { Noise } from '../noise.js';
import { SOURCES } from './sources.js';
import { CsvWriter } from './csv.js';
import { XlsxSheet } from './xlsx.js';

export async function writeDirect(world: World, noise: Noise, dir: string): Promise<number> {
  const src = SOURCES.direct;
  const w = new XlsxSheet(join(dir, src.file), src.sheet, src.header);
  for (const d of (world.direct ?? []).slice().sort((a, b) => (a.ref < b.ref ? -1 : 1))) {
    const o = world.orgs[d.org];
    if (!o) continue;
    const row = w.rows + 1;
    const im = d.planted === true;
    const p = d.payee.kind === 'person' ? world.persons[d.payee.idx] : undefined;
    const c = d.payee.kind === 'company' ? world.companies[d.payee.idx] : undefined;
    const name = p?.name ?? c?.name ?? '';
    const id = p ? noise.id(src.file, row, '收款人证件号码', p) : (c?.uscc ?? '');
    w.row([
      d.ref,
      o.name,
      o.code,
      d.job,
      d.site,
      name,
      p ? '个人' : '单位',
      id,
      noise.amount(src.file, row, '金额', d.amount, im),
      noise.date(src.file, d.date, im),
      d.method,
    ]);
  }
  return w.close();
}

export function writeRegulation(world: World, noise: Noise, dir: string): number {
  const src = SOURCES.regulation;
  const w = new CsvWriter(join(dir, src.file), src.encoding, src.header);
  for (const r of (world.regs ?? []).slice().sort((a, b) => (a.ref < b.ref ? -1 : 1))) {
    const o = world.orgs[r.org];
    const c = world.companies[r.company];
    if (!o || !c) continue;
    const row = w.rows + 1;
    const im = r.planted === true;
    const i = r.inspector !== undefined ? world.persons[r.inspector] : undefined;
    w.row([
      r.ref,
      o.name,
      o.code,
      c.name,
      c.uscc,
      r.kind,
      noise.date(src.file, r.date, im),
      noise.date(src.file, r.validTo, im),
      i?.name ?? '',
      i ? noise.id(src.file, row, '执法人员证件号码', i) : '',
      r.result,
      r.fine !== undefined ? String(r.fine) : '',
    ]);
  }
  return w.close();
}
