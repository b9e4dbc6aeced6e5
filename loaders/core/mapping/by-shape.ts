// `label: { byShape: { cn-id: Person, cn-uscc: Company, other: Company } }`: a payee column holding ID
// numbers and credit codes with no type column beside it. The node is one spec per label, each taking the
// shapes mapped to it (ref `<ref>.<Label>`), and every relationship naming the ref is one spec per
// variant, so the writer and the bulk path keep one label per statement.
import { schemeByShape } from '../../../platform/identifiers/schemes.js';
import type { RelationshipYaml } from './schema.js';
import type { z } from 'zod';

type Rel = z.output<typeof RelationshipYaml>;

export function byShapeVariants(
  ref: string,
  byShape: Record<string, string>,
  keyColumns: number,
  fail: (why: string) => never,
): { ref: string; label: string; shapes: string[] }[] {
  if (keyColumns > 1) fail(`nodes.${ref}: a label by shape needs a single key column`);
  const byLabel = new Map<string, string[]>();
  for (const [shape, label] of Object.entries(byShape)) byLabel.set(label, [...(byLabel.get(label) ?? []), shape]);
  return [...byLabel].map(([label, shapes]) => ({ ref: `${ref}.${label}`, label, shapes }));
}

/** The relationships with every byShape ref replaced by each of its variants; the YAML index kept for messages. */
export function expandByShape(rels: Rel[], groups: Map<string, string[]>): { rel: Rel; index: number }[] {
  return rels.flatMap((rel, index) =>
    (groups.get(rel.from) ?? [rel.from]).flatMap((from) =>
      (groups.get(rel.to) ?? [rel.to]).map((to) => ({ rel: { ...rel, from, to }, index })),
    ),
  );
}

/** The shape of a key value: its scheme when the value is "<scheme>:…" or its shape says so, else other. */
export function shapeOf(key: string): string {
  const m = /^(cn-id|cn-uscc|cn-regno|cn-orgcode|hk-mo-tw|passport|foreign):/.exec(key);
  return m ? m[1]! : (schemeByShape(key) ?? 'other');
}
