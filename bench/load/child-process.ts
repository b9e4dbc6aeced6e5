// The benchmark's loads run in processes of their own, started with the Node options of the npm script that
// runs the same load for a user (package.json's `load`, `load:bulk`): a load measured in the benchmark's own
// process would meet that process's heap and V8's default limits instead of the command's (the bulk path's
// reading reached 1,333 MiB at a million persons that way, against 925–993 under `load:bulk`).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../platform/config.js';

/**
 * The Node options an npm script gives tsx before its entry point:
 * `tsx --max-old-space-size=768 bin/load.ts --bulk` → `['--max-old-space-size=768']`.
 */
export function scriptNodeOptions(script: string): string[] {
  const words = script.trim().split(/\s+/);
  const at = words.indexOf('tsx');
  if (at < 0) throw new Error(`the script does not run tsx: ${script}`);
  const options: string[] = [];
  for (const w of words.slice(at + 1)) {
    if (!w.startsWith('--')) break;
    options.push(w);
  }
  return options;
}

/** The Node options of package.json's script `name`. */
export function npmScriptNodeOptions(name: string): string[] {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const script = pkg.scripts?.[name];
  if (typeof script !== 'string') throw new Error(`package.json has no script ${name}`);
  return scriptNodeOptions(script);
}

/**
 * Runs `entry` (a TypeScript file whose argument is `job` as JSON, and which writes its result as JSON to
 * `job.result`) in a Node process started with `nodeOptions`, and returns that result. A process that ends other
 * than with exit code 0 fails the benchmark, instead of reading as a result.
 */
export async function runInChild<T>(entry: string, job: { result: string }, nodeOptions: string[], what: string): Promise<T> {
  const child = spawn(process.execPath, [...nodeOptions, '--import', 'tsx', entry, JSON.stringify(job)], { stdio: 'inherit' });
  // once() rejects on the child's 'error' (it could not be started) as well.
  const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
  if (code !== 0) throw new Error(`${what} in its own process ended with ${signal ? `signal ${signal}` : `exit code ${code}`}`);
  return JSON.parse(readFileSync(job.result, 'utf8')) as T;
}
