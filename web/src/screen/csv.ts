// The screening result as CSV for a case file: one row per entry, as the page shows it. Pure, unit-tested.
// A UTF-8 byte-order mark so Excel opens Chinese text right; a cell that starts like a formula (= + - @)
// gets a leading apostrophe, since names and inputs come from outside and a spreadsheet would run them.
import type { ScreenRow } from '../api/stats-queries.js';

export function csvCell(v: string | number): string {
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const toCsv = (rows: readonly (readonly (string | number)[])[]): string =>
  '\uFEFF' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';

export interface CsvWords {
  header: readonly string[];
  status: (s: ScreenRow['status'], problem: string | null | undefined) => string;
  hops: (n: number) => string;
}

/** One line per entry: its position, what was entered, the result, who matched, the alerts and the links. */
export function screenCsv(entries: readonly string[], rows: readonly ScreenRow[], w: CsvWords): string {
  const body = rows.map((r) => [
    r.index + 1,
    entries[r.index] ?? '',
    w.status(r.status, r.problem),
    r.candidates.map((c) => `${c.caption} (${c.id})`).join('; '),
    r.openAlerts.length,
    r.openAlerts.map((a) => `${a.modelTitle} [${a.id}]`).join('; '),
    r.concludedAlerts.length,
    r.links.map((l) => `${l.official.caption} ${w.hops(l.hops)}: ${l.route.map((n) => n.caption).join(' — ')}`).join('; '),
  ]);
  return toCsv([w.header, ...body]);
}
