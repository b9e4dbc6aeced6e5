// Notices when the commands that launched this process are gone, so a signal to any of them stops huiyan.
// `npm start` runs npm → sh -c → tsx → node. Checked with npm 11.19 and tsx 4: SIGTERM to npm is passed to
// its sh, which dies of it without passing it on; tsx (which would relay it) never hears of it and runs on
// under init, and node with it, serving, its Java too (#14). Nothing reaches node, so node looks: every
// second it checks that each launcher above it still runs under the same parent. Only the launch chain is
// watched (tsx, `sh -c`, npm), never an interactive shell or a service manager above it: `nohup npm start`
// must survive its terminal.
import { readFileSync } from 'node:fs';
import path from 'node:path';

type Launcher = 'npm' | 'shell' | 'tsx';

interface Link {
  pid: number;
  ppid: number;
  kind: Launcher;
}

/** The parent of `pid` from /proc (Linux); undefined when the process is gone or /proc is not there. */
function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return Number.isInteger(ppid) ? ppid : undefined;
  } catch {
    return undefined;
  }
}

function argvOf(pid: number): string[] {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return [];
  }
}

/** What kind of launcher this command line is, if any. npm names its process "npm run load …" (its title). */
export function launcherKind(argv: readonly string[]): Launcher | undefined {
  const [cmd = '', first = ''] = argv;
  const base = path.basename(cmd);
  if (base === 'npm' || base === 'npx' || /npm-cli\.js$|npx-cli\.js$/.test(first)) return 'npm';
  if (['sh', 'bash', 'dash', 'zsh'].includes(base) && first === '-c') return 'shell';
  if (argv.some((a) => path.basename(a) === 'tsx' || /tsx[\\/]dist[\\/]cli\.m?js$/.test(a))) return 'tsx';
  return undefined;
}

/** The launchers above this process, nearest first, up to and including npm. */
function launchChain(): Link[] {
  const chain: Link[] = [];
  for (let pid = process.ppid; pid > 1 && chain.length < 8;) {
    const kind = launcherKind(argvOf(pid));
    const ppid = parentOf(pid);
    if (!kind || ppid === undefined) break;
    chain.push({ pid, ppid, kind });
    if (kind === 'npm') break;
    pid = ppid;
  }
  return chain;
}

/**
 * Calls `onOrphaned` once, with the reason, when this process's parent changes or a launcher above it
 * exits or is re-parented. The timer does not keep Node alive. Returns a function that stops watching.
 */
export function watchLaunchers(onOrphaned: (why: string) => void, everyMs = 1_000): () => void {
  const parent = process.ppid;
  const chain = launchChain();
  const timer = setInterval(() => {
    let why: string | undefined;
    if (process.ppid !== parent) why = `its parent process (pid ${parent}) is gone`;
    else {
      for (const l of chain) {
        const now = parentOf(l.pid);
        if (now === l.ppid) continue;
        why = `the ${l.kind} that launched it (pid ${l.pid}) ${now === undefined ? 'is gone' : 'lost its own launcher'}`;
        break;
      }
    }
    if (why) {
      clearInterval(timer);
      onOrphaned(why);
    }
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
