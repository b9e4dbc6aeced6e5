// Neo4j values (nodes, relationships, paths, temporal types) turned into plain JSON-able objects, so the
// layers above the executor never see driver classes.
import neo4j from 'neo4j-driver';

export interface PlainNode {
  elementId: string;
  labels: string[];
  properties: Record<string, unknown>;
}
export interface PlainRel {
  elementId: string;
  type: string;
  startElementId: string;
  endElementId: string;
  properties: Record<string, unknown>;
}
export interface PlainPath {
  nodes: PlainNode[];
  relationships: PlainRel[];
}

export function isPlainNode(v: unknown): v is PlainNode {
  return typeof v === 'object' && v !== null && 'labels' in v && 'elementId' in v;
}
export function isPlainRel(v: unknown): v is PlainRel {
  return typeof v === 'object' && v !== null && 'startElementId' in v && 'type' in v;
}
export function isPlainPath(v: unknown): v is PlainPath {
  return typeof v === 'object' && v !== null && 'relationships' in v && 'nodes' in v && !('labels' in v);
}

export function toPlain(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (neo4j.isInt(v)) return (v as { toNumber(): number }).toNumber();
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v)) return v.map(toPlain);
  if (neo4j.isNode(v as never)) {
    const n = v as unknown as { elementId: string; labels: string[]; properties: Record<string, unknown> };
    return { elementId: n.elementId, labels: [...n.labels], properties: plainProps(n.properties) } satisfies PlainNode;
  }
  if (neo4j.isRelationship(v as never)) {
    const r = v as unknown as {
      elementId: string;
      type: string;
      startNodeElementId: string;
      endNodeElementId: string;
      properties: Record<string, unknown>;
    };
    return {
      elementId: r.elementId,
      type: r.type,
      startElementId: r.startNodeElementId,
      endElementId: r.endNodeElementId,
      properties: plainProps(r.properties),
    } satisfies PlainRel;
  }
  if (neo4j.isPath(v as never)) {
    const p = v as unknown as { start: unknown; segments: { relationship: unknown; end: unknown }[] };
    const nodes = [toPlain(p.start) as PlainNode];
    const relationships: PlainRel[] = [];
    for (const s of p.segments) {
      relationships.push(toPlain(s.relationship) as PlainRel);
      nodes.push(toPlain(s.end) as PlainNode);
    }
    return { nodes, relationships } satisfies PlainPath;
  }
  if (
    neo4j.isDate(v as never) ||
    neo4j.isDateTime(v as never) ||
    neo4j.isLocalDateTime(v as never) ||
    neo4j.isTime(v as never) ||
    neo4j.isLocalTime(v as never) ||
    neo4j.isDuration(v as never)
  ) {
    return String(v);
  }
  if (typeof v === 'object') return plainProps(v as Record<string, unknown>);
  return v;
}

function plainProps(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(o)) out[k] = toPlain(val);
  return out;
}

/**
 * Properties typed `date` / `datetime` in graph.yaml are stored as Neo4j temporal values, not strings, so
 * models can compare and do arithmetic on them (a payment period after a death date plus a grace period).
 */
export function neoDate(iso: string): unknown {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not an ISO date: ${iso}`);
  return new neo4j.types.Date(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function neoDateTime(iso: string): unknown {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new Error(`not an ISO date-time: ${iso}`);
  return neo4j.types.DateTime.fromStandardDate(d);
}
