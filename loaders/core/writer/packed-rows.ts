// A statement's rows as one string instead of a list of lists: rows joined by RS (U+001E), fields by US
// (U+001F), '' for a value that is absent. The driver packs a list row value by value (a type check and a
// UTF-8 buffer per string); one string is one buffer, and the server splits it as LOAD CSV splits a line.
// This process's CPU over a 100,000-person load fell by a tenth; the server's was no different beyond the
// spread (docs/bench.md, "Rows packed in one string").
import type { PropDef } from '../../../platform/schema/graph-schema.js';

/** Between rows, and between the fields of a row. */
export const RS = '\u001e';
export const US = '\u001f';

type Cell = string | number | boolean | null;

/** Whether a value survives the text form for a property of this type (cypher.ts fromText reads it back). */
function fits(v: Cell, type: PropDef['type'] | undefined): boolean {
  if (v === null) return true;
  switch (type ?? 'string') {
    case 'string':
    case 'date':
    case 'datetime':
      // '' reads back as absent; a separator would split the row (the cell check refuses control characters
      // in what it reads, readers/cell-check.ts, so this guards what a normaliser or a constant might make).
      return typeof v === 'string' && v !== '' && !v.includes(RS) && !v.includes(US);
    case 'integer':
    case 'float':
      return typeof v === 'number' && Number.isFinite(v);
    case 'boolean':
      return typeof v === 'boolean';
    default:
      return false;
  }
}

const isKey = (v: Cell | undefined) => typeof v === 'string' && fits(v, 'string');

/**
 * Rows [key, uid, source row, ...values in `types` order] as one string, or undefined when some value has
 * no faithful text form (then the statement goes as lists).
 */
export function packRows(rows: Cell[][], types: (PropDef['type'] | undefined)[]): string | undefined {
  const lines: string[] = new Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    // The two keys as text, never absent: the list form would MERGE on them as they are.
    if (!isKey(row[0]) || !isKey(row[1])) return undefined;
    for (let i = 3; i < row.length; i++) if (!fits(row[i] ?? null, types[i - 3])) return undefined;
    lines[r] = row.map((v) => (v === null ? '' : String(v))).join(US);
  }
  return lines.join(RS);
}
