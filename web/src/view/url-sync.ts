// The address follows the view: entities on the canvas, the open alert, filters, the as-of date and an open
// report are written with history.replaceState as the user works (no new history entry per click), so
// reloading or copying the address gives the same view. Reading the address at start is evidence.ts's.
import type { State, Store } from '../state.js';
import { EMPTY_URL_STATE, encodeUrlState, type UrlState } from './url-state.js';

export function urlStateOf(s: State, canvas: readonly string[]): UrlState {
  return {
    ...EMPTY_URL_STATE,
    entities: [...canvas],
    alert: s.alert?.id ?? null,
    asOf: s.asOf,
    report: s.report,
    inbox: s.inbox,
  };
}

/** Starts writing the address from the state; `canvas` gives the node ids in canvas order. */
export function syncUrl(store: Store, canvas: () => string[], loc: Location = window.location, hist: History = window.history): void {
  let last = loc.search.replace(/^\?/, '');
  store.subscribe((s) => {
    if (s.page !== 'explore') return;
    const next = encodeUrlState(urlStateOf(s, canvas()));
    if (next === last) return;
    last = next;
    hist.replaceState(hist.state, '', `${loc.pathname}${next ? `?${next}` : ''}${loc.hash}`);
  });
}

const KEPT = 'huiyan.deepLink';

/**
 * Before sign-in: keep the address's query (?entity=, ?alert=, ?view=) for after it, since a sign-in
 * through the identity provider comes back to the bare page. After sign-in: the query to open, once.
 */
export const deepLink = {
  keep(storage: Storage, search: string): void {
    if (search.replace(/^\?/, '') !== '') storage.setItem(KEPT, search);
  },
  take(storage: Storage, search: string): string {
    const kept = storage.getItem(KEPT);
    storage.removeItem(KEPT);
    return search.replace(/^\?/, '') !== '' ? search : (kept ?? '');
  },
};
