// Turns a mapping's YAML into a Mapping, refusing it with InvalidMapping and the reason when anything does
// not fit graph.yaml: unknown label, relationship type, property or column, a normaliser whose output
// cannot be stored in the property's type. Runs before any row is read.
import { createHash } from 'node:crypto';
import iconv from 'iconv-lite';
import { parse } from 'yaml';
import { IDENT, type GraphSchema, type PropDef, type PropType } from '../../../platform/schema/graph-schema.js';
import { InvalidMapping } from '../errors.js';
import { NORMALISERS, type Value } from '../normalise/index.js';
import type { ColumnSpec, Condition, Mapping, NodeSpec, NormSpec, PropSource, RelSpec, SourceFormat } from './types.js';

/** Steps the loader runs after the files, named by the mappings whose data they need. */
export const DERIVATIONS = ['householdKin'];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isValue = (v: unknown): v is Value => ['string', 'number', 'boolean'].includes(typeof v);

export function parseMapping(text: string, schema: GraphSchema, file?: string): Mapping {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (e) {
    throw new InvalidMapping(file ?? '?', `not valid YAML: ${(e as Error).message}`);
  }
  const id = isObj(raw) && typeof raw.id === 'string' ? raw.id : (file ?? '?');
  const fail: (why: string) => never = (why) => {
    throw new InvalidMapping(id, why);
  };
  if (!isObj(raw)) return fail('must be a YAML map');
  const only = (o: Obj, allowed: string[], where: string) => {
    for (const k of Object.keys(o)) if (!allowed.includes(k)) fail(`${where}: unknown key "${k}" (allowed: ${allowed.join(', ')})`);
  };
  only(raw, ['id', 'title', 'order', 'match', 'format', 'derive', 'columns', 'nodes', 'relationships'], 'top level');
  if (!/^[a-z][a-z0-9_-]*$/.test(id)) fail('id must be lower-case letters, digits, - and _');
  const str = (v: unknown, where: string): string => (typeof v === 'string' && v !== '' ? v : fail(`${where} must be a non-empty string`));
  const strList = (v: unknown, where: string): string[] => {
    if (v === undefined) return [];
    if (!Array.isArray(v)) return fail(`${where} must be a list`);
    return v.map((x, i) => (typeof x === 'string' || typeof x === 'number' ? String(x) : fail(`${where}[${i}] must be a string`)));
  };

  const title = isObj(raw.title) ? { zh: str(raw.title.zh, 'title.zh'), en: str(raw.title.en, 'title.en') } : fail('title must be { zh, en }');
  const order = raw.order === undefined ? 100 : typeof raw.order === 'number' ? raw.order : fail('order must be a number');

  // Format
  const fmt = isObj(raw.format) ? raw.format : fail('format must be { type, encoding?, sheet?, delimiter? }');
  only(fmt, ['type', 'encoding', 'sheet', 'delimiter'], 'format');
  const type = str(fmt.type, 'format.type') as SourceFormat;
  if (!['csv', 'xlsx', 'jsonl'].includes(type)) fail(`format.type must be csv, xlsx or jsonl, not "${type}"`);
  const format: Mapping['format'] = { type };
  if (fmt.encoding !== undefined) {
    format.encoding = str(fmt.encoding, 'format.encoding');
    if (!iconv.encodingExists(format.encoding)) fail(`format.encoding "${format.encoding}" is not an encoding iconv-lite knows`);
  }
  if (fmt.sheet !== undefined) format.sheet = str(fmt.sheet, 'format.sheet');
  if (fmt.delimiter !== undefined) format.delimiter = str(fmt.delimiter, 'format.delimiter');

  // Columns
  if (!isObj(raw.columns) || Object.keys(raw.columns).length === 0) fail('columns must be a non-empty map');
  const columns: Record<string, ColumnSpec> = {};
  const normSpec = (v: unknown, where: string): NormSpec => {
    if (v === undefined) return { type: 'text', opts: {} };
    if (typeof v === 'string') v = { type: v };
    if (!isObj(v)) return fail(`${where} must be a normaliser name or { type, ... }`);
    const t = str(v.type, `${where}.type`);
    if (t === 'switch') {
      only(v, ['type', 'on', 'cases', 'default'], where);
      if (!isObj(v.cases)) fail(`${where}.cases must map values to normalisers`);
      const cases: Record<string, NormSpec> = {};
      for (const [k, c] of Object.entries(v.cases)) cases[k] = normSpec(c, `${where}.cases.${k}`);
      const spec: NormSpec = { type: 'switch', on: str(v.on, `${where}.on`), cases };
      if (v.default !== undefined) spec.default = normSpec(v.default, `${where}.default`);
      return spec;
    }
    const def = NORMALISERS[t] ?? fail(`${where}: unknown normaliser "${t}" (known: ${Object.keys(NORMALISERS).join(', ')}, switch)`);
    const { type: _t, ...opts } = v;
    only(opts, def.options, where);
    if (t === 'enum') {
      if (!isObj(opts.values) || Object.keys(opts.values).length === 0) fail(`${where}: enum needs values: { 写法: value }`);
      for (const [k, x] of Object.entries(opts.values)) if (typeof x !== 'string') fail(`${where}.values.${k} must be a string`);
    }
    return { type: t, opts };
  };
  for (const [cid, c] of Object.entries(raw.columns)) {
    const where = `columns.${cid}`;
    if (!IDENT.test(cid)) fail(`${where}: column ids are letters, digits and _`);
    if (!isObj(c)) fail(`${where} must be { headers, normalise?, required? }`);
    only(c as Obj, ['headers', 'normalise', 'required'], where);
    const co = c as Obj;
    const headers = strList(co.headers, `${where}.headers`);
    if (headers.length === 0) fail(`${where}.headers must list at least one header`);
    columns[cid] = { id: cid, headers, normalise: normSpec(co.normalise, `${where}.normalise`), required: co.required === true };
  }
  const column = (cid: unknown, where: string): ColumnSpec => {
    const c = columns[str(cid, where)];
    return c ?? fail(`${where}: unknown column "${String(cid)}"`);
  };
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

  const condition = (v: unknown, where: string): Condition | undefined => {
    if (v === undefined) return undefined;
    if (!isObj(v)) return fail(`${where} must be { column, equals | in | present }`);
    only(v, ['column', 'equals', 'in', 'present'], where);
    const cond: Condition = { column: column(v.column, `${where}.column`).id };
    if (v.equals !== undefined) cond.equals = isValue(v.equals) ? v.equals : fail(`${where}.equals must be a value`);
    if (v.in !== undefined) cond.in = Array.isArray(v.in) && v.in.every(isValue) ? (v.in as Value[]) : fail(`${where}.in must be a list of values`);
    if (v.present !== undefined) cond.present = v.present === true;
    if (cond.equals === undefined && cond.in === undefined && cond.present === undefined) fail(`${where} needs equals, in or present`);
    return cond;
  };
  const constFits = (v: Value, t: PropType) =>
    (typeof v === 'string' && ['string', 'date', 'datetime'].includes(t)) ||
    (typeof v === 'number' && (t === 'float' || (t === 'integer' && Number.isInteger(v)))) ||
    (typeof v === 'boolean' && t === 'boolean');
  const propSources = (v: unknown, defs: Record<string, PropDef>, owner: string, where: string): Record<string, PropSource> => {
    if (v === undefined) return {};
    if (!isObj(v)) return fail(`${where} must map property names to columns`);
    const out: Record<string, PropSource> = {};
    for (const [p, s] of Object.entries(v)) {
      const w = `${where}.${p}`;
      const def = defs[p] ?? fail(`${w}: ${owner} has no property "${p}" in graph.yaml`);
      const spec: Obj = typeof s === 'string' ? { column: s } : isObj(s) ? s : fail(`${w} must be a column id or { column | value, when? }`);
      only(spec, ['column', 'value', 'when'], w);
      const when = condition(spec.when, `${w}.when`);
      if (spec.column !== undefined) {
        const c = column(spec.column, `${w}.column`);
        const produced = outTypes(c.normalise);
        if (!produced.every((t) => t === def.type))
          fail(`${w}: column "${c.id}" yields ${produced.join('/')} but ${owner}.${p} is ${def.type}`);
        out[p] = when ? { column: c.id, when } : { column: c.id };
      } else if (spec.value !== undefined) {
        const v = spec.value;
        if (!isValue(v) || !constFits(v, def.type)) return fail(`${w}: constant ${JSON.stringify(v)} does not fit type ${def.type}`);
        out[p] = when ? { value: v, when } : { value: v };
      } else fail(`${w} needs column or value`);
    }
    return out;
  };

  // Nodes
  if (!isObj(raw.nodes) || Object.keys(raw.nodes).length === 0) fail('nodes must be a non-empty map of ref → { label, key, props }');
  const nodes: NodeSpec[] = [];
  for (const [ref, n] of Object.entries(raw.nodes)) {
    const where = `nodes.${ref}`;
    if (!IDENT.test(ref)) fail(`${where}: refs are letters, digits and _`);
    if (!isObj(n)) fail(`${where} must be { label, key, props?, mode?, mustExist?, when? }`);
    const no = n as Obj;
    only(no, ['label', 'key', 'props', 'mode', 'mustExist', 'when'], where);
    const label = str(no.label, `${where}.label`);
    if (label === 'Entity' || label === 'LoadRun') fail(`${where}: label "${label}" is written by the loader itself`);
    const ldef = schema.labels[label] ?? fail(`${where}: unknown label "${label}" (not in graph.yaml)`);
    if (!IDENT.test(label)) fail(`${where}: label "${label}" is not a safe identifier`);
    const key = column(no.key, `${where}.key`);
    if (!outTypes(key.normalise).every((t) => t === 'string')) fail(`${where}: key column "${key.id}" must yield strings`);
    const props = propSources(no.props, ldef.properties, label, `${where}.props`);
    if (props[ldef.key]) fail(`${where}.props: "${ldef.key}" is the key; it comes from key:`);
    const mode = no.mode === undefined ? 'set' : no.mode === 'set' || no.mode === 'fill' ? no.mode : fail(`${where}.mode must be set or fill`);
    const spec: NodeSpec = { ref, label, key: key.id, keyProp: ldef.key, props, mode, mustExist: no.mustExist === true };
    const when = condition(no.when, `${where}.when`);
    if (when) spec.when = when;
    if (spec.mustExist && Object.keys(props).length > 0) fail(`${where}: a mustExist node only refers to an entity; it cannot set properties`);
    nodes.push(spec);
  }

  // Relationships
  const rels: RelSpec[] = [];
  const relList = raw.relationships === undefined ? [] : Array.isArray(raw.relationships) ? raw.relationships : fail('relationships must be a list');
  relList.forEach((r, i) => {
    const where = `relationships[${i}]`;
    if (!isObj(r)) fail(`${where} must be { type, from, to, props?, identity?, bothWays?, when? }`);
    only(r, ['type', 'from', 'to', 'props', 'identity', 'bothWays', 'when'], where);
    const type = str(r.type, `${where}.type`);
    const rdef = schema.relationships[type] ?? fail(`${where}: unknown relationship type "${type}" (not in graph.yaml)`);
    if (!IDENT.test(type)) fail(`${where}: type "${type}" is not a safe identifier`);
    const end = (side: 'from' | 'to') => {
      const ref = str(r[side], `${where}.${side}`);
      const n = nodes.find((x) => x.ref === ref) ?? fail(`${where}.${side}: unknown node ref "${ref}"`);
      if (!rdef[side].includes(n.label)) fail(`${where}: ${type} may not ${side === 'from' ? 'start at' : 'end at'} ${n.label} (graph.yaml: ${rdef[side].join('/')})`);
      return ref;
    };
    const props = propSources(r.props, rdef.properties, type, `${where}.props`);
    const identity = strList(r.identity, `${where}.identity`);
    for (const p of identity) {
      const src = props[p] ?? fail(`${where}.identity: "${p}" is not among its props`);
      // MERGE refuses null property values, so an identifying property must always have one.
      if ('column' in src && (!columns[src.column]!.required || src.when)) fail(`${where}.identity: "${p}" must come from a required column (or a constant)`);
    }
    const spec: RelSpec = { type, from: end('from'), to: end('to'), props, identity, bothWays: r.bothWays === true };
    const label = (ref: string) => nodes.find((x) => x.ref === ref)!.label;
    if (spec.bothWays && label(spec.from) !== label(spec.to)) fail(`${where}: bothWays needs the same label at both ends`);
    const when = condition(r.when, `${where}.when`);
    if (when) spec.when = when;
    rels.push(spec);
  });

  // Recognition
  const m = raw.match === undefined ? {} : isObj(raw.match) ? raw.match : fail('match must be { files?, headers? }');
  only(m, ['files', 'headers'], 'match');
  const files = strList(m.files, 'match.files');
  const headers = m.headers === undefined ? Object.values(columns).filter((c) => c.required).map((c) => c.id) : strList(m.headers, 'match.headers');
  for (const h of headers) column(h, 'match.headers');
  if (files.length === 0 && headers.length === 0) fail('match needs files or headers (or required columns) to recognise the source');

  return {
    id,
    title,
    order,
    match: { files, headers },
    format,
    derive: strList(raw.derive, 'derive').map((d) => (DERIVATIONS.includes(d) ? d : fail(`derive: unknown derivation "${d}" (known: ${DERIVATIONS.join(', ')})`))),
    columns,
    nodes,
    relationships: rels,
    digest: createHash('sha256').update(text).digest('hex'),
    ...(file ? { file } : {}),
  };
}
