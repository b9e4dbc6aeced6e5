// Household kinship on the in-memory graph: the same rules (deriveHouseholdKin) and the same MERGE and
// properties as writeHouseholdKin, so a bulk-loaded graph carries the KIN an online load would derive.
import { deriveHouseholdKin, KIN_SOURCE_HUKOU, type Member } from '../core/kinship.js';
import type { GraphImage, ImageNode } from './graph-image.js';

export function deriveKinInImage(image: GraphImage): { households: number; relationships: number } {
  const members = new Map<ImageNode, (Member & { node: ImageNode })[]>();
  for (const h of image.nodes.get('Household')?.values() ?? []) members.set(h, []);
  for (const list of image.rels.values())
    for (const r of list) {
      if (r.type !== 'MEMBER_OF' || r.from.label !== 'Person' || r.to.label !== 'Household') continue;
      const code = r.props.relToHead;
      members.get(r.to)?.push({ id: r.from.key, code: typeof code === 'string' ? code : null, node: r.from });
    }
  // In household-number order, as the online derivation pages through them.
  const households = [...members.keys()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  let relationships = 0;
  for (const h of households) {
    const ms = members.get(h)!;
    const byId = new Map(ms.map((m) => [m.id, m.node]));
    for (const k of deriveHouseholdKin(ms)) {
      const rel = image.merge(byId.get(k.from)!, 'KIN', byId.get(k.to)!, { relation: k.relation, source: KIN_SOURCE_HUKOU });
      // SET with nulls removes: generation is null for spouses, _row is always removed.
      const set: Record<string, string | number | boolean | null> = {
        category: k.category,
        generation: k.generation,
        mayBeStep: k.mayBeStep ? true : null,
        _source: 'hukou',
        _derived: 'householdKin',
        _file: (h.props._file as string | undefined) ?? null,
        _run: (h.props._run as string | undefined) ?? null,
        _row: null,
      };
      for (const [p, v] of Object.entries(set)) {
        if (v === null) delete rel.props[p];
        else rel.props[p] = v;
      }
      relationships++;
    }
  }
  return { households: households.length, relationships };
}
