// Real commands in processes of their own, for the runtime tests that kill them: start one with its output
// captured, wait for a line, list what it started, and wait until processes are gone.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../../platform/config.js';

export interface Command {
  child: ChildProcessWithoutNullStreams;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** Resolves with the output once `re` matches it; rejects if the command exits first or time runs out. */
  waitFor(re: RegExp, ms: number): Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs `cmd args` in ROOT with `env` over the test's own environment (NEO4J_URI cleared: an embedded server). */
export function run(cmd: string, args: string[], env: Record<string, string>): Command {
  const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, NEO4J_URI: '', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  const listeners = new Set<() => void>();
  const take = (d: Buffer) => {
    out += d.toString();
    for (const l of listeners) l();
  };
  child.stdout.on('data', take);
  child.stderr.on('data', take);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
    child.once('exit', (code, signal) => r({ code, signal })),
  );
  const waitFor = (re: RegExp, ms: number) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const m = re.exec(out);
        if (m) {
          done();
          resolve(m[0]);
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no ${re} within ${ms} ms; output:\n${out}`));
      }, ms);
      void exited.then(({ code, signal }) => {
        if (!listeners.has(check)) return;
        done();
        reject(new Error(`exited (${code ?? signal}) before ${re}; output:\n${out}`));
      });
      const done = () => {
        clearTimeout(timer);
        listeners.delete(check);
      };
      listeners.add(check);
      check();
    });
  return { child, output: () => out, waitFor, exited };
}

/** A huiyan entry point run by Node with tsx, as `npm run <script>` ends up running it. */
export const tsxBin = (script: string, args: string[], env: Record<string, string>): Command =>
  run(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bin', script), ...args], env);

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Every process below `pid` now (Linux /proc): what a command has started. */
export function descendants(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
    } catch {
      /* gone meanwhile */
    }
  }
  const out: number[] = [];
  for (let todo = [pid]; todo.length;) {
    const kids = todo.flatMap((p) => parents.get(p) ?? []);
    out.push(...kids);
    todo = kids;
  }
  return out;
}

export function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
}

/** The processes of `pids` still running after waiting up to `ms` for them to go. */
export async function stillRunning(pids: number[], ms: number): Promise<number[]> {
  const deadline = Date.now() + ms;
  while (pids.some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  return pids.filter(alive);
}

/** The embedded server a command started on `home`: its Java, the huiyan that owns it, its Bolt port. */
export function pidRecord(home: string): { pid: number; owner: number; port: number } {
  return JSON.parse(readFileSync(path.join(home, 'run', 'huiyan-neo4j.pid'), 'utf8')) as { pid: number; owner: number; port: number };
}
