// Turns plain Neo4j nodes and relationships into what the API returns: uid as id, the schema's primary
// label and caption, provenance apart from properties, and sensitive properties removed for roles that
// may not see them, with the properties that would rebuild them (graph.yaml `masked`) cut down. Pure, so
// masking is unit-tested without a database.
import type { GraphSchema, PropDef } from '../../../platform/schema/graph-schema.js';
import type { PlainNode } from '../../../platform/db/values.js';
import type { Edge, Provenance, ResolversParentTypes } from '../generated.js';

// The shapes are the SDL's (server/graphql/generated.ts): a field added to Entity, Edge or Provenance does
// not compile here until the functions below fill it in.
export type ProvenanceView = Omit<Provenance, '__typename'>;
/** An Entity as resolvers pass it on; `degree` is known when the query already counted it, else batched. */
export type EntityView = Omit<ResolversParentTypes['Entity'], '__typename'>;
export type EdgeView = Omit<Edge, '__typename' | 'properties'> & { properties: Record<string, unknown> };

/** How queries return a relationship: its ends by uid, since elementIds are not stable across reloads. */
export interface RelRow {
  type: string;
  source: string;
  target: string;
  props: Record<string, unknown>;
  eid: string;
}

const PROVENANCE_KEYS = new Set(['_source', '_file', '_row', '_run', '_sources']);
// Labels other than the schema's, that every node or some nodes carry for bookkeeping.
const GENERIC_LABEL = 'Entity';
// When the label's caption property is empty, the first of these that is set.
const CAPTION_FALLBACKS = ['name', 'title', 'modelTitleZh'];

export interface PresentOptions {
  schema: GraphSchema;
  showSensitive: boolean;
  /** Told of every entity whose data is returned: the audit trail's list of who was looked at. */
  seen?: (uid: string) => void;
}

export function primaryLabel(labels: string[], schema: GraphSchema): string {
  return labels.find((l) => schema.labels[l]) ?? labels.find((l) => l !== GENERIC_LABEL) ?? GENERIC_LABEL;
}

function provenanceOf(props: Record<string, unknown>): ProvenanceView | null {
  if (![...PROVENANCE_KEYS].some((k) => props[k] !== undefined && props[k] !== null)) return null;
  const s = (v: unknown) => (v === undefined || v === null ? null : String(v));
  const row = typeof props._row === 'number' ? props._row : props._row != null ? Number(props._row) : null;
  return {
    source: s(props._source),
    file: s(props._file),
    row: row !== null && Number.isFinite(row) ? row : null,
    run: s(props._run),
    sources: Array.isArray(props._sources) ? props._sources.map(String) : null,
  };
}

/** Names of properties that only roles allowed sensitive data may see, for one label or rel type. */
export function sensitiveProps(defs: Record<string, { sensitive: boolean }> | undefined): Set<string> {
  const out = new Set<string>();
  for (const [name, d] of Object.entries(defs ?? {})) if (d.sensitive) out.add(name);
  return out;
}

type Masking = NonNullable<PropDef['masked']>;

/** Properties graph.yaml marks `masked`, and how: shown cut down to roles that may not see sensitive values. */
export function maskedProps(defs: Record<string, PropDef> | undefined): Map<string, Masking> {
  const out = new Map<string, Masking>();
  for (const [name, d] of Object.entries(defs ?? {})) if (d.masked) out.set(name, d.masked);
  return out;
}

/** `year`: a date or datetime ("1970-03-12", "1970-03-12T08:00:00Z") keeps its year only. */
export function maskValue(v: unknown, how: Masking): unknown {
  if (v === null || v === undefined) return v;
  switch (how) {
    case 'year': {
      const m = /^([+-]?\d{4,})-/.exec(String(v));
      // Not a date after all: nothing of it, rather than all of it.
      return m ? m[1] : null;
    }
  }
}

/** Properties without uid and provenance, without sensitive ones unless allowed, masked ones cut down. */
export function visibleProps(
  props: Record<string, unknown>,
  hidden: Set<string>,
  masked: Map<string, Masking> = new Map(),
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) {
    if (k === 'uid' || PROVENANCE_KEYS.has(k) || hidden.has(k)) continue;
    const how = masked.get(k);
    out[k] = how ? maskValue(v, how) : v;
  }
  return out;
}

/** What a role that may not see sensitive values is kept from, for one label's or type's properties. */
function restrictions(defs: Record<string, PropDef> | undefined, showSensitive: boolean) {
  return showSensitive
    ? { hidden: new Set<string>(), masked: new Map<string, Masking>() }
    : { hidden: sensitiveProps(defs), masked: maskedProps(defs) };
}

export function presentNode(node: PlainNode, opts: PresentOptions): EntityView {
  const label = primaryLabel(node.labels, opts.schema);
  const def = opts.schema.labels[label];
  const { hidden, masked } = restrictions(def?.properties, opts.showSensitive);
  const props = node.properties;
  const id = String(props.uid ?? node.elementId);
  opts.seen?.(id);
  const text = (k: string | undefined) =>
    k !== undefined && props[k] !== undefined && props[k] !== null && props[k] !== '' ? String(props[k]) : undefined;
  // A caption must never show what the role may not see, even if graph.yaml names a sensitive caption.
  const captionKeys = [def?.caption, ...CAPTION_FALLBACKS, def?.key].filter(
    (k): k is string => k !== undefined && !hidden.has(k) && !masked.has(k),
  );
  let caption: string | undefined;
  for (const k of captionKeys) if ((caption = text(k)) !== undefined) break;
  return {
    id,
    label,
    labels: node.labels.filter((l) => l !== GENERIC_LABEL),
    caption: caption ?? id,
    properties: visibleProps(props, hidden, masked),
    provenance: provenanceOf(props),
  };
}

export function presentRel(rel: RelRow, opts: PresentOptions): EdgeView {
  const { hidden, masked } = restrictions(opts.schema.relationships[rel.type]?.properties, opts.showSensitive);
  return {
    id: `${rel.source}|${rel.type}|${rel.target}`,
    type: rel.type,
    source: rel.source,
    target: rel.target,
    properties: visibleProps(rel.props, hidden, masked),
    provenance: provenanceOf(rel.props),
  };
}

/**
 * Edge ids are "<source>|<TYPE>|<target>", the same key alert evidence uses, so they are stable across
 * reloads. Two relationships of one type between the same two nodes (rare: two posts in one unit) would
 * share it; the second and later get the database elementId appended so the canvas keeps both.
 */
export function presentRels(rels: RelRow[], opts: PresentOptions): EdgeView[] {
  const seenEid = new Set<string>();
  const seenId = new Set<string>();
  const out: EdgeView[] = [];
  for (const r of rels) {
    if (seenEid.has(r.eid)) continue;
    seenEid.add(r.eid);
    const e = presentRel(r, opts);
    if (seenId.has(e.id)) e.id = `${e.id}#${r.eid}`;
    seenId.add(e.id);
    out.push(e);
  }
  return out;
}

/** The Cypher map projection every query uses for a relationship, matching RelRow. */
export const REL_ROW = (r: string) =>
  `{type: type(${r}), source: startNode(${r}).uid, target: endNode(${r}).uid, props: properties(${r}), eid: elementId(${r})}`;
