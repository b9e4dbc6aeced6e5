// A model package (`*.huiyan-models.json`): models one site shares with another (一地创新、全省共享). One
// JSON file: a manifest (format, when, from where, which models, and a SHA-256 over the canonical form of
// everything else) and per model its .cypher file as written, its fixtures file if it has one, the
// revision history found for it and its statistics (查实率, alert counts) at the exporting site.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { canonical } from '../../audit/record.js';

export const PACKAGE_FORMAT = 'huiyan-models/1';
export const PACKAGE_SUFFIX = '.huiyan-models.json';

const RevisionYaml = z.object({ revision: z.number().int().nullable(), commit: z.string(), date: z.string(), message: z.string() });
const StatsYaml = z.object({
  alerts: z.number(),
  concluded: z.number(),
  confirmed: z.number(),
  partlyConfirmed: z.number(),
  dismissed: z.number(),
  hitRate: z.number().nullable(),
  byRevision: z.array(z.object({ revision: z.number(), alerts: z.number(), concluded: z.number(), hitRate: z.number().nullable() })),
});

export const PackagedModelSchema = z.strictObject({
  id: z.string().min(1),
  revision: z.number().int().positive(),
  domain: z.string().regex(/^[a-z0-9-]+$/, 'must be a folder name of lower-case words'),
  /** The file's name, e.g. `shell-winner.cypher`. */
  file: z.string().regex(/^[a-z0-9][a-z0-9.-]*\.cypher$/, 'must be a plain .cypher file name'),
  cypher: z.string().min(1),
  fixtures: z.string().nullable(),
  history: z.array(RevisionYaml),
  stats: StatsYaml.nullable(),
});
export type PackagedModel = z.infer<typeof PackagedModelSchema>;

export const PackageSchema = z.strictObject({
  manifest: z.strictObject({
    format: z.literal(PACKAGE_FORMAT),
    createdAt: z.string(),
    source: z.string().nullable(),
    models: z.array(z.object({ id: z.string(), revision: z.number().int() })),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in hex'),
  }),
  models: z.array(PackagedModelSchema).min(1, 'holds no model'),
});
export type ModelPackage = z.infer<typeof PackageSchema>;

/**
 * SHA-256 over the canonical JSON (keys sorted at every level) of the package without the hash itself:
 * the same content hashes alike however it was pretty-printed, and any change to a model, its history or
 * its statistics, or to the manifest, breaks it.
 */
export function packageHash(
  pkg: Omit<ModelPackage, 'manifest'> & { manifest: Omit<ModelPackage['manifest'], 'sha256'> & { sha256?: string } },
): string {
  const { sha256: _ignored, ...manifest } = pkg.manifest;
  return createHash('sha256')
    .update(canonical({ manifest, models: pkg.models }))
    .digest('hex');
}

/** Seals a package: fills in the manifest's list of models and its hash. */
export function sealPackage(models: PackagedModel[], source: string | null, now: Date): ModelPackage {
  const manifest = {
    format: PACKAGE_FORMAT,
    createdAt: now.toISOString(),
    source,
    models: models.map((m) => ({ id: m.id, revision: m.revision })),
  } as const;
  return { manifest: { ...manifest, sha256: packageHash({ manifest, models }) }, models };
}
