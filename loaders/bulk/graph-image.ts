// The graph a load would write, held in memory for the offline importer. Applying a batch here follows
// the online writer's Cypher exactly (writer/cypher.ts): MERGE on the label's key, `set` values overwrite
// and `fill` values only fill blanks (coalesce), provenance is the last writer's, relationships MERGE on
// start, type, end and their identity properties. The database is empty, so this is the whole graph.
import type { GraphSchema } from '../../platform/schema/graph-schema.js';
import type { Mapping } from '../core/mapping/types.js';
import type { Value } from '../core/normalise/index.js';
import type { Grouped, SpellRow } from '../core/writer/group.js';
import { closeOpen, mergeSpells, type Piece } from '../core/spells.js';

export interface ImageNode {
  label: string;
  key: string;
  uid: string;
  props: Record<string, Value>;
  sources: string[];
}

export interface ImageRel {
  type: string;
  from: ImageNode;
  to: ImageNode;
  props: Record<string, Value | null>;
}

export interface Provenance {
  source: string;
  file: string;
  run: string;
}

export class GraphImage {
  /** label → key → node */
  readonly nodes = new Map<string, Map<string, ImageNode>>();
  /** "fromUid|TYPE|toUid" → the relationships of that type between the two (MERGE picks among them). */
  readonly rels = new Map<string, ImageRel[]>();
  relCount = 0;

  constructor(readonly schema: GraphSchema) {}

  has(label: string, key: string): boolean {
    return this.nodes.get(label)?.has(key) ?? false;
  }

  node(label: string, key: string): ImageNode | undefined {
    return this.nodes.get(label)?.get(key);
  }

  /** One batch of one file, nodes first, as writer/batch.ts sends it. */
  apply(mapping: Mapping, g: Grouped, prov: Provenance): void {
    mapping.nodes.forEach((spec, i) => {
      const rows = g.nodes[i];
      if (!rows) return;
      let byKey = this.nodes.get(spec.label);
      if (!byKey) this.nodes.set(spec.label, (byKey = new Map()));
      for (const r of rows) {
        let n = byKey.get(r.key);
        if (!n) byKey.set(r.key, (n = { label: spec.label, key: r.key, uid: r.uid, props: {}, sources: [] }));
        n.uid = r.uid;
        for (const [p, v] of Object.entries(r.p)) if (spec.mode === 'set' || n.props[p] === undefined) n.props[p] = v;
        Object.assign(n.props, { _source: prov.source, _file: prov.file, _row: r.row, _run: prov.run });
        if (!n.sources.includes(prov.source)) n.sources.push(prov.source);
      }
    });
    mapping.relationships.forEach((spec, i) => {
      const fromLabel = mapping.nodes.find((n) => n.ref === spec.from)!.label;
      const toLabel = mapping.nodes.find((n) => n.ref === spec.to)!.label;
      for (const r of g.rels[i]!) {
        const a = this.node(fromLabel, r.from);
        const b = this.node(toLabel, r.to);
        // The online MATCH finds nothing for a missing end and writes nothing; the same here.
        if (!a || !b) continue;
        if (r.spells) {
          this.mergeSpells(a, spec.type, b, Object.keys(spec.props), r.spells, spec.spell !== undefined && 'from' in spec.spell, prov);
          continue;
        }
        const rel = this.merge(a, spec.type, b, r.id);
        for (const [p, v] of Object.entries(r.p)) if (!spec.identity.includes(p)) rel.props[p] = v;
        Object.assign(rel.props, { _source: prov.source, _file: prov.file, _row: r.row, _run: prov.run });
      }
    });
  }

  /** MERGE (a)-[r:type {identity}]->(b): the first relationship whose properties match, or a new one. */
  merge(a: ImageNode, type: string, b: ImageNode, identity: Record<string, Value>): ImageRel {
    const k = `${a.uid}|${type}|${b.uid}`;
    let list = this.rels.get(k);
    if (!list) this.rels.set(k, (list = []));
    const hit = list.find((r) => Object.entries(identity).every(([p, v]) => r.props[p] === v));
    if (hit) return hit;
    const rel: ImageRel = { type, from: a, to: b, props: { ...identity } };
    list.push(rel);
    this.relCount++;
    return rel;
  }

  /** The pair's stored spells and the batch's, merged as writer/cypher.ts spellMergeQuery does. */
  mergeSpells(a: ImageNode, type: string, b: ImageNode, props: string[], spells: SpellRow[], spellExport: boolean, prov: Provenance): void {
    const k = `${a.uid}|${type}|${b.uid}`;
    let list = this.rels.get(k);
    if (!list) this.rels.set(k, (list = []));
    const olds: Piece<ImageRel>[] = list.map((rel) => ({
      from: rel.props.from as string,
      to: (rel.props.to as string | undefined) ?? null,
      row: 0,
      p: Object.fromEntries(props.map((p) => [p, rel.props[p] ?? null])),
      old: rel,
    }));
    const pieces = [...olds, ...spells.map((s) => ({ from: s.from, to: s.to, row: s.row, p: s.p }))];
    for (const s of mergeSpells<ImageRel>(spellExport ? closeOpen(pieces) : pieces)) {
      if (!s.pieces.some((x) => x.old === undefined)) continue;
      const [keep, ...gone] = s.pieces.flatMap((x) => (x.old ? [x.old] : []));
      for (const g of gone) list.splice(list.indexOf(g), 1);
      this.relCount -= gone.length;
      let rel = keep;
      if (!rel) {
        list.push((rel = { type, from: a, to: b, props: {} }));
        this.relCount++;
      }
      const values: Record<string, Value | null> = { from: s.from, to: s.to, months: s.months };
      for (const p of props) values[p] = s.p[p] ?? null;
      for (const [p, v] of Object.entries(values))
        if (v === null) delete rel.props[p];
        else rel.props[p] = v;
      Object.assign(rel.props, { _source: prov.source, _file: prov.file, _row: s.row, _run: prov.run });
    }
  }

  nodeCount(): number {
    let n = 0;
    for (const m of this.nodes.values()) n += m.size;
    return n;
  }
}
