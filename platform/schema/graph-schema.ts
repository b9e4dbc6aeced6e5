// Reads cypher/schema/graph.yaml and refuses it, with the reason, when it is malformed. The loaders,
// the schema step, the API and the explorer all read this one description of the graph.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../config.js';

export type PropType = 'string' | 'integer' | 'float' | 'boolean' | 'date' | 'datetime' | 'string[]';
const PROP_TYPES: readonly PropType[] = ['string', 'integer', 'float', 'boolean', 'date', 'datetime', 'string[]'];

export interface PropDef {
  type: PropType;
  zh: string;
  en: string;
  sensitive: boolean;
}
export interface LabelDef {
  name: string;
  key: string;
  caption: string;
  zh: string;
  en: string;
  color: string;
  shape: string;
  search: string[];
  properties: Record<string, PropDef>;
}
export interface RelDef {
  name: string;
  from: string[];
  to: string[];
  zh: string;
  en: string;
  properties: Record<string, PropDef>;
}
export interface GraphSchema {
  version: number;
  labels: Record<string, LabelDef>;
  relationships: Record<string, RelDef>;
  indexes: { label: string; properties: string[] }[];
  fulltext: { name: string; analyzer: string };
}

export class InvalidSchema extends Error {
  override name = 'InvalidSchema';
}

export const DEFAULT_SCHEMA_FILE = path.join(ROOT, 'cypher', 'schema', 'graph.yaml');
/** Labels and types must be safe to put in Cypher text, since Cypher cannot parameterise them. */
export const IDENT = /^[A-Za-z][A-Za-z0-9_]*$/;

const obj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function fail(where: string, why: string): never {
  throw new InvalidSchema(`${where}: ${why}`);
}

function str(v: unknown, where: string): string {
  if (typeof v !== 'string' || v === '') fail(where, 'must be a non-empty string');
  return v;
}

function props(v: unknown, where: string): Record<string, PropDef> {
  if (v === undefined || v === null) return {};
  if (!obj(v)) fail(where, 'must be a map of property name to { type, zh, en }');
  const out: Record<string, PropDef> = {};
  for (const [name, def] of Object.entries(v)) {
    const w = `${where}.${name}`;
    if (!IDENT.test(name)) fail(w, 'property names are letters, digits and _');
    if (!obj(def)) fail(w, 'must be { type, zh, en }');
    const type = def.type as PropType;
    if (!PROP_TYPES.includes(type)) fail(w, `type must be one of ${PROP_TYPES.join(', ')}`);
    out[name] = { type, zh: str(def.zh, `${w}.zh`), en: str(def.en, `${w}.en`), sensitive: def.sensitive === true };
  }
  return out;
}

export function parseGraphSchema(text: string, file = 'graph.yaml'): GraphSchema {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (e) {
    throw new InvalidSchema(`${file}: not valid YAML: ${(e as Error).message}`);
  }
  if (!obj(raw)) fail(file, 'must be a YAML map');
  if (!obj(raw.labels)) fail(`${file} labels`, 'must be a map');
  if (!obj(raw.relationships)) fail(`${file} relationships`, 'must be a map');

  const labels: Record<string, LabelDef> = {};
  for (const [name, d] of Object.entries(raw.labels)) {
    const w = `${file} labels.${name}`;
    if (!IDENT.test(name)) fail(w, 'label names are letters, digits and _');
    if (name === 'Entity') fail(w, 'Entity is reserved: every node carries it');
    if (!obj(d)) fail(w, 'must be a map');
    const properties = props(d.properties, `${w}.properties`);
    const key = str(d.key, `${w}.key`);
    if (!properties[key]) fail(w, `key "${key}" is not among its properties`);
    const caption = str(d.caption, `${w}.caption`);
    if (!properties[caption]) fail(w, `caption "${caption}" is not among its properties`);
    const search = Array.isArray(d.search) ? d.search.map((s) => str(s, `${w}.search`)) : [];
    for (const s of search) if (!properties[s]) fail(w, `search property "${s}" is not among its properties`);
    labels[name] = {
      name,
      key,
      caption,
      zh: str(d.zh, `${w}.zh`),
      en: str(d.en, `${w}.en`),
      color: str(d.color, `${w}.color`),
      shape: str(d.shape, `${w}.shape`),
      search,
      properties,
    };
  }

  const relationships: Record<string, RelDef> = {};
  for (const [name, d] of Object.entries(raw.relationships)) {
    const w = `${file} relationships.${name}`;
    if (!/^[A-Z][A-Z0-9_]*$/.test(name)) fail(w, 'relationship types are UPPER_SNAKE_CASE');
    if (!obj(d)) fail(w, 'must be a map');
    const ends = (v: unknown, side: string) => {
      if (!Array.isArray(v) || v.length === 0) fail(`${w}.${side}`, 'must list labels');
      return v.map((l) => {
        const s = str(l, `${w}.${side}`);
        if (!labels[s]) fail(`${w}.${side}`, `unknown label "${s}"`);
        return s;
      });
    };
    relationships[name] = {
      name,
      from: ends(d.from, 'from'),
      to: ends(d.to, 'to'),
      zh: str(d.zh, `${w}.zh`),
      en: str(d.en, `${w}.en`),
      properties: props(d.properties, `${w}.properties`),
    };
  }

  const indexes = Array.isArray(raw.indexes) ? raw.indexes : [];
  const parsedIndexes = indexes.map((ix, i) => {
    const w = `${file} indexes[${i}]`;
    if (!obj(ix)) fail(w, 'must be { label, properties }');
    const label = str(ix.label, `${w}.label`);
    const l = labels[label] ?? fail(w, `unknown label "${label}"`);
    if (!Array.isArray(ix.properties) || ix.properties.length === 0) fail(w, 'properties must be a list');
    const ps = ix.properties.map((p) => str(p, `${w}.properties`));
    for (const p of ps) if (!l.properties[p]) fail(w, `unknown property "${p}" on ${label}`);
    return { label, properties: ps };
  });

  if (!obj(raw.fulltext)) fail(`${file} fulltext`, 'must be { name, analyzer }');
  const ftName = str(raw.fulltext.name, `${file} fulltext.name`);
  if (!IDENT.test(ftName)) fail(`${file} fulltext.name`, 'letters, digits and _ only');

  return {
    version: typeof raw.version === 'number' ? raw.version : 1,
    labels,
    relationships,
    indexes: parsedIndexes,
    fulltext: { name: ftName, analyzer: str(raw.fulltext.analyzer, `${file} fulltext.analyzer`) },
  };
}

let cached: GraphSchema | undefined;
export function loadGraphSchema(file = DEFAULT_SCHEMA_FILE): GraphSchema {
  if (file === DEFAULT_SCHEMA_FILE && cached) return cached;
  const schema = parseGraphSchema(readFileSync(file, 'utf8'), path.basename(file));
  if (file === DEFAULT_SCHEMA_FILE) cached = schema;
  return schema;
}

/** The stable address of a node: "<Label>:<key value>". */
export const uidOf = (label: string, key: string) => `${label}:${key}`;
