// The pre-award check's result as words and as graph: a path read as one line (王局长 —配偶→ 李妻 —股东→
// 甲建设), a link's paths as one Graph for the canvas, and the whole check as CSV for the case file. Pure,
// unit-tested; the page (page.ts) gives the words of the user's language.
import type { PreAwardCheck, PreAwardLink, PreAwardPath } from '../api/preaward-queries.js';
import type { Graph } from '../api/types.js';
import { toCsv } from '../screen/csv.js';

/**
 * One path as text. Each step names its relationship; the arrow follows the relationship's stored
 * direction, so "李妻 —股东→ 甲建设" and "王局长 —电话→ 13900000001 ←联系电话— 投标" both read as the records say.
 */
export function pathText(p: PreAwardPath, relName: (type: string) => string): string {
  const parts: string[] = [p.route[0]?.caption ?? ''];
  p.route.slice(1).forEach((node, i) => {
    const type = p.types[i] ?? '';
    const edge = p.edges[i];
    const backwards = edge !== undefined && edge.source === node.id && edge.target === p.route[i]!.id;
    parts.push(backwards ? `←${relName(type)}—` : `—${relName(type)}→`, node.caption);
  });
  return parts.join(' ');
}

/** A link's paths as one graph, each entity and relationship once: what "show on graph" draws and marks. */
export function linkGraph(link: Pick<PreAwardLink, 'paths'>): Graph {
  const nodes = new Map<string, Graph['nodes'][number]>();
  const edges = new Map<string, Graph['edges'][number]>();
  for (const p of link.paths) {
    for (const n of p.route) nodes.set(n.id, n);
    for (const e of p.edges) edges.set(e.id, e);
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

/** Every entity the check shows: what an export of it holds, for the audit trail. */
export function checkEntityIds(c: PreAwardCheck): string[] {
  const ids = new Set<string>([c.lot.id]);
  if (c.unit) ids.add(c.unit.id);
  for (const b of c.bidders) {
    ids.add(b.company.id);
    ids.add(b.bid.id);
    for (const l of b.links) {
      ids.add(l.official.id);
      for (const p of l.paths) for (const n of p.route) ids.add(n.id);
    }
  }
  return [...ids];
}

export interface CsvWords {
  header: readonly string[];
  clean: string;
  linked: string;
  kind: (k: PreAwardLink['kind']) => string;
  relation: (r: string) => string;
  via: (v: string) => string;
  relName: (type: string) => string;
}

/** One line per tie, and one for each bidder with none, in the order the page shows them. */
export function preAwardCsv(c: PreAwardCheck, w: CsvWords): { csv: string; rows: number } {
  const body = c.bidders.flatMap((b) => {
    const head = [`${b.company.caption} (${b.company.id})`, b.bid.caption, b.on];
    if (b.links.length === 0) return [[...head, w.clean, '', '', '', '', '']];
    return b.links.map((l) => [
      ...head,
      w.linked,
      w.kind(l.kind),
      `${l.official.caption} (${l.official.id})`,
      l.relation ? w.relation(l.relation) : '',
      w.via(l.via),
      l.paths.map((p) => pathText(p, w.relName)).join('; '),
    ]);
  });
  return { csv: toCsv([w.header, ...body]), rows: body.length };
}
