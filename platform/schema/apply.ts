// Turns the schema data into constraints and indexes. Every statement is IF NOT EXISTS, so applying twice
// changes nothing; the full-text index is rebuilt only when the labels or properties it should cover change.
import type { Executor } from '../db/executor.js';
import { IDENT, endsByDate, type GraphSchema } from './graph-schema.js';

export interface SchemaStatement {
  name: string;
  cypher: string;
}

/** Bookkeeping nodes that are not entities but are looked up by id. */
const BOOKKEEPING: [label: string, prop: string][] = [
  ['LoadRun', 'id'],
  ['ModelRun', 'id'],
  ['AlertEvent', 'id'],
];

const ident = (s: string) => {
  if (!IDENT.test(s)) throw new Error(`not a safe identifier: ${s}`);
  return s;
};

export function fulltextTarget(schema: GraphSchema): { labels: string[]; properties: string[] } {
  const labels = Object.values(schema.labels).filter((l) => l.search.length > 0);
  const properties = [...new Set(labels.flatMap((l) => l.search))].sort();
  return { labels: labels.map((l) => l.name).sort(), properties };
}

/**
 * In the order they run. Over data already there (the bulk path), a constraint is built before its CREATE
 * returns, while a plain or full-text index is populated in the background: the indexes come first, so that
 * they build while the constraints do (2.8-3.5 s against 4.2-4.5 s over 100,000 persons; docs/bench.md).
 */
export function schemaStatements(schema: GraphSchema): SchemaStatement[] {
  const out: SchemaStatement[] = [];
  for (const ix of schema.indexes) {
    const name = `${ix.label.toLowerCase()}_${ix.properties.join('_').toLowerCase()}`;
    const props = ix.properties.map((p) => `n.${ident(p)}`).join(', ');
    out.push({ name, cypher: `CREATE INDEX ${ident(name)} IF NOT EXISTS FOR (n:${ident(ix.label)}) ON (${props})` });
  }
  // A snapshot delivery ends relationships by setting `to` and `_endedOn` (loaders/core/snapshot.ts), and after
  // every file the loader looks for ended ones the file names again. Only ended relationships hold `_endedOn`,
  // so this index holds next to nothing and spares that look a scan of every relationship of the type, which
  // grows with the graph and was paid once per file (docs/bench.md, "Ended relationships found by an index").
  for (const [type, r] of Object.entries(schema.relationships)) {
    if (!endsByDate(r)) continue;
    const name = `rel_${type.toLowerCase()}_endedon`;
    out.push({ name, cypher: `CREATE INDEX ${ident(name)} IF NOT EXISTS FOR ()-[r:${ident(type)}]-() ON (r._endedOn)` });
  }
  const ft = fulltextTarget(schema);
  out.push({
    name: schema.fulltext.name,
    cypher:
      `CREATE FULLTEXT INDEX ${ident(schema.fulltext.name)} IF NOT EXISTS FOR (n:${ft.labels.map(ident).join('|')}) ` +
      `ON EACH [${ft.properties.map((p) => `n.${ident(p)}`).join(', ')}] OPTIONS {indexConfig: {\`fulltext.analyzer\`: $analyzer}}`,
  });
  out.push({ name: 'entity_uid', cypher: 'CREATE CONSTRAINT entity_uid IF NOT EXISTS FOR (n:Entity) REQUIRE n.uid IS UNIQUE' });
  for (const l of Object.values(schema.labels)) {
    const name = `${l.name.toLowerCase()}_${l.key.toLowerCase()}_key`;
    out.push({
      name,
      cypher: `CREATE CONSTRAINT ${ident(name)} IF NOT EXISTS FOR (n:${ident(l.name)}) REQUIRE n.${ident(l.key)} IS UNIQUE`,
    });
  }
  for (const [label, prop] of BOOKKEEPING) {
    const name = `${label.toLowerCase()}_${prop}_key`;
    out.push({ name, cypher: `CREATE CONSTRAINT ${name} IF NOT EXISTS FOR (n:${label}) REQUIRE n.${prop} IS UNIQUE` });
  }
  return out;
}

export interface ApplyResult {
  /** Constraints and indexes created by this call (0 when the database already had them all). */
  created: number;
  recreatedFulltext: boolean;
}

export async function applySchema(db: Executor, schema: GraphSchema): Promise<ApplyResult> {
  const recreatedFulltext = await dropStaleFulltext(db, schema);
  let created = 0;
  for (const s of schemaStatements(schema)) {
    const { summary } = await db.write(s.cypher, { analyzer: schema.fulltext.analyzer });
    const u = summary.counters.updates();
    created += u.constraintsAdded + u.indexesAdded;
  }
  // Loaders MERGE on these right after: wait until the indexes are online, not merely created.
  await db.write('CALL db.awaitIndexes(300)');
  return { created, recreatedFulltext };
}

async function dropStaleFulltext(db: Executor, schema: GraphSchema): Promise<boolean> {
  const want = fulltextTarget(schema);
  const { rows } = await db.read<{ labels: string[]; props: string[]; analyzer: string | null }>(
    `SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties, options WHERE name = $name
     RETURN labelsOrTypes AS labels, properties AS props, options.indexConfig['fulltext.analyzer'] AS analyzer`,
    { name: schema.fulltext.name },
  );
  const have = rows[0];
  if (!have) return false;
  const same =
    [...have.labels].sort().join() === want.labels.join() &&
    [...have.props].sort().join() === want.properties.join() &&
    have.analyzer === schema.fulltext.analyzer;
  if (same) return false;
  await db.write(`DROP INDEX ${ident(schema.fulltext.name)} IF EXISTS`);
  return true;
}
