import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, loadTestConfig } from '../../../platform/config.js';
import { jvmOptions, newPassword } from '../../../platform/neo4j/embedded.js';
import { parseJavaMajor } from '../../../platform/neo4j/java.js';
import { supportedVersion } from '../../../platform/neo4j/runtime.js';

describe('Java version detection', () => {
  it('reads the major version of a modern JDK', () => {
    expect(parseJavaMajor('openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment')).toBe(17);
    expect(parseJavaMajor('openjdk version "25" 2025-09-16')).toBe(25);
  });
  it('reads Java 8 from its legacy 1.x form, so it is refused as too old', () => {
    expect(parseJavaMajor('java version "1.8.0_392"')).toBe(8);
  });
});

describe('server version check', () => {
  it('accepts 5.26 and calendar-versioned servers', () => {
    expect(supportedVersion('5.26.31')).toBe(true);
    expect(supportedVersion('2025.10.1')).toBe(true);
  });
  it('refuses servers older than 5.26', () => {
    expect(supportedVersion('5.25.1')).toBe(false);
    expect(supportedVersion('4.4.44')).toBe(false);
    expect(supportedVersion('garbage')).toBe(false);
  });
});

describe('configuration', () => {
  it('uses the embedded server when NEO4J_URI is unset, with explicit memory settings', () => {
    const cfg = loadConfig({});
    expect(cfg.neo4j.kind).toBe('embedded');
    if (cfg.neo4j.kind === 'embedded') {
      expect(cfg.neo4j.heap).toBe('1g');
      expect(cfg.neo4j.pageCache).toBe('512m');
      expect(cfg.neo4j.boltPort).toBe(7687);
      expect(cfg.neo4j.txMemory).toBe('256m');
    }
  });
  it('caps a transaction at a quarter of the heap unless told, never under 256m', () => {
    const txMemory = (env: Record<string, string>) => {
      const cfg = loadConfig({ ...env, NEO4J_URI: '' });
      return cfg.neo4j.kind === 'embedded' ? cfg.neo4j.txMemory : undefined;
    };
    expect(txMemory({ HUIYAN_NEO4J_HEAP: '3g' })).toBe('768m');
    expect(txMemory({ HUIYAN_NEO4J_HEAP: '4096m' })).toBe('1024m');
    expect(txMemory({ HUIYAN_NEO4J_HEAP: '512m' })).toBe('256m');
    expect(txMemory({ HUIYAN_NEO4J_HEAP: '3g', HUIYAN_NEO4J_TX_MEMORY: '300m' })).toBe('300m');
    expect(txMemory({ HUIYAN_NEO4J_HEAP: '3g', HUIYAN_NEO4J_TX_MEMORY: '0' })).toBe('0');
  });
  it('uses an external server when NEO4J_URI is set, with a routing URI kept as given', () => {
    const cfg = loadConfig({ NEO4J_URI: 'neo4j://db.example:7687', NEO4J_USER: 'u', NEO4J_PASSWORD: 'p', NEO4J_DATABASE: 'cases' });
    expect(cfg.neo4j).toEqual({ kind: 'external', uri: 'neo4j://db.example:7687', user: 'u', password: 'p', database: 'cases' });
  });
  it('refuses NEO4J_URI without a password', () => {
    expect(() => loadConfig({ NEO4J_URI: 'bolt://x:7687' })).toThrow(ConfigError);
  });
  it('refuses a heap size it cannot pass to the JVM', () => {
    expect(() => loadConfig({ HUIYAN_NEO4J_HEAP: 'lots' })).toThrow(/HUIYAN_NEO4J_HEAP/);
  });
  it('never points the tests at NEO4J_URI, whose data they would wipe', () => {
    const cfg = loadTestConfig('integration', { NEO4J_URI: 'bolt://prod:7687', NEO4J_PASSWORD: 'secret' });
    expect(cfg.neo4j.kind).toBe('embedded');
  });
});

describe('JVM options of the embedded server', () => {
  const opts = (env: Record<string, string>) => {
    const cfg = loadConfig({ ...env, NEO4J_URI: '' });
    if (cfg.neo4j.kind !== 'embedded') throw new Error('expected the embedded server');
    return jvmOptions(cfg.neo4j);
  };

  it('use the parallel collector unless the operator names a collector', () => {
    expect(opts({}).filter((o) => /GC$/.test(o) && o.startsWith('-XX:+Use'))).toEqual(['-XX:+UseParallelGC']);
    const own = opts({ HUIYAN_NEO4J_JVM_OPTS: ' -XX:+UseG1GC  -XX:MaxGCPauseMillis=200 ' });
    expect(own.filter((o) => o.startsWith('-XX:+Use') && o.endsWith('GC'))).toEqual(['-XX:+UseG1GC']);
    expect(own.at(-1)).toBe('-XX:MaxGCPauseMillis=200');
  });
});

describe('the initial password', () => {
  it('never looks like an option to the admin tool', () => {
    // base64url passwords started with '-' one time in 64 and failed the first start.
    for (let i = 0; i < 2000; i++) expect(newPassword()).toMatch(/^[0-9a-f]{48}$/);
  });
});
