// The JVM start-up cache against a real JDK and a real Neo4j: the first server records it as it stops,
// the next maps it in. On a Java before 25 there is no cache and nothing may be left behind.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, type EmbeddedNeo4j } from '../../../server/config.js';
import { AOT_MIN_JAVA } from '../../../server/neo4j/aot-cache.js';
import { startEmbedded } from '../../../server/neo4j/embedded.js';
import { findJava } from '../../../server/neo4j/java.js';

function embedded(over: Record<string, string>): EmbeddedNeo4j {
  const cfg = loadConfig({ ...process.env, NEO4J_URI: '', ...over });
  if (cfg.neo4j.kind !== 'embedded') throw new Error('expected embedded config');
  return cfg.neo4j;
}

function cacheFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.aot')).map((f) => path.join(dir, f));
}

describe('the JVM start-up cache of the embedded Neo4j', () => {
  it('is recorded by the first server as it stops and mapped in by the next', async () => {
    const shared = embedded({});
    // A runtime folder of its own, so the cache starts empty, with the jars of the shared one.
    const runtime = mkdtempSync(path.join(os.tmpdir(), 'huiyan-aot-'));
    mkdirSync(path.join(shared.runtimeDir, 'lib'), { recursive: true });
    symlinkSync(path.join(shared.runtimeDir, 'lib'), path.join(runtime, 'lib'));
    const cfg = (home: string) =>
      embedded({ HUIYAN_NEO4J_RUNTIME: runtime, HUIYAN_NEO4J_HOME: path.join(runtime, home), HUIYAN_NEO4J_BOLT_PORT: '0', HUIYAN_NEO4J_HEAP: '512m', HUIYAN_NEO4J_PAGECACHE: '64m' });
    const aotDir = path.join(runtime, 'aot');
    const logs: string[] = [];

    const first = await startEmbedded(cfg('home-1'), (m) => logs.push(m));
    await first.stop();
    const java = findJava(shared.javaHome);
    if (java.major < AOT_MIN_JAVA) {
      expect(cacheFiles(aotDir)).toEqual([]);
      return;
    }
    expect(logs.join('\n')).toContain('Saved the JVM start-up cache');
    const [cache, ...more] = cacheFiles(aotDir);
    expect(more).toEqual([]);
    expect(readdirSync(path.dirname(cache!)).filter((f) => f.includes('.tmp'))).toEqual([]);

    const second = await startEmbedded(cfg('home-2'), () => {});
    try {
      // A cache the JVM refused would not be mapped: its maps are the proof it is in use.
      expect(readFileSync(`/proc/${second.pid}/maps`, 'utf8')).toContain(cache);
    } finally {
      await second.stop();
    }
  }, 180_000);
});
