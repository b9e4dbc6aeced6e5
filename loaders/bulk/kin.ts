// Household kinship for the bulk path: the same rules (deriveHouseholdKin) and the same MERGE and
// properties as writeHouseholdKin, so a bulk-loaded graph carries the KIN an online load would derive.
// While importer-csv.ts writes the Household nodes and the final MEMBER_OF relationships, each goes to a
// sorted stream keyed by household number; read back, a household and its members come together, in
// household order as the online derivation pages through them, the members in the order their
// relationships were first written. The derived KIN join the KIN records from files, after all of them.
import { deriveHouseholdKin, type Member } from '../core/kinship.js';
import type { SpilledGraph } from './collect.js';
import type { DerivedKin, FoldedNode, KinKind, RelProps } from './fold.js';

const STREAM = 'kin';

export class KinDeriver {
  /** The kinds of tie derived so far (relation, category, generation); a DerivedKin names its kind by index. */
  readonly kinds: KinKind[] = [];
  readonly #kindAt = new Map<string, number>();

  constructor(readonly graph: SpilledGraph) {}

  node(label: string, n: FoldedNode): void {
    // The household's provenance as its index in the graph's: its file and run are what the KIN carry.
    if (label === 'Household') this.graph.store.add(STREAM, [n.key, -1, 'h', n.prov]);
  }

  member(type: string, fromLabel: string, from: string, toLabel: string, to: string, firstSeq: number, props: RelProps): void {
    if (type !== 'MEMBER_OF' || fromLabel !== 'Person' || toLabel !== 'Household') return;
    const code = props.relToHead;
    this.graph.store.add(STREAM, [to, firstSeq, 'm', from, typeof code === 'string' ? code : null]);
  }

  #kind(relation: string, category: string, generation: number | null): number {
    const name = `${relation}\u0000${category}\u0000${generation}`;
    let at = this.#kindAt.get(name);
    if (at === undefined) {
      at = this.kinds.push([relation, category, generation]) - 1;
      this.#kindAt.set(name, at);
    }
    return at;
  }

  derive(): { households: number; relationships: number } {
    let households = 0;
    let relationships = 0;
    const cols = this.graph.cols('rel:KIN');
    for (const group of this.graph.store.groups(STREAM)) {
      const [, , kind, prov] = group[0]!;
      // Members of a household that is no node (never the case: MEMBER_OF needs both ends) are not derived.
      if (kind !== 'h') continue;
      households++;
      const members: Member[] = group.slice(1).map((m) => ({ id: m[3] as string, code: m[4] as string | null }));
      for (const k of deriveHouseholdKin(members)) {
        // The same SET as writeHouseholdKin, in short (fold.ts DerivedKin).
        const generation = k.generation ?? null;
        const kin: DerivedKin = ['K', this.#kind(k.relation, k.category, generation), k.mayBeStep ? 1 : 0, prov as number];
        this.graph.addRel('rel:KIN', 'Person', k.from, 'Person', k.to, kin);
        if (generation !== null) cols.add('generation');
        if (k.mayBeStep) cols.add('mayBeStep');
        relationships++;
      }
    }
    // Every derived KIN sets these (its provenance is always a file and a run): named once, not per KIN.
    if (relationships) for (const p of ['relation', 'source', 'category', '_source', '_derived', '_file', '_run']) cols.add(p);
    this.graph.store.drop(STREAM);
    return { households, relationships };
  }
}
