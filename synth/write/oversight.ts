// Writes 信访件登记.xlsx and 审批办件.csv (oversight-sources.ts) from the oversight records, with noise on the
// background rows only (date spellings, full-width ID digits); planted rows stay canonical.
import { join } from 'node:path';
import type { Noise } from '../noise.js';
import type { ApprovalRecord } from '../oversight/approvals.js';
import type { PetitionRecord } from '../oversight/petitions.js';
import type { Person, World } from '../world/world.js';
import { CsvWriter } from './csv.js';
import { SOURCES } from './sources.js';
import { XlsxSheet } from './xlsx.js';

/** A planted row keeps the canonical number; a background one may get noise (full-width digits, a lower-case x). */
const idCell = (noise: Noise, file: string, row: number, column: string, p: Person, planted: boolean) =>
  planted ? p.idNo : noise.id(file, row, column, p);

export async function writePetitions(world: World, records: PetitionRecord[], noise: Noise, dir: string): Promise<number> {
  const src = SOURCES.petition;
  const w = new XlsxSheet(join(dir, src.file), src.sheet, src.header);
  for (const r of records.slice().sort((a, b) => a.code.localeCompare(b.code))) {
    const reporter = r.reporter === undefined ? undefined : world.persons[r.reporter]!;
    const subject = r.subject === undefined ? undefined : world.persons[r.subject]!;
    const org = r.subjectOrg === undefined ? undefined : world.orgs[r.subjectOrg]!;
    const handler = world.orgs[r.handler]!;
    const im = r.planted;
    w.row([
      r.code,
      r.kind,
      r.channel,
      r.issue,
      reporter?.name ?? '匿名',
      reporter ? idCell(noise, src.file, w.rows + 1, '反映人身份证号', reporter, im) : '',
      subject?.name ?? '',
      subject ? idCell(noise, src.file, w.rows + 1, '被反映人身份证号', subject, im) : '',
      r.subjectPost ?? '',
      org?.name ?? '',
      org?.code ?? '',
      handler.name,
      handler.code,
      noise.date(src.file, r.received, im),
      noise.date(src.file, r.accepted, im),
      noise.date(src.file, r.concluded, im),
      r.concluded !== undefined ? '已办结' : r.accepted !== undefined ? '办理中' : '待受理',
      r.satisfaction,
    ]);
  }
  return w.close();
}

export function writeApprovals(world: World, records: ApprovalRecord[], noise: Noise, dir: string): number {
  const src = SOURCES.approval;
  const w = new CsvWriter(join(dir, src.file), src.encoding, src.header);
  for (const r of records.slice().sort((a, b) => a.code.localeCompare(b.code))) {
    const official = world.persons[r.official]!;
    const org = world.orgs[r.org]!;
    w.row([
      r.code,
      r.itemType,
      r.applicant,
      org.name,
      org.code,
      official.name,
      idCell(noise, src.file, w.rows + 1, '经办人身份证号', official, r.planted),
      noise.date(src.file, r.submitted, r.planted),
      noise.date(src.file, r.concluded, r.planted),
      r.limitDays === undefined ? '' : String(r.limitDays),
      r.concluded !== undefined ? '已办结' : '办理中',
    ]);
  }
  return w.close();
}
