// What every GraphQL request of a signed-in explorer carries, and what the explorer does when the server
// answers that the session ended or that a 查询事由 is wanted. The session itself is the HttpOnly cookie the
// browser sends (same origin); the page holds only the CSRF token (in memory, never in storage) and the
// reason of this working session (sessionStorage: gone with the tab, and cleared at sign-out).
import { ApiError, request, type Fetch, type Runner } from './client.js';

export const CSRF_HEADER = 'x-huiyan-csrf';
export const REASON_HEADER = 'x-huiyan-reason';
/** sessionStorage key of the 查询事由: kept for this tab's working session only. */
export const REASON_KEY = 'huiyan.reason';
/** The server keeps 200 characters of a reason (server/graphql/context.ts); the prompt allows no more. */
export const MAX_REASON = 200;

/**
 * A reason as typed, made fit to send: control characters dropped (they would end the header), trimmed,
 * capped. null when nothing is left. Pure.
 */
export function cleanReason(text: string | null | undefined): string | null {
  const v = (text ?? '')
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, MAX_REASON);
  return v === '' ? null : v;
}

/** Header values are Latin-1, a 查询事由 is Chinese: it goes percent-encoded, and the server decodes it. Pure. */
export const encodeReason = (reason: string): string => encodeURIComponent(reason);

/** The headers a signed-in page adds to a GraphQL request. Pure. */
export function sessionHeaders(csrf: string | null, reason: string | null): Record<string, string> {
  const h: Record<string, string> = {};
  if (csrf) h[CSRF_HEADER] = csrf;
  const r = cleanReason(reason);
  if (r) h[REASON_HEADER] = encodeReason(r);
  return h;
}

/**
 * Operations that read people and entities: the first of them in a working session asks for the reason
 * before it is sent (the audit trail records it with every read). The alert list and the vocabulary do
 * not wait for it; a server that wants a reason for them too says REASON_REQUIRED, and is asked then.
 */
const READS_PEOPLE: ReadonlySet<string> = new Set([
  'ExplorerSearch',
  'ExplorerEntity',
  'ExplorerNeighbours',
  'ExplorerParallelEdges',
  'ExplorerAlert',
  'StatsScreen',
  'ExplorerPreAwardCheck',
  // The evidence feature (api/evidence-queries.ts): a dossier, a linked canvas, a saved view naming people.
  'ExplorerIntegrityRecord',
  'ExplorerViewGraph',
  'ExplorerView',
  'ExplorerSaveView',
]);
export const needsReasonFirst = (operationName: string): boolean => READS_PEOPLE.has(operationName);

/**
 * What to do with a failed request, by its code: the session is gone (back to the sign-in page, with
 * nothing left on screen), a reason is wanted (ask, then send again, once), or show the error. Pure.
 */
export function afterError(code: string, alreadyAsked: boolean): 'signIn' | 'askReason' | 'show' {
  if (code === 'UNAUTHENTICATED' || code === 'HTTP_401') return 'signIn';
  if (code === 'REASON_REQUIRED' && !alreadyAsked) return 'askReason';
  return 'show';
}

/** Where the reason lives between page loads of one tab. */
export interface ReasonStore {
  get(): string | null;
  set(reason: string): void;
  clear(): void;
}

export function reasonStore(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | undefined): ReasonStore {
  let here: string | null = null;
  return {
    get() {
      try {
        return cleanReason(storage?.getItem(REASON_KEY)) ?? here;
      } catch {
        return here;
      }
    },
    set(reason) {
      here = cleanReason(reason);
      try {
        if (here) storage?.setItem(REASON_KEY, here);
      } catch {
        // A locked-down profile: the reason holds for this page only.
      }
    },
    clear() {
      here = null;
      try {
        storage?.removeItem(REASON_KEY);
      } catch {
        // Nothing was kept.
      }
    },
  };
}

export interface GateHooks {
  /** Ask the user for the 查询事由; null when they decline. Never called twice at once. */
  askReason(): Promise<string | null>;
  /** The server no longer knows this session (expired, signed out elsewhere, password changed). */
  ended(): void;
}

/** The signed-in explorer's way to the API: session headers on every request, and the two answers it handles. */
export class Gate {
  csrf: string | null = null;
  #asking: Promise<string> | null = null;

  constructor(
    readonly reasons: ReasonStore,
    private readonly hooks: GateHooks,
    private readonly base: Fetch = (input, init) => fetch(input, init),
  ) {}

  readonly fetch: Fetch = (input, init) => {
    const headers = new Headers(init.headers);
    for (const [k, v] of Object.entries(sessionHeaders(this.csrf, this.reasons.get()))) headers.set(k, v);
    return this.base(input, { ...init, headers });
  };

  /** The reason from the user (one prompt for however many requests wait on it); REASON_REQUIRED if declined. */
  askReason(): Promise<string> {
    this.#asking ??= this.hooks.askReason().then(
      (given) => {
        this.#asking = null;
        const r = cleanReason(given);
        if (!r) throw new ApiError('REASON_REQUIRED', '');
        this.reasons.set(r);
        return r;
      },
      (e: unknown) => {
        this.#asking = null;
        throw e;
      },
    );
    return this.#asking;
  }

  readonly run: Runner = async <T>(operationName: string, query: string, variables: Record<string, unknown> = {}) => {
    if (needsReasonFirst(operationName) && !this.reasons.get()) await this.askReason();
    let asked = false;
    for (;;) {
      try {
        return await request<T>(operationName, query, variables, this.fetch);
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        const next = afterError(e.code, asked);
        if (next === 'signIn') this.hooks.ended();
        if (next !== 'askReason') throw e;
        asked = true;
        await this.askReason();
      }
    }
  };
}
