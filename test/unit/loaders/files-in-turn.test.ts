// Files in turn (load-files.ts): the next file is read while the one before writes its last batch, but it
// touches the database only once that one has finished, and not at all when it failed. The database is a
// scripted executor, as in batch-writer.test.ts (a real server does not fail commits on demand); when the next
// file started is its report's startedAt. The loaded graph's order on a real Neo4j is in
// test/int/loaders/batch-order.int.test.ts and load.int.test.ts.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import type { Executor } from '../../../platform/db/executor.js';
import { loadFiles } from '../../../loaders/core/load-files.js';
import { idCheckChar } from '../../../platform/identifiers/id-number.js';
import { orgCodeCheckChar, usccCheckChar } from '../../../platform/identifiers/uscc.js';

type Stmt = { cypher: string; params?: Record<string, unknown> };
const firstKey = (s: Stmt[]) => {
  const p = s[0]!.params!;
  return typeof p.packed === 'string' ? p.packed.split('\u001f')[0]! : ((p.rows as unknown[][])[0]![0] as string);
};
const noUpdates = { counters: { updates: () => ({ constraintsAdded: 0, indexesAdded: 0 }) } };

/**
 * Logs each batch's run and commit (40 ms), reference checks and LoadRun writes, and when each commit ended.
 * The commit of `slowKey` takes half a second: time enough for the next file to start, however busy the machine;
 * loading strictly file after file, it starts after that commit all the same. `failKey`'s commit fails.
 */
function scriptedExecutor(opts: { failKey?: string; slowKey?: string }) {
  const log: string[] = [];
  const committedAt = new Map<string, number>();
  const ex = {
    writePipelined(statements: Stmt[]) {
      const k = firstKey(statements);
      log.push(`run ${k}`);
      const executed = new Promise<void>((r) => setTimeout(r, 5));
      const committed = executed.then(async () => {
        await new Promise((r) => setTimeout(r, k === opts.slowKey ? 500 : 40));
        if (k === opts.failKey) {
          log.push(`fail ${k}`);
          throw new Neo4jError('disk full', 'Neo.DatabaseError.General.UnknownError', '50N42', 'error');
        }
        log.push(`commit ${k}`);
        committedAt.set(k, Date.now());
      });
      executed.catch(() => undefined);
      return committed;
    },
    async write(cypher: string, params?: { r?: { source: string } }) {
      if (cypher.includes('MERGE (r:LoadRun') && params?.r) log.push(`loadrun ${params.r.source}`);
      return { rows: [], summary: noUpdates };
    },
    async autoCommit() {
      return { rows: [{ n: 0 }], summary: noUpdates };
    },
    async read(cypher: string, params?: { keys?: string[] }) {
      if (params?.keys) {
        log.push(`check ${params.keys.join(' ')}`);
        return { rows: params.keys.map((k) => ({ k })), summary: {} };
      }
      return { rows: cypher.includes('MergedRecord') ? [{ any: false }] : [], summary: {} };
    },
  };
  return { ex: ex as unknown as Executor, log, committedAt };
}

const uscc = (i: number) => {
  const body8 = `5${String(10_000_000 + i).slice(1)}`;
  const body17 = `91330122${body8}${orgCodeCheckChar(body8)}`;
  return body17 + usccCheckChar(body17)!;
};
const person = (i: number) => {
  const body = `33012219800101${String(300 + i)}`;
  return body + idCheckChar(body);
};

/** A business registry of three companies (a batch each) and an officer file naming them. */
function county() {
  const dir = mkdtempSync(path.join(tmpdir(), 'huiyan-turn-'));
  const companies = [1, 2, 3].map(uscc);
  writeFileSync(
    path.join(dir, '企业登记.csv'),
    ['统一社会信用代码,企业名称,登记状态', ...companies.map((c, i) => `${c},某公司${i},存续`)].join('\n') + '\n',
  );
  writeFileSync(
    path.join(dir, '企业主要人员.csv'),
    ['统一社会信用代码,姓名,证件号码,职务', ...companies.map((c, i) => `${c},某${i},${person(i)},监事`)].join('\n') + '\n',
  );
  return { dir, companies };
}

describe('files loaded in turn', () => {
  it('reads the next file while the one before writes its last batch, and checks its references only after that one has finished', async () => {
    const { dir, companies } = county();
    const { ex, log, committedAt } = scriptedExecutor({ slowKey: companies[2]! });
    const report = await loadFiles(ex, [dir], { rejectsDir: dir, batchSize: 1 });
    expect(report.files.map((f) => [f.source, f.rowsLoaded])).toEqual([
      ['company', 3],
      ['officer', 3],
    ]);
    const at = (line: string) => {
      const i = log.indexOf(line);
      expect(i, line).toBeGreaterThanOrEqual(0);
      return i;
    };
    expect(Date.parse(report.files[1]!.startedAt)).toBeLessThan(committedAt.get(companies[2]!)!);
    // The officers' check must find the companies the file before wrote: only after its last commit and its LoadRun.
    const firstCheck = log.findIndex((l) => l.startsWith('check'));
    expect(firstCheck).toBeGreaterThan(at('loadrun company'));
    expect(at(`commit ${companies[2]!}`)).toBeLessThan(at('loadrun company'));
    expect(log.findIndex((l) => l === `run ${person(0)}`)).toBeGreaterThan(firstCheck);
    expect(at('loadrun officer')).toBeGreaterThan(at(`commit ${person(2)}`));
  });

  it('writes nothing of the next file when the one before fails, and fails with that file’s error', async () => {
    const { dir, companies } = county();
    const { ex, log } = scriptedExecutor({ failKey: companies[2]!, slowKey: companies[2]! });
    await expect(loadFiles(ex, [dir], { rejectsDir: dir, batchSize: 1 })).rejects.toThrow('disk full');
    // The officer file, started while the failing commit ran, was never checked or written.
    expect(log).toContain(`fail ${companies[2]!}`);
    expect(log.filter((l) => l.startsWith('check') || l.startsWith('loadrun') || l.startsWith(`run ${person(0)}`))).toEqual([]);
  });
});
