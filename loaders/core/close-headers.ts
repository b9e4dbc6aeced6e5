// When a mapping finds no header for a column, the file often has it under a name the mapping does not
// list: 户编号 for 户号, 身份证件号码 for 公民身份号码, 法定代表人证件号 for 法定代表人证件号码. Naming those
// headers next to the column tells the person adapting a mapping which alias to add, instead of leaving
// them to compare two lists by eye.
import type { Mapping } from './mapping/types.js';
import { headerKey } from './readers/header.js';

/** How alike two headers are, 0 to 1: one inside the other is 1, else the Dice coefficient of their characters. */
export function likeness(a: string, b: string): number {
  if (a.length >= 2 && b.length >= 2 && (a.includes(b) || b.includes(a))) return 1;
  const as = new Set(a);
  const bs = new Set(b);
  let shared = 0;
  for (const c of as) if (bs.has(c)) shared++;
  // One shared character (名 in 姓名 and 名称) says nothing.
  return shared < 2 ? 0 : (2 * shared) / (as.size + bs.size);
}

const ALIKE = 0.5;
const SHOWN = 3;

/**
 * For each mapping column `leaveOut` does not leave out (one that found a header, or one not asked about), the
 * file's headers that no column read (`read`: header keys) and that look like one of its aliases, best first:
 * `column id → headers as written`.
 */
export function closeHeaders(
  mapping: Mapping,
  headers: string[],
  leaveOut: (id: string) => boolean,
  read: Set<string>,
): Record<string, string[]> {
  const free = headers.map((h) => ({ h, k: headerKey(h) })).filter((x) => x.k !== '' && !read.has(x.k));
  const out: Record<string, string[]> = {};
  for (const c of Object.values(mapping.columns)) {
    if (c.join || leaveOut(c.id)) continue;
    const aliases = c.headers.map(headerKey);
    const scored = free
      .map(({ h, k }) => ({ h, score: Math.max(...aliases.map((a) => likeness(a, k))) }))
      .filter((x) => x.score >= ALIKE)
      .sort((x, y) => y.score - x.score)
      .slice(0, SHOWN)
      .map((x) => x.h);
    if (scored.length) out[c.id] = scored;
  }
  return out;
}

/** `户号 (hhNo) ≈ 户编号` lines for a message. */
export const closeText = (mapping: Mapping, close: Record<string, string[]>): string[] =>
  Object.entries(close).map(([id, hs]) => `${mapping.columns[id]!.headers[0]} (${id}) ≈ ${hs.join(' / ')}`);
