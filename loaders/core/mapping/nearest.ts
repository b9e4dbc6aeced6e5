// A file no mapping recognises is most often a source huiyan knows, exported under other headers
// (户编号 for 户号, 身份证件号码 for 公民身份号码) or other file names. Which shipped mapping it is closest
// to, and which of its columns the file seems to hold under another name, is what the person adapting a
// mapping needs first: the refusal names it, and `npm run mapping -- draft` starts a mapping from it.
import { closeHeaders, likeness } from '../close-headers.js';
import { headerKey, headerKeysOf, noteOf } from '../readers/header.js';
import type { Mapping } from './types.js';

export interface Nearest {
  mapping: Mapping;
  /** The head row the mapping fits best (a title row above the header is passed over). */
  headers: string[];
  /** Columns found by one of their aliases, as the loader binds them. */
  found: string[];
  /** Columns not found whose aliases the file seems to hold under another name: column id → headers as written. */
  alike: Record<string, string[]>;
  /** Required columns neither found nor alike: the draft cannot fill these in. */
  missingRequired: string[];
  /** The file's headers neither found nor named alike. */
  unread: string[];
  score: number;
}

/** How one mapping fits one head row. */
export function fit(m: Mapping, headers: string[]): Nearest {
  const have = headerKeysOf(headers);
  const columns = Object.values(m.columns).filter((c) => !c.join);
  const found = columns.filter((c) => c.headers.some((h) => have.has(headerKey(h)))).map((c) => c.id);
  const foundSet = new Set(found);
  // The headers the found columns read are not offered as look-alikes of the others.
  const read = new Set<string>();
  for (const id of found)
    for (const h of headers) {
      const k = headerKey(h);
      const bare = noteOf(k)?.bare;
      if (m.columns[id]!.headers.some((a) => [k, bare].includes(headerKey(a)))) read.add(k);
    }
  const alike = closeHeaders(m, headers, (id) => foundSet.has(id), read);
  // A header is offered to one column only: the first column (in the mapping's order) to name it keeps it.
  const taken = new Set<string>();
  for (const id of Object.keys(alike)) {
    const free = alike[id]!.filter((h) => !taken.has(h));
    if (free.length) {
      alike[id] = free;
      taken.add(free[0]!);
    } else delete alike[id];
  }
  const named = new Set([...read, ...Object.values(alike).map((hs) => headerKey(hs[0]!))]);
  const missingRequired = columns.filter((c) => c.required && !foundSet.has(c.id) && !alike[c.id]).map((c) => c.id);
  const unread = headers.filter((h) => headerKey(h) !== '' && !named.has(headerKey(h)));
  // A header the mapping knows is stronger evidence than one that looks like it, and a look-alike by
  // containment (亡者身份证号码 ⊃ 身份证号码) stronger than one sharing two characters (火化时间 ~ 入党时间).
  // What identifies the source weighs most.
  const strength = (id: string) => Math.max(...m.columns[id]!.headers.map((a) => likeness(headerKey(a), headerKey(alike[id]![0]!))));
  const signature = m.match.headers.reduce((n, id) => n + (foundSet.has(id) ? 1 : alike[id] ? 0.5 * strength(id) : 0), 0);
  const looks = Object.keys(alike).reduce((n, id) => n + 0.75 * strength(id), 0);
  const score = 2 * found.length + looks + signature - missingRequired.length * 0.5;
  return { mapping: m, headers, found, alike, missingRequired, unread, score };
}

/**
 * The mappings closest to a file, best first: for each, the head row among `rows` (the rows the header
 * search looked at) that it fits best. A mapping counts only when at least two of its columns are found or
 * alike, one of them identifying the source; a lone 姓名 or 身份证号 says nothing of which register it is.
 */
export function nearestMappings(mappings: Mapping[], rows: string[][], most = 2): Nearest[] {
  const out: Nearest[] = [];
  for (const m of mappings) {
    const best = bestFit(m, rows);
    if (!best) continue;
    const hits = best.found.length + Object.keys(best.alike).length;
    const identifying = m.match.headers.some((id) => best.found.includes(id) || best.alike[id]);
    if (hits >= 2 && identifying) out.push(best);
  }
  out.sort((a, b) => b.score - a.score || a.mapping.order - b.mapping.order);
  // A distant second (案件编号 ≈ 户编号 for a household register) would only send the reader the wrong way.
  return out.filter((n) => n.score >= NEAR_SECOND * out[0]!.score).slice(0, most);
}

const NEAR_SECOND = 0.6;

/** The head row among `rows` that `m` fits best; undefined when there are none. */
export function bestFit(m: Mapping, rows: string[][]): Nearest | undefined {
  let best: Nearest | undefined;
  for (const r of rows) {
    const f = fit(m, r);
    if (!best || f.score > best.score) best = f;
  }
  return best;
}

/** `hukou 户籍人口 (4 columns by header; 户号 (hhNo) ≈ 户编号; no 与户主关系 (relToHead))`, for a message. */
export function nearestText(n: Nearest): string {
  const m = n.mapping;
  const parts = [`${n.found.length} column${n.found.length === 1 ? '' : 's'} by header`];
  for (const [id, hs] of Object.entries(n.alike)) parts.push(`${m.columns[id]!.headers[0]} (${id}) ≈ ${hs[0]}`);
  for (const id of n.missingRequired) parts.push(`no ${m.columns[id]!.headers[0]} (${id})`);
  return `${m.id} ${m.title.zh} (${parts.join('; ')})`;
}
