// The online writer's ordering when a commit fails after the next batch has started. A real server does not
// fail commits on demand, so this drives the writer with a scripted executor; the overlap itself and its
// serial outcome run against a real Neo4j in test/int/loaders/batch-order.int.test.ts.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import type { Executor } from '../../../platform/db/executor.js';
import { loadGraphSchema } from '../../../platform/schema/graph-schema.js';
import { loadFile } from '../../../loaders/core/load-file.js';
import { loadMappings } from '../../../loaders/core/mapping/registry.js';
import { openSource } from '../../../loaders/core/readers/source-reader.js';
import { idCheckChar } from '../../../platform/identifiers/id-number.js';

type Stmt = { cypher: string; params?: Record<string, unknown> };
/** The key of a batch's first row, sent as lists or packed in one string (writer/packed-rows.ts). */
const firstKey = (s: Stmt[]) => {
  const p = s[0]!.params!;
  return typeof p.packed === 'string' ? p.packed.split('\u001f')[0]! : ((p.rows as unknown[][])[0]![0] as string);
};

/**
 * Records what ran in which order; the commit of the batch whose first key is `failKey` fails once
 * (transiently unless told otherwise), and the batch whose first key is `failRun` fails as it runs.
 */
function scriptedExecutor(failKey: string | undefined, transient = true, failRun?: string) {
  const log: string[] = [];
  let failed = false;
  const ex = {
    writePhased(statements: Stmt[]) {
      const k = firstKey(statements);
      log.push(`run ${k}`);
      const executed = new Promise<void>((resolve, reject) =>
        setTimeout(
          () =>
            k === failRun ? reject(new Neo4jError('bad statement', 'Neo.ClientError.Statement.SyntaxError', '42001', 'error')) : resolve(),
          5,
        ),
      );
      const committed = executed.then(async () => {
        // Slow commits, so the next batch has started before this one's outcome is known.
        await new Promise((r) => setTimeout(r, 30));
        if (k === failKey && !failed) {
          failed = true;
          log.push(`fail ${k}`);
          throw new Neo4jError(
            'lost',
            transient ? 'Neo.TransientError.General.DatabaseUnavailable' : 'Neo.DatabaseError.General.UnknownError',
            '50N42',
            'error',
          );
        }
        log.push(`commit ${k}`);
      });
      committed.catch(() => undefined);
      executed.catch(() => undefined);
      return { executed, committed };
    },
    async writeTx(statements: Stmt[]) {
      log.push(`redo ${firstKey(statements)}`);
      return [];
    },
    async write() {
      return { rows: [], summary: {} };
    },
    async read() {
      return { rows: [], summary: {} };
    },
  };
  return { ex: ex as unknown as Executor, log };
}

async function load(ex: Executor) {
  const schema = loadGraphSchema();
  const mapping = loadMappings({ schema }).find((m) => m.id === 'hukou')!;
  const dir = mkdtempSync(path.join(tmpdir(), 'huiyan-writer-'));
  const file = path.join(dir, '户籍人口.csv');
  const ids = Array.from({ length: 4 }, (_, i) => {
    const body = `33012219800101${String(100 + i)}`;
    return body + idCheckChar(body);
  });
  writeFileSync(file, ['公民身份号码,姓名,户号,与户主关系', ...ids.map((id, i) => `${id},某${i},H${i},02`)].join('\n') + '\n');
  const report = await loadFile(ex, file, mapping, await openSource(file, 'csv'), { schema, rejectsDir: dir, batchSize: 1 });
  return { ids, report };
}

describe('the online batch writer', () => {
  it('starts each batch once the one before has run, without waiting for its commit', async () => {
    const { ex, log } = scriptedExecutor(undefined);
    const { ids } = await load(ex);
    // The second batch runs before the first commits: that is the overlap.
    expect(log.indexOf(`run ${ids[1]}`)).toBeLessThan(log.indexOf(`commit ${ids[0]}`));
    expect(log.filter((l) => l.startsWith('commit'))).toEqual(ids.map((k) => `commit ${k}`));
  });

  it('applies a batch whose commit failed again, and every batch after it, in file order', async () => {
    const ids = await load(scriptedExecutor(undefined).ex).then((r) => r.ids);
    const { ex: ex2, log: log2 } = scriptedExecutor(ids[1]);
    const { report } = await load(ex2);
    expect(report.rowsLoaded).toBe(4);
    const redo = log2.filter((l) => l.startsWith('redo'));
    // The failed batch first, then the ones that had started on top of it, in order; none before it.
    expect(redo[0]).toBe(`redo ${ids[1]}`);
    expect(redo).toEqual(ids.slice(1, 1 + redo.length).map((k) => `redo ${k}`));
    expect(redo.length).toBeGreaterThanOrEqual(2);
    expect(log2.indexOf(`redo ${ids[1]}`)).toBeGreaterThan(log2.indexOf(`fail ${ids[1]}`));
  });

  it('runs a batch that leaves out repeated nodes only once the batch two back has committed', async () => {
    // One person in four batches with the same name and household: from the third batch on, the repeat
    // filter (writer/repeats.ts) leaves the Person and Household rows out, and MEMBER_OF's MATCH must find
    // them committed. Commits here take longer than runs, so without the wait the third batch would run first.
    const schema = loadGraphSchema();
    const mapping = loadMappings({ schema }).find((m) => m.id === 'hukou')!;
    const dir = mkdtempSync(path.join(tmpdir(), 'huiyan-writer-'));
    const file = path.join(dir, '户籍人口.csv');
    const body = '33012219800101123';
    const k = body + idCheckChar(body);
    writeFileSync(
      file,
      ['公民身份号码,姓名,户号,与户主关系', ...['20', '30', '40', '50'].map((rel) => `${k},某甲,H0,${rel}`)].join('\n') + '\n',
    );
    const { ex, log } = scriptedExecutor(undefined);
    const report = await loadFile(ex, file, mapping, await openSource(file, 'csv'), { schema, rejectsDir: dir, batchSize: 1 });
    expect(report.rowsLoaded).toBe(4);
    const runs = log.flatMap((l, i) => (l === `run ${k}` ? [i] : []));
    expect(runs).toHaveLength(4);
    expect(runs[2]).toBeGreaterThan(log.indexOf(`commit ${k}`));
    // The second batch still overlaps the first.
    expect(runs[1]).toBeLessThan(log.indexOf(`commit ${k}`));
  });

  it('stops the file on a commit failure that is not transient', async () => {
    const { ids } = await load(scriptedExecutor(undefined).ex);
    const { ex: bad } = scriptedExecutor(ids[2], false);
    await expect(load(bad)).rejects.toThrow('lost');
  });

  it('stops the file when a batch fails while the one before it is still committing', async () => {
    // The failure arrives before the earlier batch's outcome is taken; it must surface as the load's error.
    const { ids } = await load(scriptedExecutor(undefined).ex);
    await expect(load(scriptedExecutor(undefined, true, ids[1]).ex)).rejects.toThrow('bad statement');
  });
});
