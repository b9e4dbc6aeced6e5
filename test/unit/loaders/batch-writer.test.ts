// The online writer's order: one batch in flight, the next prepared meanwhile, and what a failed commit does.
// A real server does not fail commits on demand, so this drives the writer with a scripted executor; the
// serial outcome runs against a real Neo4j in test/int/loaders/batch-order.int.test.ts.
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
import { orgCodeCheckChar, usccCheckChar } from '../../../platform/identifiers/uscc.js';
import iconv from 'iconv-lite';

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
    writePipelined(statements: Stmt[]) {
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
      executed.catch(() => undefined);
      return committed;
    },
    async write() {
      return { rows: [], summary: {} };
    },
    // A reference check (existingKeysQuery) finds every key it asks for, and says which it asked.
    async read(_cypher: string, params?: { keys?: string[] }) {
      if (params?.keys) {
        log.push(`check ${params.keys.join(' ')}`);
        return { rows: params.keys.map((k) => ({ k })), summary: {} };
      }
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

const uscc = (i: number) => {
  const body8 = `5${String(10_000_000 + i).slice(1)}`;
  const body17 = `91330122${body8}${orgCodeCheckChar(body8)}`;
  return body17 + usccCheckChar(body17)!;
};

/** A file of one mapping with a row per company, each its own batch: officers, or shareholders (gb18030). */
async function loadCompanies(ex: Executor, id: 'officer' | 'shareholder') {
  const schema = loadGraphSchema();
  const mapping = loadMappings({ schema }).find((m) => m.id === id)!;
  const dir = mkdtempSync(path.join(tmpdir(), 'huiyan-writer-'));
  const companies = [1, 2, 3].map(uscc);
  const person = (i: number) => {
    const body = `33012219800101${String(200 + i)}`;
    return body + idCheckChar(body);
  };
  const [name, lines] =
    id === 'officer'
      ? ['企业主要人员.csv', ['统一社会信用代码,姓名,证件号码,职务', ...companies.map((c, i) => `${c},某${i},${person(i)},监事`)]]
      : [
          '企业股东.csv',
          ['统一社会信用代码,股东名称,股东类型,股东证件号码', ...companies.map((c, i) => `${c},某${i},自然人,${person(i)}`)],
        ];
  const file = path.join(dir, name);
  writeFileSync(file, id === 'shareholder' ? iconv.encode(lines.join('\n') + '\n', 'gb18030') : lines.join('\n') + '\n');
  const report = await loadFile(ex, file, mapping, await openSource(file, 'csv'), { schema, rejectsDir: dir, batchSize: 1 });
  return { companies, persons: [0, 1, 2].map(person), report };
}

describe('the online batch writer', () => {
  it('runs one batch at a time: each once the one before has committed', async () => {
    const { ex, log } = scriptedExecutor(undefined);
    const { ids } = await load(ex);
    for (let i = 1; i < ids.length; i++) expect(log.indexOf(`run ${ids[i]}`)).toBeGreaterThan(log.indexOf(`commit ${ids[i - 1]}`));
    expect(log.filter((l) => l.startsWith('commit'))).toEqual(ids.map((k) => `commit ${k}`));
  });

  it('prepares the next batch (its reference check here) while the one before runs and commits', async () => {
    const { ex, log } = scriptedExecutor(undefined);
    const { companies, persons, report } = await loadCompanies(ex, 'officer');
    expect(report.rowsLoaded).toBe(3);
    expect(log.indexOf(`check ${companies[1]}`)).toBeLessThan(log.indexOf(`commit ${persons[0]}`));
    expect(log.indexOf(`run ${persons[1]}`)).toBeGreaterThan(log.indexOf(`commit ${persons[0]}`));
  });

  it('prepares the next batch only after the commit where its reference check must see what this one wrote', async () => {
    // 企业股东: a shareholder company can be another row's company, so a batch's check reads the batch before.
    const { ex, log } = scriptedExecutor(undefined);
    const { companies, report } = await loadCompanies(ex, 'shareholder');
    expect(report.rowsLoaded).toBe(3);
    const commits = log.flatMap((l, i) => (l.startsWith('commit') ? [i] : []));
    expect(log.findIndex((l) => l.startsWith(`check ${companies[1]}`))).toBeGreaterThan(commits[0]!);
    expect(log.findIndex((l) => l.startsWith(`check ${companies[2]}`))).toBeGreaterThan(commits[1]!);
  });

  it('writes a batch whose commit failed transiently again before the next one starts', async () => {
    const ids = await load(scriptedExecutor(undefined).ex).then((r) => r.ids);
    const { ex, log } = scriptedExecutor(ids[1]);
    const { report } = await load(ex);
    expect(report.rowsLoaded).toBe(4);
    expect(log.filter((l) => l.includes(ids[1]!))).toEqual([`run ${ids[1]}`, `fail ${ids[1]}`, `run ${ids[1]}`, `commit ${ids[1]}`]);
    expect(log.indexOf(`run ${ids[2]}`)).toBeGreaterThan(log.indexOf(`commit ${ids[1]}`));
    expect(log.filter((l) => l.startsWith('commit'))).toEqual(ids.map((k) => `commit ${k}`));
  });

  it('stops the file on a commit failure that is not transient, writing nothing after it', async () => {
    const { ids } = await load(scriptedExecutor(undefined).ex);
    const { ex: bad, log } = scriptedExecutor(ids[2], false);
    await expect(load(bad)).rejects.toThrow('lost');
    expect(log).not.toContain(`run ${ids[3]}`);
  });

  it('stops the file when a batch fails as it runs, writing nothing after it', async () => {
    const { ids } = await load(scriptedExecutor(undefined).ex);
    const { ex, log } = scriptedExecutor(undefined, true, ids[1]);
    await expect(load(ex)).rejects.toThrow('bad statement');
    expect(log.filter((l) => l.startsWith('run'))).toEqual([`run ${ids[0]}`, `run ${ids[1]}`]);
  });
});
