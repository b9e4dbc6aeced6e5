// Which stored values are still raw ID numbers: properties graph.yaml marks `sensitive` whose value is not
// a keyed token. A database loaded before pseudonymisation was the default holds them until
// `npm run migrate -- pseudonymise` re-keys it; start-up and `npm run load` ask here first.
import type { Executor } from '../../platform/db/executor.js';
import type { GraphSchema } from '../../platform/schema/graph-schema.js';
import { TOKEN } from '../../platform/identifiers/pseudonym.js';

/** The Cypher regex a token matches (whole-string, as `=~` does). */
export const TOKEN_PATTERN = TOKEN.source.replace(/^\^|\$$/g, '');

export interface SensitiveLabel {
  label: string;
  /** The label's key property when it is sensitive: then the uid is re-keyed too. */
  key: string | undefined;
  props: string[];
}

/** Labels with sensitive properties, from graph.yaml. */
export function sensitiveLabels(schema: GraphSchema): SensitiveLabel[] {
  const out: SensitiveLabel[] = [];
  for (const def of Object.values(schema.labels)) {
    const props = Object.entries(def.properties)
      .filter(([, p]) => p.sensitive)
      .map(([name]) => name);
    if (props.length) out.push({ label: def.name, key: props.includes(def.key) ? def.key : undefined, props });
  }
  return out;
}

/** The Cypher condition "node `n` holds a sensitive value that is not a token". */
export const RAW_WHERE = 'any(k IN $props WHERE n[k] IS NOT NULL AND NOT toString(n[k]) =~ $token)';

/** How many nodes still hold a raw value, per label (labels with none left out). */
export async function rawKeyCounts(db: Executor, schema: GraphSchema): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const s of sensitiveLabels(schema)) {
    const { rows } = await db.read<{ n: number }>(`MATCH (n:${s.label}) WHERE ${RAW_WHERE} RETURN count(n) AS n`, {
      props: s.props,
      token: TOKEN_PATTERN,
    });
    const n = Number(rows[0]?.n ?? 0);
    if (n > 0) out[s.label] = n;
  }
  return out;
}

export const MIGRATE_COMMAND = 'npm run migrate -- pseudonymise';

/** The start-up warning for a database that still holds raw ID numbers; undefined when it holds none. */
export function rawKeyWarning(counts: Record<string, number>): string | undefined {
  const total = Object.values(counts).reduce((s, n) => s + n, 0);
  if (total === 0) return undefined;
  const which = Object.entries(counts)
    .map(([l, n]) => `${n} ${l}`)
    .join(', ');
  return (
    `The database still holds raw ID numbers (${which}): they show in entity ids and an exact ID search does not find them. ` +
    `Stop the server and run  ${MIGRATE_COMMAND}  to replace them by keyed tokens. 数据库中仍有身份证号原文，请停止服务后运行上述命令迁移。`
  );
}
