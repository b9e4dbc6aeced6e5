// The canvas as data that leaves the screen: CSV (one table, nodes then edges, with provenance: the
// mapping, file, row and load run each came from) and JSON (the API's own shapes). Pure; export/download.ts
// turns the text into a file.
import type { Edge, Entity, Graph } from '../api/types.js';

/** RFC 4180: quote a field that holds a comma, quote, CR or LF, doubling quotes inside. */
export function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
  // A leading =, +, - or @ makes a spreadsheet run the cell as a formula (CSV injection): prefixed with '.
  const safe = /^[=+\-@\t\r]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const csvLine = (fields: readonly unknown[]): string => fields.map(csvField).join(',');

export const CSV_COLUMNS = [
  'kind',
  'id',
  'label',
  'caption',
  'source',
  'target',
  'properties',
  'prov_source',
  'prov_file',
  'prov_row',
  'prov_run',
] as const;

const nodeRow = (n: Entity) => [
  'node',
  n.id,
  n.label,
  n.caption,
  '',
  '',
  n.properties,
  n.provenance?.source,
  n.provenance?.file,
  n.provenance?.row,
  n.provenance?.run,
];
const edgeRow = (e: Edge) => [
  'edge',
  e.id,
  e.type,
  '',
  e.source,
  e.target,
  e.properties,
  e.provenance?.source,
  e.provenance?.file,
  e.provenance?.row,
  e.provenance?.run,
];

/** CRLF line ends and a BOM: what Excel on a Chinese Windows needs to open UTF-8 without mojibake. */
export function graphCsv(g: Graph): string {
  const lines = [csvLine(CSV_COLUMNS), ...g.nodes.map((n) => csvLine(nodeRow(n))), ...g.edges.map((e) => csvLine(edgeRow(e)))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export interface ExportMeta {
  exportedAt: string;
  exportedBy: string | null;
  reason: string | null;
  asOf: string | null;
}

export function graphJson(g: Graph, meta: ExportMeta): string {
  return JSON.stringify({ ...meta, nodes: g.nodes, edges: g.edges }, null, 2);
}
