// Head counts such as 参保人数 / 从业人数: a whole number, optionally with 人 after it. Annual reports
// also write 企业选择不公示 (not disclosed), which is empty, not zero.
import { invalid } from '../errors.js';
import { text, type Cell } from './text.js';

export function count(raw: Cell): number | null {
  if (typeof raw === 'number') {
    if (!Number.isInteger(raw) || raw < 0) return invalid('不是人数', `"${raw}" is not a head count`);
    return raw;
  }
  const s = text(raw);
  if (s === null || /不公示|未公示/.test(s)) return null;
  const m = /^(\d{1,7})\s*人?$/.exec(s.replace(/,/g, ''));
  if (!m) return invalid('不是人数', `"${s}" is not a head count`);
  return Number(m[1]);
}
