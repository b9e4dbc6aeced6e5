// The online writer sends a statement's rows packed in one string when every value has a text form, and as
// lists when one does not (writer/packed-rows.ts). The server must store from the string exactly what the
// lists would have given: every shipped mapping's node and relationship statements run here both ways on the
// same values, and what they write must come out alike, types included. Then a load, to see it packs.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Executor } from '../../../platform/db/executor.js';
import { loadGraphSchema, type PropDef } from '../../../platform/schema/graph-schema.js';
import { loadFiles } from '../../../loaders/index.js';
import { loadMappings } from '../../../loaders/core/mapping/registry.js';
import { queriesFor } from '../../../loaders/core/writer/batch.js';
import type { RowQuery } from '../../../loaders/core/writer/cypher.js';
import { packRows } from '../../../loaders/core/writer/packed-rows.js';
import { freshGraph } from '../../support/db.js';
import { id } from './fixtures.js';

const schema = loadGraphSchema();
const mappings = loadMappings({ schema });
const common = { source: 'test', file: 'test.csv', run: 'run-1' };

/** The i-th test value of a property type: awkward floats and integers, text with commas and quotes. */
function value(type: PropDef['type'] | undefined, i: number): string | number | boolean {
  switch (type) {
    case 'float':
      return [0.1 + 0.2, 1e21, -5e-7][i % 3]!;
    case 'integer':
      return [7, -3, 2 ** 40][i % 3]!;
    case 'boolean':
      return i % 2 === 0;
    case 'date':
      return ['2024-02-29', '1999-12-31', '2030-01-01'][i % 3]!;
    case 'datetime':
      return '2024-02-29T08:30:00+08:00';
    default:
      return ['王建国', 'a,b "c" \'d\'', '某村1号 3-2'][i % 3]!;
  }
}

/** Three rows for a statement: values of each property's type, the third row with every other value absent. */
function rowsOf(q: RowQuery, keys: (i: number) => [string, string], identity = 0) {
  return [0, 1, 2].map((i) => [
    ...keys(i),
    i + 1,
    ...q.types.map((t, p) => (i === 2 && p >= identity && p % 2 === 0 ? null : value(t, i + p))),
  ]);
}

/** Writes the rows both ways, as lists and packed, each under its own keys. */
async function bothWays(db: Executor, q: RowQuery, rows: (side: string) => unknown[][]) {
  await db.writeTx([{ cypher: q.cypher, params: { rows: rows('L'), ...common } }]);
  const packed = packRows(rows('P') as Parameters<typeof packRows>[0], q.types);
  expect(packed).toBeDefined();
  await db.writeTx([{ cypher: q.packed!, params: { packed, ...common } }]);
}

/** What a side wrote, by source row: labels, properties and their types, less the keys that differ by side. */
async function written(db: Executor, match: string, kind: 'labels(e)' | '[type(e)]', params: Record<string, unknown>, omit: string[] = []) {
  const { rows } = await db.read<{ row: number; labels: string[]; props: Record<string, unknown>; types: string[][] }>(
    `${match} RETURN e._row AS row, ${kind} AS labels, properties(e) AS props,
       [k IN keys(e) | [k, valueType(e[k])]] AS types ORDER BY row`,
    params,
  );
  return rows.map((r) => ({
    ...r,
    props: Object.fromEntries(Object.entries(r.props).filter(([k]) => !omit.includes(k))),
    types: r.types.filter(([k]) => !omit.includes(k!)).sort(),
  }));
}

let db: Executor;
beforeAll(async () => {
  db = await freshGraph();
});
afterAll(async () => {
  await db.close();
});

describe('rows packed in one string', () => {
  it('write what the same rows as lists write, for every node and relationship statement of every mapping', async () => {
    let nodes = 0;
    let rels = 0;
    for (const m of mappings) {
      const q = queriesFor(schema, m);
      for (const [j, n] of q.nodes.entries()) {
        if (!n?.packed) continue;
        const label = m.nodes[j]!.label;
        const key = schema.labels[label]!.key;
        const k = (side: string, i: number) => `${side}${m.id}.n${j}.${i}`;
        await bothWays(db, n, (side) => rowsOf(n, (i) => [k(side, i), `${label}:${k(side, i)}`]));
        const side = (s: string) =>
          written(db, `MATCH (e:${label}) WHERE e.${key} STARTS WITH $p`, 'labels(e)', { p: `${s}${m.id}.n${j}.` }, [key, 'uid']);
        expect(await side('P'), `${m.id}: ${label}`).toEqual(await side('L'));
        nodes++;
      }
      for (const [j, r] of q.rels.entries()) {
        if (!r.packed) continue;
        const spec = m.relationships[j]!;
        const [from, to] = [spec.from, spec.to].map((ref) => m.nodes.find((n) => n.ref === ref)!.label) as [string, string];
        const [fk, tk] = [schema.labels[from]!.key, schema.labels[to]!.key];
        const k = (side: string, end: string, i: number) => `${side}${m.id}.r${j}.${end}${i}`;
        for (const side of ['L', 'P'])
          await db.write(
            `UNWIND [0, 1, 2] AS i CREATE (:${from} {${fk}: $p + 'a' + i, _end: true}), (:${to} {${tk}: $p + 'b' + i, _end: true})`,
            { p: `${side}${m.id}.r${j}.` },
          );
        await bothWays(db, r, (side) => rowsOf(r, (i) => [k(side, 'a', i), k(side, 'b', i)], spec.identity.length));
        const side = (s: string) =>
          written(db, `MATCH (a:${from})-[e:${spec.type}]->(:${to}) WHERE a.${fk} STARTS WITH $p`, '[type(e)]', {
            p: `${s}${m.id}.r${j}.`,
          });
        expect(await side('P'), `${m.id}: ${spec.type}`).toEqual(await side('L'));
        rels++;
      }
    }
    // Every mapping has its node statements packed; relationships too, but spells (which nest) and lists.
    expect([nodes, rels]).toEqual([
      mappings.reduce((a, m) => a + m.nodes.filter((n) => !n.mustExist).length, 0),
      mappings.reduce((a, m) => a + m.relationships.filter((r) => !r.spell).length, 0),
    ]);
  });

  it('are what a load sends, and what it stores has the types of the graph schema', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'huiyan-packed-'));
    const people = Array.from({ length: 12 }, (_, n) => ({ idNo: id(`33012219800101${100 + n}`), name: `居民${n}` }));
    const csv = (rows: string[][]) => rows.map((r) => r.join(',')).join('\r\n') + '\r\n';
    writeFileSync(
      path.join(dir, '民生资金发放.csv'),
      iconv.encode(
        csv([
          ['项目代码', '项目名称', '身份证号', '姓名', '发放所属期', '发放日期', '发放金额'],
          ...people.map((p, n) => ['MZ-DB', '低保', p.idNo, p.name, '2024-01', `2024-01-${10 + n}`, (100.25 + n).toFixed(2)]),
        ]),
        'gb18030',
      ),
    );
    const forms: string[] = [];
    // The real executor, with a look at the form of each payment statement the writer sends.
    const watched = new Proxy(db, {
      get(target, name) {
        const v = Reflect.get(target, name) as unknown;
        if (typeof v !== 'function') return v;
        if (name !== 'writePipelined') return v.bind(target);
        return (statements: { cypher: string; params: Record<string, unknown> }[], ...rest: unknown[]) => {
          for (const s of statements) if (s.cypher.includes(':RECEIVED')) forms.push('packed' in s.params ? 'packed' : 'lists');
          return v.call(target, statements, ...rest);
        };
      },
    });
    await loadFiles(watched, [dir], { rejectsDir: path.join(dir, 'rejects'), batchSize: 5 });
    // Three batches, each with its payments.
    expect(forms).toEqual(['packed', 'packed', 'packed']);
    const { rows } = await db.read<{ k: string; amount: number; name: string; types: string[] }>(
      `MATCH (p:Person)-[r:RECEIVED]->(:Program {code: 'MZ-DB'})
       RETURN p.idNo AS k, p.name AS name, r.amount AS amount,
              [valueType(r.amount), valueType(r.payDate), valueType(r.periodFrom), valueType(r._row), valueType(p._row)] AS types`,
    );
    expect(rows.map((r) => [r.k, r.name, r.amount]).sort()).toEqual(people.map((p, n) => [p.idNo, p.name, 100.25 + n]).sort());
    for (const r of rows)
      expect(r.types).toEqual(['FLOAT NOT NULL', 'DATE NOT NULL', 'DATE NOT NULL', 'INTEGER NOT NULL', 'INTEGER NOT NULL']);
  });
});
