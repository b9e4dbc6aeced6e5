// Files in turn (load-files.ts): the next file is read while the one before writes its last batch, but it
// touches the database only once that one has finished, and not at all when it failed. What "read" means
// here is a row through the normalisers, seen by a spy on transformRow; the database is a scripted executor,
// as in batch-writer.test.ts (a real server does not fail commits on demand). The loaded graph's order on a
// real Neo4j is in test/int/loaders/batch-order.int.test.ts and load.int.test.ts.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it, vi } from 'vitest';
import type { Executor } from '../../../platform/db/executor.js';
import { loadFiles } from '../../../loaders/core/load-files.js';
import { idCheckChar } from '../../../platform/identifiers/id-number.js';
import { orgCodeCheckChar, usccCheckChar } from '../../../platform/identifiers/uscc.js';

const { log } = vi.hoisted(() => ({ log: [] as string[] }));

vi.mock('../../../loaders/core/transform.js', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../../loaders/core/transform.js')>();
  return {
    ...m,
    transformRow: (...a: Parameters<typeof m.transformRow>) => {
      log.push(`read ${a[0].bound.mapping.id} ${a[1].row}`);
      return m.transformRow(...a);
    },
  };
});

type Stmt = { cypher: string; params?: Record<string, unknown> };
const firstKey = (s: Stmt[]) => {
  const p = s[0]!.params!;
  return typeof p.packed === 'string' ? p.packed.split('\u001f')[0]! : ((p.rows as unknown[][])[0]![0] as string);
};
const noUpdates = { counters: { updates: () => ({ constraintsAdded: 0, indexesAdded: 0 }) } };

/**
 * Logs each batch's run and commit (slow, 40 ms), reference checks and LoadRun writes; `failKey`'s commit fails.
 * The commit of `holdKey` waits (up to two seconds) for a row of the next file to be read, so that reading
 * ahead does not depend on how fast this machine is; loading strictly file after file, that row is read
 * after the commit all the same.
 */
function scriptedExecutor(failKey?: string, holdKey?: string) {
  const ex = {
    writePhased(statements: Stmt[]) {
      const k = firstKey(statements);
      log.push(`run ${k}`);
      const executed = new Promise<void>((r) => setTimeout(r, 5));
      const committed = executed.then(async () => {
        await new Promise((r) => setTimeout(r, 40));
        for (let waited = 0; k === holdKey && !log.includes('read officer 1') && waited < 2000; waited += 10)
          await new Promise((r) => setTimeout(r, 10));
        if (k === failKey) {
          log.push(`fail ${k}`);
          throw new Neo4jError('disk full', 'Neo.DatabaseError.General.UnknownError', '50N42', 'error');
        }
        log.push(`commit ${k}`);
      });
      committed.catch(() => undefined);
      executed.catch(() => undefined);
      return { executed, committed };
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
  return ex as unknown as Executor;
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
    log.length = 0;
    const { dir, companies } = county();
    const report = await loadFiles(scriptedExecutor(undefined, companies[2]), [dir], { rejectsDir: dir, batchSize: 1 });
    expect(report.files.map((f) => [f.source, f.rowsLoaded])).toEqual([
      ['company', 3],
      ['officer', 3],
    ]);
    const at = (line: string) => {
      const i = log.indexOf(line);
      expect(i, line).toBeGreaterThanOrEqual(0);
      return i;
    };
    const lastCommit = at(`commit ${companies[2]}`);
    expect(at('read officer 1')).toBeLessThan(lastCommit);
    // The officers' check must find the companies the file before wrote: only after its last commit and its LoadRun.
    const firstCheck = log.findIndex((l) => l.startsWith('check'));
    expect(firstCheck).toBeGreaterThan(at('loadrun company'));
    expect(log.findIndex((l) => l === `run ${person(0)}`)).toBeGreaterThan(firstCheck);
    expect(at('loadrun officer')).toBeGreaterThan(at(`commit ${person(2)}`));
  });

  it('writes nothing of the next file when the one before fails, and fails with that file’s error', async () => {
    log.length = 0;
    const { dir, companies } = county();
    await expect(loadFiles(scriptedExecutor(companies[2]), [dir], { rejectsDir: dir, batchSize: 1 })).rejects.toThrow('disk full');
    // The officer file was read ahead, but never checked or written.
    expect(log).toContain('read officer 1');
    expect(log.filter((l) => l.startsWith('check') || l.startsWith('loadrun') || l.startsWith(`run ${person(0)}`))).toEqual([]);
  });
});
