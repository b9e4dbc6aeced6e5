// Which JDK runs the embedded Neo4j: the machines huiyan targets have Java 17 as the default `java` and a
// newer JDK beside it, which the pinned Neo4j (Java 21+) needs.
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RuntimeError } from '../../../server/neo4j/errors.js';
import { findJava, pickJava, type Java } from '../../../server/neo4j/java.js';

const jdk = (major: number): Java => ({ bin: `/jdk${major}/bin/java`, major, version: `${major}.0.1` });

/** A folder of fake JDKs: each a release file and a bin/java that is never run (the release file answers). */
function jvmRoot(...majors: number[]): string {
  const root = mkdtempSync(path.join(tmpdir(), 'huiyan-jvm-'));
  for (const m of majors) {
    const home = path.join(root, `jdk-${m}`);
    mkdirSync(path.join(home, 'bin'), { recursive: true });
    writeFileSync(path.join(home, 'release'), `JAVA_VERSION="${m}.0.2"\n`);
    writeFileSync(path.join(home, 'bin', 'java'), '#!/bin/sh\nexit 1\n');
    chmodSync(path.join(home, 'bin', 'java'), 0o755);
  }
  return root;
}

describe('choosing the JDK for the embedded Neo4j', () => {
  it('takes the newest supported Java among several', () => {
    expect(pickJava([jdk(17), jdk(25), jdk(21)])?.major).toBe(25);
  });
  it('prefers a supported Java over a newer one Neo4j does not support yet', () => {
    expect(pickJava([jdk(26), jdk(21)])?.major).toBe(21);
    expect(pickJava([jdk(26), jdk(17)])?.major).toBe(26);
  });
  it('finds none when every Java is older than 21', () => {
    expect(pickJava([jdk(17), jdk(11)])).toBeUndefined();
  });
  it('looks past an old default java to the JDKs installed beside it', () => {
    const root = jvmRoot(17, 25);
    const j = findJava(undefined, [root]);
    expect(j.major).toBe(25);
    expect(j.bin).toBe(path.join(root, 'jdk-25', 'bin', 'java'));
  });
  it('refuses a JAVA_HOME that is too old instead of passing it over, naming the way out', () => {
    const root = jvmRoot(17, 25);
    try {
      findJava(path.join(root, 'jdk-17'), [root]);
      expect.unreachable('Java 17 was accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(RuntimeError);
      expect((e as RuntimeError).code).toBe('OLD_JAVA');
      expect((e as Error).message).toMatch(/Java 21 or newer.*JAVA_HOME.*Java 17.*NEO4J_URI/s);
    }
  });
  it('refuses a JAVA_HOME with no java in it', () => {
    expect(() => findJava('/nonexistent/jdk', [])).toThrow(/JAVA_HOME is \/nonexistent\/jdk/);
  });
});
