// Neo4j's own LOAD CSV on the same data, for comparison: each batch's rows as the online writer groups them
// (after the same normalisation, rejects and reference checks, one row per node and batch) are written as
// plain UTF-8 CSV into the server's import folder, one file per source file and node or relationship spec,
// and loaded with MERGE statements of the same shape as writer/cypher.ts, in CALL { } IN TRANSACTIONS batches
// of the same size. Spells go through the loader's own statement (spellMergeQuery), which merges them with the
// spells stored before, one CSV row per pair and batch. Only the loading is timed. A LOAD CSV transaction
// knows nothing of the ones before it, so the node rows the online writer leaves out as repeats of earlier
// batches (writer/repeats.ts) stay in. The graph comes out the same but for those nodes' provenance (the row
// that last wrote them).
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { Executor } from '../../platform/db/executor.js';
import { IDENT, type GraphSchema, type PropDef } from '../../platform/schema/graph-schema.js';
import type { Mapping, NodeSpec, RelSpec } from '../../loaders/core/mapping/types.js';
import type { Value } from '../../loaders/core/normalise/index.js';
import type { Grouped, RelRow } from '../../loaders/core/writer/group.js';
import { fromText, spellMergeQuery } from '../../loaders/core/writer/cypher.js';
import { RS, US } from '../../loaders/core/writer/packed-rows.js';
import { DEFAULT_BATCH } from '../../loaders/core/file-pass.js';

const ident = (s: string) => {
  if (!IDENT.test(s)) throw new Error(`unsafe identifier ${s}`);
  return s;
};

/**
 * CSV text is always a string in Cypher (an empty unquoted field is null); converted to the property's type as
 * the loader's packed rows are, so both store the same types. A list property has no text form and stays text.
 */
const typed = (expr: string, def: PropDef | undefined): string => fromText(expr, def) ?? expr;

const field = (v: Value | null | undefined) => (v === null || v === undefined ? '' : `"${String(v).replace(/"/g, '""')}"`);

export interface LoadCsvJob {
  url: string;
  /** The source (mapping id) the rows came from, for the per-source times. */
  source: string;
  cypher: string;
  params: Record<string, unknown>;
  rows: number;
}

function nodeProps(schema: GraphSchema, spec: NodeSpec): string[] {
  const l = schema.labels[spec.label]!;
  return [...Object.keys(spec.props), ...(l.properties[`${l.key}Masked`] && l.properties[l.key]!.sensitive ? [`${l.key}Masked`] : [])];
}

function nodeQuery(schema: GraphSchema, spec: NodeSpec, batch: number): string {
  const l = schema.labels[spec.label]!;
  const sets = nodeProps(schema, spec).map((p) => {
    const v = typed(`row.p_${ident(p)}`, l.properties[p]);
    return spec.mode === 'fill' ? `n.${p} = coalesce(n.${p}, ${v})` : `n.${p} = coalesce(${v}, n.${p})`;
  });
  return [
    'LOAD CSV WITH HEADERS FROM $url AS row',
    'CALL (row) {',
    `  MERGE (n:${ident(spec.label)} {${ident(l.key)}: row.key})`,
    `  SET n:Entity, n.uid = row.uid${sets.map((s) => `, ${s}`).join('')},`,
    '    n._source = $source, n._file = $file, n._row = toInteger(row.row), n._run = $run,',
    '    n._sources = CASE WHEN $source IN coalesce(n._sources, []) THEN n._sources ELSE coalesce(n._sources, []) + $source END',
    `} IN TRANSACTIONS OF ${batch} ROWS`,
  ].join('\n');
}

function relQuery(schema: GraphSchema, spec: RelSpec, fromLabel: string, toLabel: string, batch: number): string {
  const r = schema.relationships[spec.type]!;
  const idPat = spec.identity.map((p) => `${ident(p)}: ${typed(`row.i_${p}`, r.properties[p])}`).join(', ');
  const sets = Object.keys(spec.props)
    .filter((p) => !spec.identity.includes(p))
    .map((p) => `r.${ident(p)} = coalesce(${typed(`row.p_${p}`, r.properties[p])}, r.${p})`);
  return [
    'LOAD CSV WITH HEADERS FROM $url AS row',
    'CALL (row) {',
    `  MATCH (a:${ident(fromLabel)} {${ident(schema.labels[fromLabel]!.key)}: row.from})`,
    `  MATCH (b:${ident(toLabel)} {${ident(schema.labels[toLabel]!.key)}: row.to})`,
    `  MERGE (a)-[r:${ident(spec.type)}${idPat ? ` {${idPat}}` : ''}]->(b)`,
    `  SET ${[...sets, 'r._source = $source', 'r._file = $file', 'r._row = toInteger(row.row)', 'r._run = $run'].join(', ')}`,
    `} IN TRANSACTIONS OF ${batch} ROWS`,
  ].join('\n');
}

/**
 * Spells through the loader's statement (writer/cypher.ts spellMergeQuery), which reads the pair's stored spells
 * and merges: its rows are [from key, to key, source row, spells], here rebuilt from one CSV row per pair whose
 * spells field holds the spells joined by RS, their fields by US, '' for none ([from, to, source row, ...values
 * in the statement's property order]), each value converted as the loader converts text.
 */
function spellQuery(schema: GraphSchema, spec: RelSpec, fromLabel: string, toLabel: string, batch: number) {
  const q = spellMergeQuery(schema, spec, fromLabel, toLabel);
  const [first, ...body] = q.cypher.split('\n');
  if (first !== 'UNWIND $rows AS row') throw new Error(`spellMergeQuery no longer starts with its rows: ${first}`);
  const r = schema.relationships[spec.type]!;
  const values = q.props.map((p, i) => {
    const v = fromText(`s[${i + 3}]`, r.properties[p]);
    if (v === undefined) throw new Error(`spell property ${spec.type}.${p} has no text form`);
    return v;
  });
  const cypher = [
    'LOAD CSV WITH HEADERS FROM $url AS csv',
    'CALL (csv) {',
    `  WITH [csv.from, csv.to, toInteger(csv.row), [line IN split(csv.spells, '\\u001e') | split(line, '\\u001f')]] AS raw`,
    `  WITH [raw[0], raw[1], raw[2], [s IN raw[3] | [nullIf(s[0], ''), nullIf(s[1], ''), toInteger(s[2]), ${values.join(', ')}]]] AS row`,
    ...body.map((l) => `  ${l}`),
    `} IN TRANSACTIONS OF ${batch} ROWS`,
  ].join('\n');
  const line = (row: RelRow) =>
    [
      field(row.from),
      field(row.to),
      String(row.row),
      field(row.spells!.map((s) => [s.from, s.to ?? '', String(s.row), ...q.props.map((p) => String(s.p[p] ?? ''))].join(US)).join(RS)),
    ].join(',') + '\n';
  return { cypher, line };
}

class Out {
  fd: number;
  rows = 0;
  constructor(
    readonly file: string,
    header: string[],
  ) {
    this.fd = openSync(file, 'w');
    writeSync(this.fd, header.join(',') + '\n');
  }
  write(lines: string[]) {
    if (lines.length) writeSync(this.fd, lines.join(''));
    this.rows += lines.length;
  }
}

/** Collects the batches of a collectFiles pass into CSV files under <importDir>/bench and the jobs to load them. */
export class LoadCsvWriter {
  #jobs: LoadCsvJob[] = [];
  #files = new Map<string, Out>();
  constructor(
    readonly schema: GraphSchema,
    readonly importDir: string,
    /** The online writer's batch size: one LOAD CSV transaction per batch, as the rows were grouped. */
    readonly batchSize: number = DEFAULT_BATCH,
  ) {
    mkdirSync(path.join(importDir, 'bench'), { recursive: true });
  }

  onBatch = (mapping: Mapping, file: string, run: string, g: Grouped): void => {
    const params = { source: mapping.id, file, run };
    mapping.nodes.forEach((spec, i) => {
      const rows = g.nodes[i];
      if (!rows?.length) return;
      const props = nodeProps(this.schema, spec);
      const out = this.#out(
        `${run}-n${i}`,
        ['key', 'uid', 'row', ...props.map((p) => `p_${p}`)],
        nodeQuery(this.schema, spec, this.batchSize),
        params,
      );
      out.write(rows.map((r) => [field(r.key), field(r.uid), String(r.row), ...props.map((p) => field(r.p[p]))].join(',') + '\n'));
    });
    mapping.relationships.forEach((spec, i) => {
      const rows = g.rels[i]!;
      if (!rows.length) return;
      const label = (ref: string) => mapping.nodes.find((n) => n.ref === ref)!.label;
      if (spec.spell) {
        const q = spellQuery(this.schema, spec, label(spec.from), label(spec.to), this.batchSize);
        this.#out(`${run}-r${i}`, ['from', 'to', 'row', 'spells'], q.cypher, params).write(rows.map(q.line));
        return;
      }
      const props = Object.keys(spec.props).filter((p) => !spec.identity.includes(p));
      const out = this.#out(
        `${run}-r${i}`,
        ['from', 'to', 'row', ...spec.identity.map((p) => `i_${p}`), ...props.map((p) => `p_${p}`)],
        relQuery(this.schema, spec, label(spec.from), label(spec.to), this.batchSize),
        params,
      );
      out.write(
        rows.map(
          (r) =>
            [
              field(r.from),
              field(r.to),
              String(r.row),
              ...spec.identity.map((p) => field(r.id[p])),
              ...props.map((p) => field(r.p[p])),
            ].join(',') + '\n',
        ),
      );
    });
  };

  #out(name: string, header: string[], cypher: string, params: Record<string, unknown>): Out {
    let o = this.#files.get(name);
    if (!o) {
      o = new Out(path.join(this.importDir, 'bench', `${name}.csv`), header);
      this.#files.set(name, o);
      // Job order = first appearance: a file's node specs come before its relationship specs (per batch,
      // nodes are grouped first), and files come in load order.
      this.#jobs.push({ url: `file:///bench/${name}.csv`, source: String(params.source), cypher, params, rows: 0 });
    }
    return o;
  }

  close(): LoadCsvJob[] {
    for (const [name, o] of this.#files) {
      closeSync(o.fd);
      this.#jobs.find((j) => j.url.endsWith(`/${name}.csv`))!.rows = o.rows;
    }
    // Within one source file: all node jobs before relationship jobs, as the writer sends them per batch.
    return this.#jobs;
  }
}

/** Runs the jobs; returns milliseconds per source (file), to set beside the online loader's per-file times. */
export async function runLoadCsv(executor: Executor, jobs: LoadCsvJob[]): Promise<{ source: string; ms: number }[]> {
  // Node jobs of a run before its relationship jobs; runs (files) keep their load order.
  const runs = [...new Set(jobs.map((j) => j.url.replace(/-[nr]\d+\.csv$/, '')))];
  const times: { source: string; ms: number }[] = [];
  for (const run of runs) {
    const mine = jobs.filter((j) => j.url.startsWith(`${run}-`));
    const t = Date.now();
    for (const j of [...mine.filter((x) => /-n\d+\.csv$/.test(x.url)), ...mine.filter((x) => /-r\d+\.csv$/.test(x.url))]) {
      await executor.autoCommit(j.cypher, { url: j.url, ...j.params });
    }
    times.push({ source: mine[0]!.source, ms: Date.now() - t });
  }
  return times;
}
