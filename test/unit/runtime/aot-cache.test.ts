// The JVM's ahead-of-time cache: recorded by the first server on a JDK and jar folder, used by the next.
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { aotPlan } from '../../../server/neo4j/aot-cache.js';
import type { Java } from '../../../server/neo4j/java.js';

const java25: Java = { bin: process.execPath, major: 25, version: '25.0.3' };
const OPTS = ['-XX:+UseParallelGC', '--enable-native-access=ALL-UNNAMED'];

function setup(): { dir: string; lib: string } {
  const base = mkdtempSync(path.join(tmpdir(), 'huiyan-aot-'));
  const lib = path.join(base, 'lib');
  mkdirSync(lib);
  writeFileSync(path.join(lib, 'neo4j-2026.08.1.jar'), 'jar');
  return { dir: path.join(base, 'aot'), lib };
}

/** What the JVM does at exit when recording: writes the file named in -XX:AOTCacheOutput. */
function jvmWrites(args: string[]): void {
  const out = args.find((a) => a.startsWith('-XX:AOTCacheOutput='))!.split('=')[1]!;
  writeFileSync(out, 'cache');
}

describe('the JVM start-up cache', () => {
  it('is recorded by the first start and used by the next', () => {
    const { dir, lib } = setup();
    const first = aotPlan(true, dir, java25, lib, OPTS);
    expect(first.recording).toBe(true);
    expect(first.args.filter((a) => a.startsWith('-XX:AOTCache'))).toHaveLength(1);
    jvmWrites(first.args);
    expect(first.finish()).toBe(true);

    const second = aotPlan(true, dir, java25, lib, ['-Xmx2g', ...OPTS]);
    expect(second.recording).toBe(false);
    const uses = second.args.filter((a) => a.startsWith('-XX:AOTCache='));
    expect(uses).toHaveLength(1);
    const file = uses[0]!.replace('-XX:AOTCache=', '');
    expect(existsSync(file)).toBe(true);
    expect(readdirSync(path.dirname(file))).toEqual([path.basename(file)]);
  });

  it('keeps nothing when the JVM was stopped before it wrote the cache', () => {
    const { dir, lib } = setup();
    expect(aotPlan(true, dir, java25, lib, OPTS).finish()).toBe(false);
    expect(aotPlan(true, dir, java25, lib, OPTS).recording).toBe(true);
  });

  it('records afresh for another jar folder and drops the old cache', () => {
    const { dir, lib } = setup();
    const first = aotPlan(true, dir, java25, lib, OPTS);
    jvmWrites(first.args);
    first.finish();
    writeFileSync(path.join(lib, 'neo4j-2026.09.0.jar'), 'newer jar');
    const next = aotPlan(true, dir, java25, lib, OPTS);
    expect(next.recording).toBe(true);
    jvmWrites(next.args);
    next.finish();
    expect(readdirSync(dir)).toHaveLength(1);
  });

  it('keeps a cache per option set, since a cache recorded under one collector does not fit another', () => {
    const { dir, lib } = setup();
    const parallel = aotPlan(true, dir, java25, lib, OPTS);
    jvmWrites(parallel.args);
    parallel.finish();
    const g1 = aotPlan(true, dir, java25, lib, ['-XX:+UseG1GC']);
    expect(g1.recording).toBe(true);
    jvmWrites(g1.args);
    g1.finish();
    expect(aotPlan(true, dir, java25, lib, OPTS).recording).toBe(false);
  });

  it('stays out of the way on Java before 25, when turned off, or when the operator names an AOT option', () => {
    const { dir, lib } = setup();
    expect(aotPlan(true, dir, { ...java25, major: 21 }, lib, OPTS).args).toEqual([]);
    expect(aotPlan(false, dir, java25, lib, OPTS).args).toEqual([]);
    expect(aotPlan(true, dir, java25, lib, [...OPTS, '-XX:AOTCache=/srv/mine.aot']).args).toEqual([]);
    expect(existsSync(dir)).toBe(false);
  });
});
