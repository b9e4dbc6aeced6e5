// The one way huiyan checks a YAML file written by hand (graph.yaml, the mappings, the model headers):
// parse it, check its shape against a zod schema, and refuse it with every problem's path (e.g.
// `labels.Person.properties.idNo.type: …`). Each format's schema lives next to its loader and is also
// published as JSON Schema (bin/schemas.ts), so an editor refuses what the loader would refuse. Checks a
// schema cannot express (a mapping's label exists in graph.yaml) stay with the loader, after this one.
import { parse } from 'yaml';
import { z } from 'zod';

/** Called with the reason and whatever the YAML held (undefined if it did not parse); must throw. */
export type Refuse = (reason: string, raw: unknown) => never;

/**
 * An object that refuses keys it does not list, naming them and the allowed ones: a typo
 * (`colums:`) is an error, not a silently ignored key. `unknown` words the message differently.
 */
export function strict<S extends z.core.$ZodLooseShape>(shape: S, unknown?: (keys: string[], allowed: string) => string) {
  const allowed = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (iss) => {
      if (iss.code !== 'unrecognized_keys') return undefined;
      if (unknown) return unknown(iss.keys, allowed);
      const names = iss.keys.map((k) => `"${k}"`).join(', ');
      return `unknown key${iss.keys.length > 1 ? 's' : ''} ${names} (allowed: ${allowed})`;
    },
  });
}

export function parseYamlWith<S extends z.ZodType>(text: string, schema: S, refuse: Refuse): z.output<S> {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (e) {
    return refuse(`not valid YAML: ${(e as Error).message}`, undefined);
  }
  const result = schema.safeParse(raw);
  if (!result.success) return refuse(describeIssues(result.error.issues, raw), raw);
  return result.data;
}

/** `a.b[2].c`, the way the docs and the old messages wrote paths. */
export function pathText(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

const at = (root: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>((v, k) => (typeof v === 'object' && v !== null ? (v as Record<PropertyKey, unknown>)[k] : undefined), root);

/** One line per problem, `path: message`; the top level has no path. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], root: unknown, base: readonly PropertyKey[] = []): string {
  const lines = issues.flatMap((iss) => {
    const path = [...base, ...iss.path];
    if (iss.code === 'invalid_union' && iss.errors.length > 0) {
      // A value that may take several shapes (a normaliser's name or `{ type, … }`): report the
      // shape the value was written in, not every alternative it is not.
      const branch = pickBranch(iss.errors, at(root, path));
      if (branch) return [describeIssues(branch, root, path)];
      const kinds = [...new Set(iss.errors.flat().flatMap((e) => (e.code === 'invalid_type' && e.path.length === 0 ? [e.expected] : [])))];
      return [`${pathText(path) || 'top level'}: expected ${kinds.join(' or ')}`];
    }
    if (iss.code === 'invalid_key') return [describeIssues(iss.issues, root, path)];
    const value = at(root, path);
    const message = iss.code === 'invalid_type' && value === undefined ? 'is required' : iss.message;
    return [path.length ? `${pathText(path)}: ${message}` : message];
  });
  return [...new Set(lines)].join('; ');
}

/**
 * The alternative meant: one that did not refuse the value as a whole, or else one that refused its
 * value (an unknown name) rather than its kind (a number where a name or map goes).
 */
function pickBranch(branches: readonly (readonly z.core.$ZodIssue[])[], value: unknown): readonly z.core.$ZodIssue[] | undefined {
  const whole = (b: readonly z.core.$ZodIssue[], code: string) => b.some((e) => e.path.length === 0 && e.code === code);
  const fits = branches.filter((b) => !whole(b, 'invalid_type') && !whole(b, 'invalid_value'));
  if (fits.length) return fits.reduce((a, b) => (b.length < a.length ? b : a));
  return value === undefined ? undefined : branches.find((b) => whole(b, 'invalid_value'));
}
