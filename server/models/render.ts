// Turns a result row into the sentence a case handler reads: "{official}（{unit}{title}）的{relation}…".
// Unknown placeholders stay visible as {name} so a header typo shows up in the alert, not as silence.
// An ID number in a rendered value is masked: the summary is shown to every role, and a model that
// returns one (a raw key before pseudonymisation, an idNo column) must not put it in front of them.
import { hideIdNumbers } from '../../platform/identifiers/id-number.js';

const AMOUNT_COLUMNS = /amount|price|budget|sum|money/i;

export function formatValue(name: string, v: unknown, lang: 'zh' | 'en'): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'number') {
    const digits = AMOUNT_COLUMNS.test(name) ? 2 : Number.isInteger(v) ? 0 : 2;
    return v.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', {
      minimumFractionDigits: digits === 2 && !Number.isInteger(v) ? 2 : 0,
      maximumFractionDigits: digits,
    });
  }
  if (Array.isArray(v)) return v.map((x) => formatValue(name, x, lang)).join(lang === 'zh' ? '、' : ', ');
  return String(v);
}

export function renderSummary(template: string, row: Record<string, unknown>, lang: 'zh' | 'en'): string {
  return template.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (whole, name: string) =>
    name in row ? hideIdNumbers(formatValue(name, row[name], lang)) : whole,
  );
}
