// Cells that would be stored wrong if loaded as read: bytes the encoding could not decode (iconv turns them
// into U+FFFD), control characters (a NUL, a stray escape), and cells far larger than any field of a register
// (reading that person back would return megabytes). Each rejects its row, with the column and the reason;
// tab and line breaks are allowed (a quoted cell may hold them). Only the columns the mapping reads are checked:
// the others are never stored.
import { bilingual } from '../errors.js';
import type { Problem } from '../transform.js';
import type { DataRow } from './source-reader.js';

const SUSPECT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * A value as the rejects file shows it: control characters spelled out, long ones cut; in a masked column
 * (an ID number, when pseudonymising) all but its first six and last four characters starred, since a
 * stray byte can split the number where maskIdLike would look for it whole.
 */
function shown(s: string, masked: boolean): string {
  const cut = s.length > 200 ? `${s.slice(0, 200)}…` : s;
  const text = cut.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (!masked) return text;
  const chars = [...text];
  return chars.length <= 10
    ? '*'.repeat(chars.length)
    : `${chars.slice(0, 6).join('')}${'*'.repeat(chars.length - 10)}${chars.slice(-4).join('')}`;
}

export interface CellCheck {
  /** header key → header as written, for the columns the mapping reads. */
  columns: Map<string, string>;
  encoding?: string;
  maxCellBytes: number;
  /** Header keys whose refused values are shown masked (ID-number columns of a pseudonymising load). */
  masked?: ReadonlySet<string>;
}

export function cellProblems(data: DataRow, check: CellCheck): Problem[] {
  const out: Problem[] = [];
  for (const [key, column] of check.columns) {
    const v = data.values[key];
    if (typeof v !== 'string') continue;
    const mask = check.masked?.has(key) ?? false;
    // UTF-8 takes at most 3 bytes per UTF-16 unit: a shorter string cannot be over the limit.
    if (v.length * 3 > check.maxCellBytes) {
      const bytes = Buffer.byteLength(v);
      if (bytes > check.maxCellBytes) {
        out.push({
          column,
          value: shown(v, mask),
          reason: bilingual(
            `单元格 ${bytes} 字节，超过上限 ${check.maxCellBytes}`,
            `cell of ${bytes} bytes, more than the limit of ${check.maxCellBytes} (maxCellBytes)`,
          ),
        });
        continue;
      }
    }
    if (!SUSPECT.test(v)) continue;
    const control = CONTROL.exec(v);
    if (control) {
      const u = `U+${control[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`;
      out.push({ column, value: shown(v, mask), reason: bilingual(`单元格含控制字符 ${u}`, `control character ${u} in the cell`) });
    } else
      out.push({
        column,
        value: shown(v, mask),
        reason: bilingual(
          `含无法按 ${check.encoding ?? '文本'} 解码的字节（显示为 �）：文件编码与读取所用编码不符，或导出文件已损坏`,
          `bytes that are not valid ${check.encoding ?? 'text'} (shown as �): the file's encoding is not the one it was read in, or the export is damaged`,
        ),
      });
  }
  return out;
}
