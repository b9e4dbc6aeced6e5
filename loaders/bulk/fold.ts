// Folding one key's records, in the order they were produced, into what the online writer's Cypher would
// leave in the database (writer/cypher.ts): MERGE on the label's key, `set` values overwrite and `fill`
// values only fill blanks, provenance is the last writer's; relationships MERGE on start, type, end and
// their identity properties; spell relationships merge their spells with the pair's stored ones. The
// records come from the bulk path's sorted runs (spill.ts), one key (node) or one pair (relationships) at a time.
import type { Value } from '../core/normalise/index.js';
import type { SpellRow } from '../core/writer/group.js';
import { closeOpen, mergeSpells, type Piece } from '../core/spells.js';
import { KIN_SOURCE_HUKOU } from '../core/kinship.js';
import { uidOf } from '../../platform/schema/graph-schema.js';

export interface Provenance {
  source: string;
  file: string;
  run: string;
}

/**
 * [key, seq, fill (1) or set (0), properties, provenance index, source row]. The uid is not kept: it is the
 * label and the key (uidOf), and the records are most of what the bulk path writes, sorts and reads again.
 */
export type NodeRecord = [string, number, 0 | 1, Record<string, Value>, number, number];

export interface FoldedNode {
  key: string;
  uid: string;
  props: Record<string, Value>;
  sources: string[];
  /** The provenance of the record that wrote last (its _source, _file, _run), an index into the graph's. */
  prov: number;
}

export function foldNode(label: string, records: NodeRecord[], provs: Provenance[]): FoldedNode {
  const key = records[0]![0];
  const n: FoldedNode = { key, uid: uidOf(label, key), props: {}, sources: [], prov: 0 };
  for (const [, , fill, p, prov, row] of records) {
    for (const [k, v] of Object.entries(p)) if (!fill || n.props[k] === undefined) n.props[k] = v;
    const pv = provs[prov]!;
    Object.assign(n.props, { _source: pv.source, _file: pv.file, _row: row, _run: pv.run });
    if (!n.sources.includes(pv.source)) n.sources.push(pv.source);
    n.prov = prov;
  }
  return n;
}

/** What one record does to its pair: a MERGE and SET, a batch's spells, or a derived KIN (SET with nulls removing). */
export type RelBody =
  | ['r', Record<string, Value>, Record<string, Value>, number, number]
  | ['s', string[], SpellRow[], 0 | 1, number]
  | ['k', Record<string, Value>, Record<string, Value | null>]
  | DerivedKin;

/** What a derived tie is: relation, category (Chinese) and generation, kept once per kind (kin.ts). */
export type KinKind = [relation: string, category: string, generation: number | null];

/**
 * A KIN derived from a household (kin.ts), in short: the index of its kind, may be a step relation (1),
 * the index of the household's provenance (its file and run). Millions of them at a million persons: spelt
 * out as a 'k' body they were most of the bytes the kinship job wrote and read again, and the category and
 * file name in each made every line two-byte text, slower to encode, sort and parse.
 */
export type DerivedKin = ['K', kind: number, step: 0 | 1, prov: number];

/** The derived KIN as the SET writeHouseholdKin does (nulls remove: generation for spouses, _row always). */
function kinBody(
  [, kind, step, prov]: DerivedKin,
  kinds: readonly KinKind[],
  provs: Provenance[],
): ['k', Record<string, Value>, Record<string, Value | null>] {
  const [relation, category, generation] = kinds[kind]!;
  const { file, run } = provs[prov]!;
  return [
    'k',
    { relation, source: KIN_SOURCE_HUKOU },
    { category, generation, mayBeStep: step ? true : null, _source: 'hukou', _derived: 'householdKin', _file: file, _run: run, _row: null },
  ];
}

/** [pair key, seq, body]; the pair key is `Label:key NUL Label:key` (pairKey in collect.ts, pairEnds below). */
export type RelRecord = [string, number, RelBody];

/** The ends of a pair key: labels are identifiers (no ':'), keys hold no NUL. */
export function pairEnds(pair: string): { fromLabel: string; from: string; toLabel: string; to: string } {
  const nul = pair.indexOf('\u0000');
  const a = pair.indexOf(':');
  const b = pair.indexOf(':', nul);
  return { fromLabel: pair.slice(0, a), from: pair.slice(a + 1, nul), toLabel: pair.slice(nul + 1, b), to: pair.slice(b + 1) };
}

export type RelProps = Record<string, Value | null>;

/**
 * A derived KIN alone on its pair (most of them: 2.55 M at a million persons) is what kinBody's SET leaves on
 * a new relationship, built at once: the general path allocates the spelt-out body and deletes the nulls
 * from the result, and `delete` turns each of millions of objects into a slow dictionary.
 */
function loneKin([, kind, step, prov]: DerivedKin, kinds: readonly KinKind[], provs: Provenance[]): RelProps {
  const [relation, category, generation] = kinds[kind]!;
  const { file, run } = provs[prov]!;
  const rel: RelProps = { relation, source: KIN_SOURCE_HUKOU, category };
  if (generation !== null) rel.generation = generation;
  if (step) rel.mayBeStep = true;
  rel._source = 'hukou';
  rel._derived = 'householdKin';
  rel._file = file;
  rel._run = run;
  return rel;
}

/**
 * The pair's relationships of one type after every record, in the order they were created. `kinds` are
 * the derived KIN's kinds (KinDeriver.kinds), for the KIN stream.
 */
export function foldPair(records: RelRecord[], provs: Provenance[], kinds: readonly KinKind[] = []): RelProps[] {
  const only = records.length === 1 ? records[0]![2] : undefined;
  if (only?.[0] === 'K') return [loneKin(only, kinds, provs)];
  const keyed = plainOneIdentity(records);
  if (keyed) return foldPlain(records, keyed, provs);
  const list: RelProps[] = [];
  for (const rec of records) {
    const body = rec[2][0] === 'K' ? kinBody(rec[2], kinds, provs) : rec[2];
    if (body[0] === 's') {
      mergeSpellsInto(list, body[1], body[2], body[3] === 1, provs[body[4]]!);
      continue;
    }
    const rel = merge(list, body[1]);
    if (body[0] === 'k') {
      for (const [p, v] of Object.entries(body[2]))
        if (v === null) delete rel[p];
        else rel[p] = v;
      continue;
    }
    const pv = provs[body[3]]!;
    Object.assign(rel, body[2], { _source: pv.source, _file: pv.file, _row: body[4], _run: pv.run });
  }
  return list;
}

/**
 * The identity property names when every record is a plain MERGE ('r') naming the same ones. A welfare
 * programme and its recipient are one pair with a relationship per monthly payment (tens per pair): finding
 * the matching one by a scan of the pair's list made folding quadratic in them, 17 % of the CSV phase at
 * 100,000 persons. With one set of names and values that are primitives, "the first relationship whose
 * properties match" is the one with the same values, so a map finds it.
 */
function plainOneIdentity(records: RelRecord[]): string[] | undefined {
  if (records.length < 8) return undefined;
  let names: string[] | undefined;
  for (const rec of records) {
    const body = rec[2];
    if (body[0] !== 'r') return undefined;
    const ks = Object.keys(body[1]);
    if (!names) names = ks;
    else if (ks.length !== names.length || ks.some((k, i) => k !== names![i])) return undefined;
  }
  return names;
}

function foldPlain(records: RelRecord[], names: string[], provs: Provenance[]): RelProps[] {
  const list: RelProps[] = [];
  const byIdentity = new Map<string, RelProps>();
  for (const rec of records) {
    const body = rec[2] as Extract<RelBody, ['r', ...unknown[]]>;
    // Typed, so that 1 and "1" stay apart as `===` keeps them.
    const sig = JSON.stringify(names.map((n) => body[1][n]));
    let rel = byIdentity.get(sig);
    if (!rel) {
      // Not `{ ...body[1] }`: V8 gives a spread copy of a parsed record a map that properties added later do
      // not share, so every relationship's own properties made maps of their own, 13 µs a payment against
      // 0.2 µs (a scratch benchmark of 720,000 payments).
      rel = Object.assign({}, body[1]);
      list.push(rel);
      byIdentity.set(sig, rel);
    }
    const pv = provs[body[3]]!;
    Object.assign(rel, body[2], { _source: pv.source, _file: pv.file, _row: body[4], _run: pv.run });
  }
  return list;
}

/** MERGE on the identity properties: the first relationship whose properties match, or a new one. */
function merge(list: RelProps[], identity: Record<string, Value>): RelProps {
  const hit = list.find((r) => Object.entries(identity).every(([p, v]) => r[p] === v));
  if (hit) return hit;
  const rel: RelProps = Object.assign({}, identity); // not a spread: see foldPlain
  list.push(rel);
  return rel;
}

/** The pair's stored spells and the batch's, merged as writer/cypher.ts spellMergeQuery does. */
function mergeSpellsInto(list: RelProps[], props: string[], spells: SpellRow[], spellExport: boolean, prov: Provenance): void {
  const olds: Piece<RelProps>[] = list.map((rel) => ({
    from: rel.from as string,
    to: (rel.to as string | undefined) ?? null,
    row: 0,
    p: Object.fromEntries(props.map((p) => [p, rel[p] ?? null])),
    old: rel,
  }));
  const pieces = [...olds, ...spells.map((s) => ({ from: s.from, to: s.to, row: s.row, p: s.p }))];
  for (const s of mergeSpells<RelProps>(spellExport ? closeOpen(pieces) : pieces)) {
    if (!s.pieces.some((x) => x.old === undefined)) continue;
    const [keep, ...gone] = s.pieces.flatMap((x) => (x.old ? [x.old] : []));
    for (const g of gone) list.splice(list.indexOf(g), 1);
    let rel = keep;
    if (!rel) list.push((rel = {}));
    const values: Record<string, Value | null> = { from: s.from, to: s.to, months: s.months };
    for (const p of props) values[p] = s.p[p] ?? null;
    for (const [p, v] of Object.entries(values))
      if (v === null) delete rel[p];
      else rel[p] = v;
    Object.assign(rel, { _source: prov.source, _file: prov.file, _row: s.row, _run: prov.run });
  }
}
