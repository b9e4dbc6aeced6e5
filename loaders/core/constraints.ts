// MERGE on a label's key needs a uniqueness constraint (and its index) or every row scans the label. The
// schema step owns the graph's constraints; the loader only adds the key constraints still missing, so it
// can load into an empty database on its own. Names are the loader's; an existing equivalent wins.
import type { Executor } from '../../server/db/executor.js';
import { IDENT, type GraphSchema } from '../../server/schema/graph-schema.js';
import type { Mapping } from './mapping/types.js';

export async function ensureKeyConstraints(executor: Executor, schema: GraphSchema, mappings: Mapping[]): Promise<void> {
  const { rows } = await executor.read<{ labels: string[] | null; props: string[] | null; type: string }>(
    'SHOW CONSTRAINTS YIELD labelsOrTypes AS labels, properties AS props, type RETURN labels, props, type',
  );
  const have = new Set(rows.filter((r) => /UNIQUE|KEY/.test(r.type)).map((r) => `${r.labels?.[0]}.${r.props?.join(',')}`));
  const wanted = new Map<string, string>();
  for (const m of mappings) for (const n of m.nodes) wanted.set(n.label, schema.labels[n.label]!.key);
  wanted.set('LoadRun', 'id');
  for (const [label, key] of wanted) {
    if (have.has(`${label}.${key}`) || !IDENT.test(label) || !IDENT.test(key)) continue;
    await executor.autoCommit(`CREATE CONSTRAINT loader_${label}_${key} IF NOT EXISTS FOR (n:${label}) REQUIRE n.${key} IS UNIQUE`);
  }
  if (!have.has('Entity.uid')) await executor.autoCommit('CREATE CONSTRAINT loader_Entity_uid IF NOT EXISTS FOR (n:Entity) REQUIRE n.uid IS UNIQUE');
}
