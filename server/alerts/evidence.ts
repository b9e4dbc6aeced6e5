// The evidence of an alert is the set of paths a model returns. It is stored on the Alert as entity uids
// and edge keys "<startUid>|<TYPE>|<endUid>" so it survives reloads (element ids do not) and every edge
// can be found again, with its provenance, from the alert.
import { isPlainNode, isPlainPath, isPlainRel, type PlainNode, type PlainPath, type PlainRel } from '../../platform/db/values.js';

export interface Evidence {
  nodes: string[];
  edges: string[];
}

export const edgeKey = (startUid: string, type: string, endUid: string) => `${startUid}|${type}|${endUid}`;

function uidOfNode(n: PlainNode): string | undefined {
  const uid = n.properties.uid;
  return typeof uid === 'string' ? uid : undefined;
}

/** Collects uids and edge keys from paths, nodes and relationships found anywhere in a value. */
export function collectEvidence(value: unknown, into: Evidence = { nodes: [], edges: [] }): Evidence {
  const nodes = new Set(into.nodes);
  const edges = new Set(into.edges);
  const byElement = new Map<string, string>();
  const rels: PlainRel[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(visit);
    if (isPlainPath(v)) {
      const p = v as PlainPath;
      p.nodes.forEach(visit);
      p.relationships.forEach(visit);
      return;
    }
    if (isPlainNode(v)) {
      const uid = uidOfNode(v);
      if (uid) {
        nodes.add(uid);
        byElement.set(v.elementId, uid);
      }
      return;
    }
    if (isPlainRel(v)) rels.push(v);
  };
  visit(value);
  for (const r of rels) {
    const s = byElement.get(r.startElementId);
    const e = byElement.get(r.endElementId);
    if (s && e) edges.add(edgeKey(s, r.type, e));
  }
  return { nodes: [...nodes].sort(), edges: [...edges].sort() };
}
