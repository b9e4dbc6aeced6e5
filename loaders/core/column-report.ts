// What a mapping made of one file's header: the columns it read and from which header, the file's columns
// nothing read, the optional columns that found no header, and the relationships that cannot be built on
// any row because a node they join has no key column in this file. A company export whose 法定代表人证件号
// had no alias loaded every company without its legal representative under a ✓; this report says so.
import type { Mapping } from './mapping/types.js';
import { headerKey } from './readers/header.js';
import { closeHeaders, closeText } from './close-headers.js';
import type { Bound } from './transform.js';

export interface ColumnReport {
  /** Mapping column id → the header it was read from, as written in the file. */
  columnsRead: Record<string, string>;
  /** Headers of the file that no mapping column read. */
  unreadColumns: string[];
  /** Optional mapping columns that found no header: `canonical header (column id)`. */
  missingOptional: string[];
  /** Relationships no row of this file can build, and why; each one fails the file's ✓. */
  unbuilt: string[];
  /** Optional columns without a header, and the unread headers that look like them: `出生日期 (birthDate) ≈ 出生年月`. */
  close: string[];
}

export function columnReport(mapping: Mapping, headers: string[], bound: Bound): ColumnReport {
  const columnsRead: Record<string, string> = {};
  const missingOptional: string[] = [];
  const readKeys = new Set<string>();
  // A join column has no header of its own: it is there when every column it joins is.
  const present = (id: string): boolean => {
    const c = mapping.columns[id]!;
    return c.join ? c.join.every(present) : bound.keys[id] !== undefined;
  };
  for (const c of Object.values(mapping.columns)) {
    if (c.join) continue;
    const k = bound.keys[c.id];
    if (k === undefined) missingOptional.push(`${c.headers[0]} (${c.id})`);
    else {
      columnsRead[c.id] = bound.shown[c.id]!;
      readKeys.add(k);
    }
  }
  const unreadColumns = headers.filter((h) => h.trim() !== '' && !readKeys.has(headerKey(h)));
  const unbuilt: string[] = [];
  const nodes = new Map(mapping.nodes.map((n) => [n.ref, n] as const));
  for (const r of mapping.relationships) {
    const lacking = [r.from, r.to]
      .map((ref) => nodes.get(ref)!)
      .filter((n) => !present(n.key))
      .map((n) => `${n.ref}'s key ${mapping.columns[n.key]!.headers[0] ?? mapping.columns[n.key]!.join?.join('+')} (${n.key})`);
    if (lacking.length) unbuilt.push(`${r.type} ${r.from}→${r.to}: no header for ${lacking.join(' or ')}`);
  }
  const close = closeText(
    mapping,
    closeHeaders(mapping, headers, (id) => bound.keys[id] !== undefined, readKeys),
  );
  return { columnsRead, unreadColumns, missingOptional, unbuilt, close };
}
