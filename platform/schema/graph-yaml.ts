// The shape of cypher/schema/graph.yaml, as a zod schema: graph-schema.ts validates with it, and
// bin/schemas.ts publishes it as schemas/graph.schema.json for editors. Names that must exist elsewhere
// in the file (a key among the label's properties, a relationship's end labels) are checked in code.
import { z } from 'zod';
import { strict } from '../validation/yaml.js';

/** Labels and types must be safe to put in Cypher text, since Cypher cannot parameterise them. */
export const IDENT = /^[A-Za-z][A-Za-z0-9_]*$/;

const text = z.string().min(1, 'must be a non-empty string');
const ident = (what: string) => z.string().regex(IDENT, `${what} are letters, digits and _`);

export const PropTypeYaml = z.enum(['string', 'integer', 'float', 'boolean', 'date', 'datetime', 'string[]']);

export const PropDefYaml = strict({
  type: PropTypeYaml,
  zh: text,
  en: text,
  /** An ID number: replaced by a keyed token when pseudonymising, masked in rejects. */
  sensitive: z.boolean().default(false),
  /**
   * An identifier each node holds alone (a 执法证号, a 工号): a mapping may find a node by it (`lookup`) even
   * when the label's key is sensitive, where a name (which repeats) may not find a person.
   */
  unique: z.boolean().default(false).describe('an identifier no two nodes share: mappings may find a node of a sensitive label by it'),
  /**
   * Shown cut down to roles that may not see sensitive values, because it rebuilds part of a masked one:
   * `year` keeps a date's year (the birth date is digits 7-14 of the ID number the masked form hides).
   */
  masked: z
    .enum(['year'])
    .optional()
    .describe('year: roles without seeSensitive see only the year of this date (it would rebuild a masked ID number)'),
}).superRefine((d, ctx) => {
  if (d.masked === 'year' && d.type !== 'date' && d.type !== 'datetime')
    ctx.addIssue({ code: 'custom', path: ['masked'], message: 'masked: year needs a date or datetime property' });
  if (d.unique && d.sensitive)
    ctx.addIssue({
      code: 'custom',
      path: ['unique'],
      message: 'a sensitive property is pseudonymised; a mapping cannot find a node by it',
    });
  if (d.masked && d.sensitive)
    ctx.addIssue({ code: 'custom', path: ['masked'], message: 'a sensitive property is hidden whole; masked is for the others' });
});

/** `properties:` left empty in YAML is null: no properties. */
const properties = z
  .record(ident('property names'), PropDefYaml)
  .nullish()
  .transform((v) => v ?? {});

export const LabelYaml = strict({
  key: text.describe('the property that identifies a node; its uid is "<Label>:<key>"'),
  caption: text.describe('the property the explorer shows on the node'),
  zh: text,
  en: text,
  color: text,
  shape: text.describe('a Cytoscape node shape'),
  search: z
    .array(text)
    .nullish()
    .transform((v) => v ?? [])
    .describe('properties in the full-text index'),
  properties,
});

export const RelationshipYaml = strict({
  from: z.array(text).min(1, 'must list labels').describe('labels the relationship may start at'),
  to: z.array(text).min(1, 'must list labels').describe('labels the relationship may end at'),
  zh: text,
  en: text,
  properties,
});

export const GraphYaml = strict({
  version: z.number().int().positive().default(1),
  labels: z.record(ident('label names'), LabelYaml),
  relationships: z.record(z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'relationship types are UPPER_SNAKE_CASE'), RelationshipYaml),
  indexes: z
    .array(strict({ label: text, properties: z.array(text).min(1, 'must list properties') }))
    .nullish()
    .transform((v) => v ?? []),
  fulltext: strict({ name: ident('index names'), analyzer: text.describe('a Lucene analyzer, e.g. cjk') }),
}).meta({ title: 'huiyan graph.yaml', description: 'The graph vocabulary: labels, relationship types, indexes (docs/loaders.md).' });
