// The shape of a mapping (loaders/mappings/*.yaml), as a zod schema: validate.ts checks it first, and
// bin/schemas.ts publishes it as schemas/mapping.schema.json so an editor flags a typo as it is typed.
// What depends on graph.yaml or on other parts of the mapping (labels, properties, column references,
// types) is checked afterwards in validate.ts.
import { z } from 'zod';
import { IDENT } from '../../../platform/schema/graph-schema.js';
import { strict } from '../../../platform/validation/yaml.js';
import { DEVICE_KINDS } from '../normalise/device.js';
import { NORMALISERS } from '../normalise/index.js';
import { ADDRESS_PARTS } from '../normalise/address.js';
import { ID_PARTS, SCHEMES } from '../normalise/identifier.js';

/** Steps the loader runs after the files, named by the mappings whose data they need. */
export const DERIVATIONS = ['householdKin'] as const;

const text = z.string().min(1, 'must be a non-empty string');
/** A header or file pattern; YAML reads `2024` as a number, which is meant as text. */
const name = z.union([z.string(), z.number().transform(String)]);
const value = z.union([z.string(), z.number(), z.boolean()]);
const ident = (what: string) => z.string().regex(IDENT, `${what} are letters, digits and _`);
const nonEmpty = <T extends z.ZodType<Record<string, unknown>>>(map: T, why: string) => map.refine((o) => Object.keys(o).length > 0, why);

/** What each normaliser option may hold; an option without `.optional()` is required where allowed. */
const OPTIONS: Record<string, z.ZodType> = {
  tz: z.string().optional().describe('offset for values written without one (default +08:00)'),
  unit: z.enum(['元', '万元']).optional().describe('unit of bare numbers (default 元)'),
  kind: z.enum(DEVICE_KINDS),
  valueOnly: z.boolean().optional().describe('the canonical value instead of the Device key'),
  values: nonEmpty(z.record(z.string(), z.string()), 'enum needs values: { 写法: value }').describe('written form → stored value'),
  passthrough: z.boolean().optional().describe('keep values not listed instead of refusing them'),
  part: z.enum(ADDRESS_PARTS).optional().describe('address: which part (default full)'),
  scheme: z
    .enum([...SCHEMES, 'auto'])
    .optional()
    .describe('identifier: the scheme, or auto by shape (default)'),
  register: text.optional().describe('identifier: the foreign register, e.g. GB-COH'),
  yields: z.enum(ID_PARTS).optional().describe('identifier: key "<scheme>:<value>" (default), scheme or value'),
  replace: z
    .array(
      z.tuple([z.string().min(1), z.string()]).superRefine(([p], ctx) => {
        try {
          new RegExp(p, 'gu');
        } catch (e) {
          ctx.addIssue({ code: 'custom', message: `not a regular expression: ${(e as Error).message}` });
        }
      }),
    )
    .min(1)
    .optional()
    .describe('text: [pattern, replacement] pairs applied in order (JavaScript regular expressions; $1 for a group)'),
};

const known = `(known: ${Object.keys(NORMALISERS).join(', ')}, switch)`;
const unknownNormaliser = (v: unknown) => `unknown normaliser ${JSON.stringify(v)} ${known}`;

/** A normaliser by name, `{ type, …options }`, or a switch on another column's value. */
export type NormaliserYaml = string | SwitchYaml | { type: string; [option: string]: unknown };
export type SwitchYaml = { type: 'switch'; on: string; cases: Record<string, NormaliserYaml>; default?: NormaliserYaml };
export const isSwitch = (v: Exclude<NormaliserYaml, string>): v is SwitchYaml => v.type === 'switch';
export const NormaliserYaml: z.ZodType<NormaliserYaml> = z
  .lazy(() => {
    const named = Object.entries(NORMALISERS).map(([type, def]) =>
      strict({ type: z.literal(type), ...Object.fromEntries(def.options.map((o) => [o, OPTIONS[o] ?? z.never()])) }),
    );
    const switched = strict({
      type: z.literal('switch'),
      on: text,
      cases: z.record(z.string(), NormaliserYaml),
      default: NormaliserYaml.optional(),
    });
    // Built from the NORMALISERS table, so TypeScript sees a list where zod wants a non-empty tuple.
    const shapes = [...named, switched] as unknown as [z.ZodObject, ...z.ZodObject[]];
    const byType = z.discriminatedUnion('type', shapes, {
      error: (iss) => (iss.code === 'invalid_union' ? unknownNormaliser((iss.input as { type?: unknown }).type) : undefined),
    });
    return z.union([
      z.enum(Object.keys(NORMALISERS), { error: (iss) => unknownNormaliser(iss.input) }),
      byType,
    ]) as z.ZodType<NormaliserYaml>;
  })
  .meta({ id: 'normaliser', description: 'a normaliser name, { type, ...options }, or { type: switch, on, cases, default? }' });

export const ConditionYaml = strict({
  column: text,
  equals: value.optional(),
  in: z.array(value).optional(),
  present: z.boolean().optional(),
}).refine((c) => c.equals !== undefined || c.in !== undefined || c.present !== undefined, 'needs equals, in or present');

/** graph property ← a column id, or `{ column | value, when? }`. */
const props = z.record(
  z.string(),
  z.union([z.string(), strict({ column: text.optional(), value: value.optional(), when: ConditionYaml.optional() })]),
);

export const ColumnYaml = strict({
  headers: z
    .array(name)
    .min(1, 'must list at least one header')
    .optional()
    .describe('aliases, compared after NFKC, without spaces and "*"'),
  join: z
    .array(text)
    .min(2, 'joins at least two columns')
    .optional()
    .describe("instead of headers: these columns' cells joined by a space"),
  normalise: NormaliserYaml.optional(),
  required: z.boolean().optional().describe('an empty cell rejects the row'),
  fillDown: z
    .literal(true)
    .optional()
    .describe('an empty cell takes the value above it (a column merged down over rows in the spreadsheet the file was saved from)'),
  split: z
    .union([z.literal(true), z.string().min(1)])
    .optional()
    .describe(
      'a cell holding several values (3301…、3302…): one row per value; true splits at 、，,；; and line breaks, a string at its own characters',
    ),
})
  .refine((c) => (c.headers === undefined) !== (c.join === undefined), 'needs headers or join (not both)')
  .refine((c) => c.split === undefined || c.join === undefined, 'a join column cannot be split')
  .refine((c) => c.fillDown === undefined || c.join === undefined, 'a join column cannot be filled down (fill its columns)');

/** The label chosen by the key's shape: scheme (platform/identifiers/schemes.ts) or `other` → label. */
const ByShape = strict({
  byShape: nonEmpty(z.partialRecord(z.enum([...SCHEMES, 'other']), text), 'byShape needs at least one shape'),
});

export const NodeYaml = strict({
  label: z.union([text, ByShape]).describe('a label of graph.yaml, or { byShape: { cn-id: Person, cn-uscc: Company, other: … } }'),
  key: z
    .union([text, z.array(text).min(2, 'a composite key names at least two columns')])
    .describe('the column holding the key, or several whose values make it (joined by " | ")'),
  props: props.optional(),
  mode: z.enum(['set', 'fill']).optional().describe('set (default): values overwrite; fill: only blanks are filled'),
  mustExist: z.boolean().optional().describe('never created here: a row naming an unknown key is rejected'),
  lookup: z
    .string()
    .optional()
    .describe(
      'find the node by this property (e.g. name) instead of by its key: the key column holds the value, the node must exist and be the only one with it (implies mustExist)',
    ),
  optional: z
    .boolean()
    .optional()
    .describe(
      'with lookup: a value no node (or several) holds leaves this node and its relationships out, the row loads, and the rejects file notes it',
    ),
  when: ConditionYaml.optional(),
});

export const RelationshipYaml = strict({
  type: text.describe('a relationship type of graph.yaml'),
  from: text.describe('a node ref'),
  to: text.describe('a node ref'),
  props: props.optional(),
  identity: z.array(name).optional().describe('props in the MERGE pattern'),
  bothWays: z.boolean().optional(),
  when: ConditionYaml.optional(),
  spell: z
    .union([strict({ from: text, to: text.optional() }), strict({ month: text })])
    .optional()
    .describe('stored as spells (from, to, months): { from, to? } columns of a spell export, or { month } to coalesce monthly rows'),
});

export const MappingYaml = strict({
  id: z.string().regex(/^[a-z][a-z0-9_-]*$/, 'must be lower-case letters, digits, - and _'),
  title: strict({ zh: text, en: text }),
  order: z.number().default(100).describe('load order: node-creating sources first'),
  match: strict({ files: z.array(name).optional(), headers: z.array(name).optional() }).optional(),
  format: strict({
    type: z.enum(['csv', 'xlsx', 'jsonl']),
    encoding: text.optional(),
    sheet: text.optional(),
    delimiter: text.optional(),
    expand: text.optional().describe('jsonl: the dotted path of an array; one row per element, the rest of the record beside it'),
  }),
  derive: z.array(z.enum(DERIVATIONS)).default([]),
  columns: nonEmpty(z.record(ident('column ids'), ColumnYaml), 'must not be empty'),
  nodes: nonEmpty(z.record(ident('refs'), NodeYaml), 'must not be empty'),
  relationships: z.array(RelationshipYaml).default([]),
}).meta({ title: 'huiyan source mapping', description: 'One department source → graph (docs/loaders.md "The mapping format").' });

export type MappingYaml = z.output<typeof MappingYaml>;
export type ConditionYaml = z.output<typeof ConditionYaml>;
