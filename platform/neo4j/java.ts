// Finds a JDK 17+ to run the embedded server: $JAVA_HOME first, then `java` on the PATH.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { RuntimeError, USE_EXTERNAL } from './errors.js';

export interface Java {
  bin: string;
  major: number;
}

export function parseJavaMajor(versionOutput: string): number | undefined {
  // `openjdk version "17.0.15" 2025-04-15` or legacy `java version "1.8.0_392"`
  const m = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!m) return undefined;
  const first = Number(m[1]);
  return first === 1 && m[2] ? Number(m[2]) : first;
}

export function findJava(javaHome: string | undefined): Java {
  const bin = javaHome ? path.join(javaHome, 'bin', 'java') : 'java';
  const r = spawnSync(bin, ['-version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    throw new RuntimeError(
      'NO_JAVA',
      `No Java found (${bin}). Install a JDK 17 or newer (Debian: apt-get install openjdk-17-jre-headless), ${USE_EXTERNAL}.`,
    );
  }
  const major = parseJavaMajor(`${r.stderr}${r.stdout}`);
  if (major === undefined || major < 17) {
    throw new RuntimeError(
      'OLD_JAVA',
      `Neo4j 5.26 needs Java 17 or newer; ${bin} is Java ${major ?? '?'}. Install JDK 17+ and set JAVA_HOME, ${USE_EXTERNAL}.`,
    );
  }
  return { bin, major };
}
