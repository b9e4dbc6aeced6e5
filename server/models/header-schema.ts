// The shape of a model header (the YAML between the `// ---` lines of a .cypher file), as a zod schema:
// header.ts validates with it, and bin/schemas.ts publishes it as schemas/model-header.schema.json.
// Whether the query uses the declared parameters, and returns the named columns, is checked in code.
import { z } from 'zod';
import { strict } from '../../platform/validation/yaml.js';

/** Trimmed: a folded `description: >` block ends with a newline the summary should not carry. */
const text = z.string().trim().min(1, 'must be a non-empty string');
const zhEn = strict({ zh: text, en: text });

export const SeverityYaml = z.enum(['low', 'medium', 'high', 'critical']);
export const ParamTypeYaml = z.enum(['string', 'string[]', 'integer', 'float', 'boolean', 'date', 'date[]']);
type ParamType = z.infer<typeof ParamTypeYaml>;

/** What a parameter of each type holds, as a default in the header and as an override at run time. */
export const PARAM_VALUE: Record<ParamType, z.ZodType> = {
  string: z.string(),
  'string[]': z.array(z.string()),
  integer: z.number().int(),
  float: z.number(),
  boolean: z.boolean(),
  // `today`: the day of the run (a model examining what is current, e.g. `asOf`), resolved in params.ts.
  date: z.string().regex(/^(\d{4}-\d{2}-\d{2}|today)$/, 'must be a date YYYY-MM-DD or today'),
  // Days of a calendar (法定节假日, 调休上班日): each a real date, so a typo in a site's policy is refused with
  // its place instead of failing the run on the server (Cypher's date() throws) or being quietly skipped.
  'date[]': z.array(
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
      .refine((d) => {
        const t = Date.parse(`${d}T00:00:00Z`);
        return !Number.isNaN(t) && new Date(t).toISOString().startsWith(d);
      }, 'is not a day of the calendar'),
  ),
};

// One shape per type, so the default is checked against the type it declares (an editor too).
const ParamYaml = z.discriminatedUnion(
  'type',
  ParamTypeYaml.options.map((type) =>
    strict({ type: z.literal(type), default: PARAM_VALUE[type], description: z.string().default('') }),
  ) as unknown as [z.ZodObject<{ type: z.ZodLiteral<ParamType>; default: z.ZodType; description: z.ZodDefault<z.ZodString> }>],
);

export const HeaderYaml = strict(
  {
    id: text.regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, 'must be lower-case words joined by . or - (stable: alerts keep it)'),
    revision: z.number().int().positive('must be a positive whole number').describe('bump when the logic changes'),
    catalog: z.string().optional().describe('the catalog pattern it implements, e.g. M03'),
    title: zhEn,
    description: text.describe('what it finds, legal hooks, known false positives'),
    severity: SeverityYaml,
    tags: z.array(z.string()).default([]),
    parameters: z
      .record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'is not a Cypher identifier'), ParamYaml)
      .default({})
      .describe('every $name in the query, and only those'),
    identity: z.array(z.string()).min(1, 'must name at least one result column').describe('result columns that make one alert'),
    subjects: z
      .array(strict({ column: text, role: text }))
      .min(1, 'must name at least one column')
      .describe('result columns holding entity uids'),
    evidence: text.describe('result column: the list of paths making the case'),
    amount: text.optional().describe('result column: the amount involved'),
    summary: zhEn.describe('templates; {column} placeholders are filled per row'),
    schedule: z.string().nullish().describe('how often the server re-runs it: 30m, 6h or 1d'),
  },
  (keys, allowed) => `unknown header key(s): ${keys.join(', ')} (allowed: ${allowed})`,
).meta({ title: 'huiyan model header', description: 'The YAML between the `// ---` lines of a model (docs/models.md "The header").' });
