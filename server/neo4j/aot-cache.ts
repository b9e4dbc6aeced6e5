// The JVM's ahead-of-time cache for the embedded server (Java 25: JEP 483, 514, 515). One run records which
// classes Neo4j loads and links and how its hot methods behave; later runs map that in at start-up, so the
// server starts in about half the time and the JIT compiles the loaders' hot paths sooner. Measured on the
// 2-core machine: start 8 s -> 4.5 s; a 20,000-person online load 57-58 s -> 44-50 s (docs/bench.md).
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Java } from './java.js';

/** Java 25 records a cache in one step (-XX:AOTCacheOutput); Java 24 would need a separate create run. */
export const AOT_MIN_JAVA = 25;

export interface AotPlan {
  /** JVM options for this start. */
  args: string[];
  /** Recording: the cache is written when the JVM exits, which takes a while. */
  recording: boolean;
  /** After the JVM has exited: moves a recorded cache into place. Returns true when one was kept. */
  finish(): boolean;
}

/**
 * Recording logs a thousand warnings about classes it leaves out (those of signed jars, for one) into the
 * server's console log; only errors are worth a line there.
 */
const QUIET = '-Xlog:aot*=error';

const NONE: AotPlan = { args: [], recording: false, finish: () => false };

/**
 * The cache fits one JVM build, one class path and one set of JVM options (the collector above all), so
 * all three are in its path: `<dir>/<JDK and jars>/<options>.aot`. A changed jar folder or JDK records a new
 * cache instead of having the JVM refuse the old one at every start; other option sets keep their own.
 */
export function aotCacheFile(dir: string, java: Java, libDir: string, options: string[]): string {
  const runtime = createHash('sha256');
  runtime.update(`${java.bin}\0${java.version}\0${statSync(java.bin).mtimeMs}\0`);
  for (const jar of readdirSync(libDir).sort()) runtime.update(`${jar}:${statSync(path.join(libDir, jar)).size}\0`);
  // Heap sizes do not change what the cache holds; everything else might.
  const opts = createHash('sha256').update(options.filter((o) => !/^-Xm[sx]/.test(o)).join('\0'));
  return path.join(dir, runtime.digest('hex').slice(0, 16), `${opts.digest('hex').slice(0, 16)}.aot`);
}

/**
 * Uses the cache when there is one, records it when there is none. An operator's own -XX:AOT… option, a
 * Java older than 25 or HUIYAN_NEO4J_AOT=0 turns this off. Concurrent first starts (the test projects)
 * each record into a file of their own and the last to finish wins, whole: the move is atomic.
 */
export function aotPlan(enabled: boolean, dir: string, java: Java, libDir: string, options: string[]): AotPlan {
  if (!enabled || java.major < AOT_MIN_JAVA || options.some((o) => o.startsWith('-XX:AOT'))) return NONE;
  const file = aotCacheFile(dir, java, libDir, options);
  if (existsSync(file)) return { args: [`-XX:AOTCache=${file}`, QUIET], recording: false, finish: () => false };
  const own = path.dirname(file);
  mkdirSync(own, { recursive: true });
  const tmp = `${file.slice(0, -'.aot'.length)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  return {
    args: [`-XX:AOTCacheOutput=${tmp}`, QUIET],
    recording: true,
    finish: () => {
      if (!existsSync(tmp)) return false;
      renameSync(tmp, file);
      // Caches for an earlier JDK or jar folder are of no further use, nor recordings cut off a day ago.
      for (const d of readdirSync(dir)) if (path.join(dir, d) !== own) rmSync(path.join(dir, d), { recursive: true, force: true });
      for (const f of readdirSync(own)) {
        const p = path.join(own, f);
        if (/\.tmp(\.config)?$/.test(f) && Date.now() - statSync(p).mtimeMs > 86_400_000) rmSync(p, { force: true });
      }
      return true;
    },
  };
}
