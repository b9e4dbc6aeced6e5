// Finds the JDK that runs the embedded server. The pinned Neo4j (neo4j/pom.xml) needs Java 21 and is
// supported on 21 and 25; the machines huiyan is built for have OpenJDK 17 as the default `java` and a newer
// JDK beside it under /usr/lib/jvm, so the PATH alone is not enough.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { RuntimeError, USE_EXTERNAL } from './errors.js';

/** The oldest Java the pinned Neo4j starts on. */
export const MIN_JAVA = 21;
/** The Java versions Neo4j supports the pinned release on; among several JDKs the newest of these wins. */
export const SUPPORTED_JAVA = [21, 25];
/** Where Debian (and the Temurin packages) install JDKs. */
export const JVM_ROOTS = ['/usr/lib/jvm'];

export interface Java {
  bin: string;
  major: number;
  /** The full version (`25.0.1`), part of the key of the JVM's ahead-of-time cache. */
  version: string;
}

export function parseJavaMajor(versionOutput: string): number | undefined {
  return parseJavaVersion(versionOutput)?.major;
}

/** From `java -version` (`openjdk version "25.0.1" 2025-10-21`, legacy `java version "1.8.0_392"`) or a JDK's `release` file (`JAVA_VERSION="25.0.1"`). */
export function parseJavaVersion(text: string): { major: number; version: string } | undefined {
  const m = /(?:version|JAVA_VERSION=)\s*"((\d+)(?:\.(\d+))?[^"]*)"/.exec(text);
  if (!m) return undefined;
  const first = Number(m[2]);
  return { major: first === 1 && m[3] ? Number(m[3]) : first, version: m[1]! };
}

/** The JDK to use among those found: the newest supported one, else the newest new enough, else none. */
export function pickJava(found: Java[]): Java | undefined {
  const usable = found.filter((j) => j.major >= MIN_JAVA).sort((a, b) => b.major - a.major);
  return usable.find((j) => SUPPORTED_JAVA.includes(j.major)) ?? usable[0];
}

function probe(bin: string): Java | undefined {
  // A JDK folder names its version in `release`; reading it spares a JVM start per candidate.
  const release = path.join(path.dirname(path.dirname(bin)), 'release');
  if (existsSync(release)) {
    const v = parseJavaVersion(readFileSync(release, 'utf8'));
    if (v) return { bin, ...v };
  }
  const r = spawnSync(bin, ['-version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return undefined;
  const v = parseJavaVersion(`${r.stderr}${r.stdout}`);
  return v && { bin, ...v };
}

function onPath(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const bin = path.join(dir, 'java');
    if (dir && existsSync(bin)) return bin;
  }
  return undefined;
}

function installed(roots: string[]): string[] {
  const bins: string[] = [];
  for (const root of roots) {
    if (!existsSync(root)) continue;
    for (const name of readdirSync(root).sort()) {
      const bin = path.join(root, name, 'bin', 'java');
      if (existsSync(bin)) bins.push(bin);
    }
  }
  return bins;
}

/**
 * $JAVA_HOME when it is set: the operator chose, and a JDK too old there is refused rather than passed over.
 * Otherwise `java` on the PATH and every JDK under /usr/lib/jvm, and the newest supported one of them.
 */
export function findJava(javaHome: string | undefined, roots: string[] = JVM_ROOTS): Java {
  if (javaHome) {
    const bin = path.join(javaHome, 'bin', 'java');
    const j = existsSync(bin) ? probe(bin) : undefined;
    if (!j) throw new RuntimeError('NO_JAVA', `JAVA_HOME is ${javaHome}, but ${bin} does not run. Point JAVA_HOME at a JDK ${MIN_JAVA} or newer, ${USE_EXTERNAL}.`);
    if (j.major < MIN_JAVA) throw new RuntimeError('OLD_JAVA', `The embedded Neo4j needs Java ${MIN_JAVA} or newer; JAVA_HOME (${javaHome}) is Java ${j.major}. Point it at a JDK ${SUPPORTED_JAVA.join(' or ')}, or unset it to let huiyan look under ${roots.join(', ')}, ${USE_EXTERNAL}.`);
    return j;
  }
  const seen = new Set<string>();
  const found: Java[] = [];
  for (const bin of [onPath(), ...installed(roots)]) {
    if (!bin) continue;
    const real = realpathSync(bin);
    if (seen.has(real)) continue;
    seen.add(real);
    const j = probe(real);
    if (j) found.push(j);
  }
  const j = pickJava(found);
  if (j) return j;
  const have = found.length ? `only Java ${[...new Set(found.map((f) => f.major))].join(', ')} was found` : 'no Java was found';
  throw new RuntimeError(found.length ? 'OLD_JAVA' : 'NO_JAVA', `The embedded Neo4j needs Java ${MIN_JAVA} or newer, and ${have} (on the PATH and under ${roots.join(', ')}). Install a JDK ${SUPPORTED_JAVA.join(' or ')} (Temurin, or Debian's openjdk-21/25 packages where the release has them) and set JAVA_HOME to it, ${USE_EXTERNAL}.`);
}
