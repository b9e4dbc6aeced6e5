// A large JSON value written as `JSON.stringify(value, null, 2)` would write it, in pieces. truth.json
// holds every spelling the noise made (140 MB at a million persons); past about four million persons its
// text is longer than the longest string V8 can make (2^29 - 24 characters), and one string of it would
// also double the generator's peak. Byte for byte the same as the one-string form (a unit test compares).
import { LineFile } from '../../platform/files/line-file.js';

/** A value with fewer members than this, counted through every level, is stringified whole. */
const WHOLE_BELOW = 256;

type Json = unknown;

function isContainer(v: Json): v is object {
  return typeof v === 'object' && v !== null && typeof (v as { toJSON?: unknown }).toJSON !== 'function';
}

/** What JSON.stringify(…, null, 2) writes for `v` at nesting `indent`; undefined when it would omit it. */
function small(v: Json, indent: string): string | undefined {
  const s = JSON.stringify(v, null, 2) as string | undefined;
  // Strings inside JSON text never hold a raw line break, so every break is indentation's.
  return s === undefined ? undefined : indent ? s.replace(/\n/g, `\n${indent}`) : s;
}

/** Members left of `budget` after counting those of `v` at every level; 0 once it is spent. */
function left(v: Json, budget: number): number {
  if (!isContainer(v)) return budget;
  const members: Json[] = Array.isArray(v) ? v : Object.values(v);
  let b = budget - members.length;
  for (const x of members) {
    if (b <= 0) return 0;
    b = left(x, b);
  }
  return Math.max(b, 0);
}

function write(out: LineFile, v: Json, indent: string): void {
  if (!isContainer(v) || left(v, WHOLE_BELOW) > 0) {
    out.put(small(v, indent) ?? 'null');
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(v)) {
    out.put('[');
    v.forEach((x: Json, i) => {
      out.put(`${i ? ',' : ''}\n${inner}`);
      // An array's undefined, function or symbol member is written as null, as JSON.stringify does.
      if (isContainer(x)) write(out, x, inner);
      else out.put(small(x, inner) ?? 'null');
    });
    out.put(`\n${indent}]`);
    return;
  }
  let first = true;
  out.put('{');
  for (const [k, x] of Object.entries(v)) {
    const text = isContainer(x) ? '' : small(x, inner);
    if (!isContainer(x) && text === undefined) continue; // omitted, as JSON.stringify omits it
    out.put(`${first ? '' : ','}\n${inner}${JSON.stringify(k)}: `);
    first = false;
    if (isContainer(x)) write(out, x, inner);
    else out.put(text!);
  }
  out.put(first ? '}' : `\n${indent}}`);
}

/** Writes `JSON.stringify(value, null, 2) + '\n'` to `path` without making that string. */
export function writeJsonFile(path: string, value: Json): void {
  const out = new LineFile(path);
  try {
    write(out, value, '');
    out.put('\n');
  } finally {
    out.close();
  }
}
