// The server answers before its first minute's work is done (the demo load, the check of the model library,
// the first run of every model: server/startup-progress.ts, shown by /healthz). A handler who signs in then
// would see an empty inbox and no reason; this says what the server is doing and, once it is ready, has the
// inbox read again. /healthz needs no session and is the one place the server tells it.
import type { MessageKey } from './i18n.js';

/** What /healthz says of the start (server/startup-progress.ts, StartupSnapshot). */
export interface StartupState {
  phase: 'seeding' | 'checking' | 'models' | 'ready' | 'failed';
  modelsDone: number;
  modelsTotal: number;
  error: string | null;
}

type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** The line to show for a phase; null once the server is ready (nothing to say). */
export function startupLine(s: StartupState, t: Translate): string | null {
  switch (s.phase) {
    case 'ready':
      return null;
    case 'seeding':
      return t('startup.seeding');
    case 'checking':
      return t('startup.checking');
    case 'models':
      return t('startup.models', { n: s.modelsDone, m: s.modelsTotal });
    case 'failed':
      return t('startup.failed', { error: s.error ?? '' });
  }
}

/** /healthz's `startup`, or null when the answer has none (an older server, a proxy's page). */
export async function fetchStartup(fetchFn: typeof fetch = fetch): Promise<StartupState | null> {
  const res = await fetchFn('/healthz', { headers: { accept: 'application/json' } });
  const body = (await res.json().catch(() => null)) as { startup?: StartupState } | null;
  return body?.startup ?? null;
}

export interface StartupWatch {
  stop(): void;
}

/**
 * Asks every `everyMs` until the server is ready or failed: `show` gets each state, `ready` is called once
 * when an earlier phase turns ready (not when the server was ready at the first answer). A request that fails
 * is asked again at the next turn (the server may be restarting its database); an answer without a start
 * state (an older server) ends the watch.
 */
export function watchStartup(
  ask: () => Promise<StartupState | null>,
  show: (s: StartupState | null) => void,
  ready: () => void,
  everyMs = 2000,
): StartupWatch {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let waited = false;
  const again = () => {
    if (!stopped) timer = setTimeout(() => void turn(), everyMs);
  };
  const turn = async (): Promise<void> => {
    let s: StartupState | null;
    try {
      s = await ask();
    } catch {
      return again();
    }
    if (stopped) return;
    show(s);
    if (s === null || s.phase === 'failed') return;
    if (s.phase === 'ready') {
      if (waited) ready();
      return;
    }
    waited = true;
    again();
  };
  void turn();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
