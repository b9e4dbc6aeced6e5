// Turns a mapping's YAML into a Mapping, refusing it with InvalidMapping and the reason. The shape (unknown
// keys, types, normaliser names and options) is schema.ts's; this file checks what depends on graph.yaml
// and on the rest of the mapping: unknown label, relationship type, property or column, a normaliser whose
// output cannot be stored in the property's type. Runs before any row is read.
import { createHash } from 'node:crypto';
import iconv from 'iconv-lite';
import { IDENT, type GraphSchema, type PropDef, type PropType } from '../../../platform/schema/graph-schema.js';
import { parseYamlWith } from '../../../platform/validation/yaml.js';
import { InvalidMapping } from '../errors.js';
import { NORMALISERS, type Value } from '../normalise/index.js';
import { isSwitch, MappingYaml, type ConditionYaml, type NormaliserYaml } from './schema.js';
import { DEFAULT_SPLIT } from './types.js';
import type { ColumnSpec, Condition, Mapping, NodeSpec, NormSpec, PropSource, RelSpec } from './types.js';
import { byShapeVariants, expandByShape } from './by-shape.js';

export { DERIVATIONS } from './schema.js';

/**
 * The editor modeline (`# yaml-language-server: $schema=…`) says where the JSON Schema is, not how to
 * load: left out of the digest, so adding or moving it does not make every load of a source a new run.
 */
const MODELINE = /^#\s*yaml-language-server:[^\n]*\n/gm;

const idOf = (raw: unknown) =>
  typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : undefined;

export function parseMapping(text: string, schema: GraphSchema, file?: string): Mapping {
  // The shape first (schema.ts): unknown keys, types, normaliser names and options.
  const raw = parseYamlWith(text, MappingYaml, (why, r) => {
    throw new InvalidMapping(idOf(r) ?? file ?? '?', why);
  });
  const id = raw.id;
  const fail: (why: string) => never = (why) => {
    throw new InvalidMapping(id, why);
  };

  const format: Mapping['format'] = raw.format;
  if (format.encoding !== undefined && !iconv.encodingExists(format.encoding))
    fail(`format.encoding "${format.encoding}" is not an encoding iconv-lite knows`);

  // Columns
  const columns: Record<string, ColumnSpec> = {};
  const normSpec = (v: NormaliserYaml | undefined): NormSpec => {
    if (v === undefined) return { type: 'text', opts: {} };
    if (typeof v === 'string') return { type: v, opts: {} };
    if (isSwitch(v)) {
      const spec: NormSpec = {
        type: 'switch',
        on: v.on,
        cases: Object.fromEntries(Object.entries(v.cases).map(([k, c]) => [k, normSpec(c)])),
      };
      if (v.default !== undefined) spec.default = normSpec(v.default);
      return spec;
    }
    const { type, ...opts } = v;
    return { type, opts };
  };
  for (const [cid, c] of Object.entries(raw.columns)) {
    columns[cid] = { id: cid, headers: c.headers ?? [], normalise: normSpec(c.normalise), required: c.required === true };
    if (c.join) columns[cid].join = c.join;
    if (c.split !== undefined) columns[cid].split = c.split === true ? DEFAULT_SPLIT : c.split;
    if (c.fillDown) columns[cid].fillDown = true;
  }
  // Two split columns would read a row once per pair of values, pairing values the cells never paired.
  const splits = Object.values(columns).filter((c) => c.split !== undefined);
  if (splits.length > 1) fail(`columns: only one column may be split (${splits.map((c) => c.id).join(', ')} are)`);
  const column = (cid: string, where: string): ColumnSpec => columns[cid] ?? fail(`${where}: unknown column "${cid}"`);
  for (const c of Object.values(columns))
    for (const j of c.join ?? []) if (column(j, `columns.${c.id}.join`).join) fail(`columns.${c.id}.join: "${j}" is itself a join`);
  const outTypes = (n: NormSpec): PropType[] =>
    n.type === 'switch' && 'cases' in n
      ? [...Object.values(n.cases), ...(n.default ? [n.default] : [])].flatMap(outTypes)
      : (NORMALISERS[n.type]?.produces ?? []);
  for (const c of Object.values(columns)) {
    if (c.normalise.type === 'switch' && 'on' in c.normalise) {
      const on = column(c.normalise.on, `columns.${c.id}.normalise.on`);
      if (on.normalise.type === 'switch') fail(`columns.${c.id}: a switch may not depend on another switch column`);
    }
  }

  const condition = (v: ConditionYaml | undefined, where: string): Condition | undefined => {
    if (v !== undefined) column(v.column, `${where}.column`);
    return v;
  };
  const constFits = (v: Value, t: PropType) =>
    (typeof v === 'string' && ['string', 'date', 'datetime'].includes(t)) ||
    (typeof v === 'number' && (t === 'float' || (t === 'integer' && Number.isInteger(v)))) ||
    (typeof v === 'boolean' && t === 'boolean');
  type PropsYaml = NonNullable<MappingYaml['nodes'][string]['props']>;
  const propSources = (
    v: PropsYaml | undefined,
    defs: Record<string, PropDef>,
    owner: string,
    where: string,
  ): Record<string, PropSource> => {
    if (v === undefined) return {};
    const out: Record<string, PropSource> = {};
    for (const [p, s] of Object.entries(v)) {
      const w = `${where}.${p}`;
      const def = defs[p] ?? fail(`${w}: ${owner} has no property "${p}" in graph.yaml`);
      const spec = typeof s === 'string' ? { column: s, value: undefined, when: undefined } : s;
      const when = condition(spec.when, `${w}.when`);
      if (spec.column !== undefined) {
        const c = column(spec.column, `${w}.column`);
        const produced = outTypes(c.normalise);
        if (!produced.every((t) => t === def.type))
          fail(`${w}: column "${c.id}" yields ${produced.join('/')} but ${owner}.${p} is ${def.type}`);
        out[p] = when ? { column: c.id, when } : { column: c.id };
      } else if (spec.value !== undefined) {
        const v = spec.value;
        if (!constFits(v, def.type)) return fail(`${w}: constant ${JSON.stringify(v)} does not fit type ${def.type}`);
        out[p] = when ? { value: v, when } : { value: v };
      } else fail(`${w} needs column or value`);
    }
    return out;
  };

  // Nodes
  const nodes: NodeSpec[] = [];
  /** A byShape ref → the refs of its specs, one per label. */
  const groups = new Map<string, string[]>();
  for (const [ref, no] of Object.entries(raw.nodes)) {
    const where = `nodes.${ref}`;
    const keyCols = (typeof no.key === 'string' ? [no.key] : no.key).map((k) => column(k, `${where}.key`));
    for (const key of keyCols)
      if (!outTypes(key.normalise).every((t) => t === 'string')) fail(`${where}: key column "${key.id}" must yield strings`);
    // A label chosen by the key's shape is one spec per label, each taking its shapes (byShape.ts).
    const variants =
      typeof no.label === 'string'
        ? [{ ref, label: no.label, shapes: undefined }]
        : byShapeVariants(ref, no.label.byShape, keyCols.length, fail);
    if (typeof no.label !== 'string')
      groups.set(
        ref,
        variants.map((v) => v.ref),
      );
    for (const { ref: vref, label, shapes } of variants) {
      if (label === 'Entity' || label === 'LoadRun') fail(`${where}: label "${label}" is written by the loader itself`);
      const ldef = schema.labels[label] ?? fail(`${where}: unknown label "${label}" (not in graph.yaml)`);
      if (!IDENT.test(label)) fail(`${where}: label "${label}" is not a safe identifier`);
      const props = propSources(no.props, ldef.properties, label, `${where}.props`);
      if (props[ldef.key]) fail(`${where}.props: "${ldef.key}" is the key; it comes from key:`);
      const mode = no.mode ?? 'set';
      const keys = keyCols.map((k) => k.id);
      const spec: NodeSpec = {
        ref: vref,
        label,
        key: keys[0]!,
        keys,
        keyProp: ldef.key,
        props,
        mode,
        mustExist: no.mustExist === true || no.lookup !== undefined,
      };
      if (no.lookup !== undefined) {
        const by = no.lookup;
        const pdef = ldef.properties[by] ?? fail(`${where}.lookup: "${by}" is not a property of ${label} in graph.yaml`);
        if (by === ldef.key) fail(`${where}.lookup: "${by}" is the key of ${label}; name the key column without lookup`);
        if (pdef.type !== 'string') fail(`${where}.lookup: "${by}" must be a string property to be looked up`);
        // A person's name is no way to find a person (names repeat): a label with a sensitive key is found by
        // an identifier graph.yaml marks unique (a 执法证号), or by its key.
        if (pdef.sensitive) fail(`${where}.lookup: "${by}" is sensitive (pseudonymised when stored); no node can be found by it`);
        if (ldef.properties[ldef.key]!.sensitive && !pdef.unique) {
          const ids = Object.entries(ldef.properties)
            .filter(([, d]) => d.unique)
            .map(([n]) => n);
          fail(
            `${where}.lookup: ${label} cannot be found by "${by}": its key is sensitive, so only by its ID number${ids.length ? ` or a unique identifier (${ids.join(', ')})` : ''}`,
          );
        }
        if (keys.length > 1 || shapes) fail(`${where}.lookup: a looked-up node takes one key column and one label`);
        spec.lookup = by;
        if (no.optional === true) spec.optional = true;
      } else if (no.optional !== undefined) fail(`${where}.optional: only a looked-up node (lookup) may be optional`);
      if (shapes) spec.shapes = shapes;
      const when = condition(no.when, `${where}.when`);
      if (when) spec.when = when;
      if (spec.mustExist && Object.keys(props).length > 0)
        fail(`${where}: a ${spec.lookup ? 'looked-up' : 'mustExist'} node only refers to an entity; it cannot set properties`);
      nodes.push(spec);
    }
  }

  // Relationships
  const rels: RelSpec[] = [];
  const linked = new Set<number>();
  expandByShape(raw.relationships, groups).forEach(({ rel: r, index: i }) => {
    const where = `relationships[${i}]`;
    const type = r.type;
    const rdef = schema.relationships[type] ?? fail(`${where}: unknown relationship type "${type}" (not in graph.yaml)`);
    if (!IDENT.test(type)) fail(`${where}: type "${type}" is not a safe identifier`);
    const end = (side: 'from' | 'to') => {
      const ref = r[side];
      const n = nodes.find((x) => x.ref === ref) ?? fail(`${where}.${side}: unknown node ref "${ref}"`);
      // A byShape node links only as the labels the type allows: a payee chosen as Person skips COMPANY_OF.
      if (n.shapes && !rdef[side].includes(n.label)) return undefined;
      if (!rdef[side].includes(n.label))
        fail(`${where}: ${type} may not ${side === 'from' ? 'start at' : 'end at'} ${n.label} (graph.yaml: ${rdef[side].join('/')})`);
      return ref;
    };
    const props = propSources(r.props, rdef.properties, type, `${where}.props`);
    const identity = r.identity ?? [];
    for (const p of identity) {
      const src = props[p] ?? fail(`${where}.identity: "${p}" is not among its props`);
      // MERGE refuses null property values, so an identifying property must always have one.
      if ('column' in src && (!columns[src.column]!.required || src.when))
        fail(`${where}.identity: "${p}" must come from a required column (or a constant)`);
    }
    const [from, to] = [end('from'), end('to')];
    if (from === undefined || to === undefined) return;
    linked.add(i);
    const spec: RelSpec = { type, from, to, props, identity, bothWays: r.bothWays === true };
    const label = (ref: string) => nodes.find((x) => x.ref === ref)!.label;
    if (spec.bothWays && label(spec.from) !== label(spec.to)) fail(`${where}: bothWays needs the same label at both ends`);
    const when = condition(r.when, `${where}.when`);
    if (when) spec.when = when;
    if (r.spell) spec.spell = spellSpec(r.spell, spec, rdef.properties, `${where}.spell`);
    rels.push(spec);
  });

  // Spells (docs/loaders.md "Spells"): the writer sets from, to and months itself and merges by interval.
  function spellSpec(
    v: NonNullable<MappingYaml['relationships'][number]['spell']>,
    spec: RelSpec,
    defs: Record<string, PropDef>,
    where: string,
  ) {
    for (const [p, t] of [
      ['from', 'date'],
      ['to', 'date'],
      ['months', 'integer'],
    ] as const) {
      if (defs[p]?.type !== t)
        fail(`${where}: ${spec.type} needs ${t === 'integer' ? 'an' : 'a'} ${t} property "${p}" in graph.yaml to be stored as spells`);
      if (spec.props[p]) fail(`${where}: "${p}" is the spell's own; remove it from props`);
    }
    if (spec.identity.length) fail(`${where}: a spell is identified by its dates; remove identity`);
    if (spec.bothWays) fail(`${where}: spells cannot be written both ways`);
    const dateColumn = (cid: string, key: string, required: boolean) => {
      const c = column(cid, `${where}.${key}`);
      if (!outTypes(c.normalise).every((t) => t === 'date')) fail(`${where}.${key}: column "${cid}" must yield dates`);
      if (required && !c.required) fail(`${where}.${key}: column "${cid}" must be required (a spell needs its start)`);
      return cid;
    };
    return 'month' in v
      ? { month: dateColumn(v.month, 'month', true) }
      : { from: dateColumn(v.from, 'from', true), ...(v.to !== undefined ? { to: dateColumn(v.to, 'to', false) } : {}) };
  }
  raw.relationships.forEach((r, i) => {
    if (!linked.has(i)) fail(`relationships[${i}]: ${r.type} allows none of the labels ${r.from} or ${r.to} may take by shape`);
  });

  // Recognition
  const files = raw.match?.files ?? [];
  const headers =
    raw.match?.headers ??
    Object.values(columns)
      .filter((c) => c.required && !c.join)
      .map((c) => c.id);
  for (const h of headers) if (column(h, 'match.headers').join) fail(`match.headers: "${h}" is a join of other columns`);
  if (files.length === 0 && headers.length === 0) fail('match needs files or headers (or required columns) to recognise the source');

  return {
    id,
    title: raw.title,
    order: raw.order,
    match: { files, headers },
    format,
    derive: raw.derive,
    columns,
    nodes,
    relationships: rels,
    digest: createHash('sha256').update(text.replace(MODELINE, '')).digest('hex'),
    ...(file ? { file } : {}),
  };
}
