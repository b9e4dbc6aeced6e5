// Turns the panels' intents into API calls and canvas changes, and puts the results in the store. The only
// module that holds both the API and the GraphView.
import { ApiError } from './api/client.js';
import { INBOX_PAGE, type Api } from './api/queries.js';
import { cleanReason, type ReasonStore } from './api/session.js';
import type { AlertDetail } from './api/types.js';
import { graphElementIds, moreMessages, moreText, neighbourhoodGraph, remaining } from './graph/elements.js';
import type { GraphView } from './graph/cy.js';
import { saveLang, translate, type Lang, type MessageKey } from './i18n.js';
import { indexSchema, type PropertyNames } from './schema.js';
import { filterFrom } from './inbox.js';
import type { Intent, Store } from './state.js';
import type { Direction } from './canvas-state.js';

const TOAST_MS = 4500;

/** What the controller needs of the session: where the 查询事由 is kept, and how to sign out. */
export interface SessionControl {
  reasons: ReasonStore;
  signOut(): Promise<void>;
}

export function createController(store: Store, api: Api, view: GraphView, props: PropertyNames, session: SessionControl) {
  let toastTimer: ReturnType<typeof setTimeout> | undefined;
  /** The request waiting for the 查询事由 prompt's answer (the Gate asks through askReason). */
  let waitingForReason: ((reason: string | null) => void) | null = null;

  const toast = (key: MessageKey, params?: Record<string, string | number>) => {
    store.set({ toast: { key, params } });
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => store.set({ toast: null }), TOAST_MS);
  };

  /** Runs one step with the busy indicator; an API error becomes the visible error bar, never a silent no-op. */
  async function step(fn: () => Promise<void>): Promise<void> {
    store.set({ busy: store.get().busy + 1 });
    try {
      await fn();
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError('CLIENT', e instanceof Error ? e.message : String(e));
      // A declined 查询事由 prompt is the user's choice, not a failure; the bar still says nothing was read.
      if (err.code !== 'REASON_REQUIRED') console.error(err);
      store.set({ error: { code: err.code, message: err.message } });
    } finally {
      store.set({ busy: Math.max(0, store.get().busy - 1) });
    }
  }

  /**
   * The inbox's generation: bumped by every first-page load, so a page that arrives after the filter (or
   * the language) changed again is dropped instead of overwriting the newer list or being appended to it.
   */
  let inboxGen = 0;

  /** The first page for the filter in the state: a new filter always starts paging again. */
  const loadAlerts = (lang: Lang) => {
    const gen = ++inboxGen;
    return step(async () => {
      store.set({ alertsLoading: true });
      try {
        const r = await api.alerts(lang, INBOX_PAGE, filterFrom(store.get().inbox, store.get().schema?.workflow));
        if (gen === inboxGen) store.set({ alerts: r.items, alertsTotal: r.totalCount });
      } finally {
        if (gen === inboxGen) store.set({ alertsLoading: false });
      }
    });
  };

  /** The next page after the last row shown, for the same filter. */
  const loadMore = () => {
    const gen = inboxGen;
    const s = store.get();
    const after = s.alerts?.at(-1)?.cursor;
    if (!after || s.alertsLoading) return Promise.resolve();
    return step(async () => {
      const page = await api.alerts(s.lang, INBOX_PAGE, filterFrom(s.inbox, s.schema?.workflow), after);
      if (gen !== inboxGen) return;
      const shown = store.get().alerts ?? [];
      const known = new Set(shown.map((a) => a.id));
      store.set({ alerts: [...shown, ...page.items.filter((i) => !known.has(i.id))], alertsTotal: page.totalCount });
    });
  };

  /** The open alert asked for again (its summary in another language). */
  const refreshAlert = (lang: Lang) => {
    const open = store.get().alert;
    if (!open) return;
    void step(async () => {
      const a = await api.alert(open.id, lang);
      if (a && store.get().alert?.id === a.id) store.set({ alert: a });
    });
  };

  /** The people an alert can be assigned to, asked for once, when an alert first offers assignment. */
  const wantAssignees = (a: AlertDetail) => {
    if (!a.actions.includes('ASSIGN') || store.get().assignees !== null) return;
    store.set({ assignees: [] });
    void step(async () => store.set({ assignees: await api.assignees() }));
  };

  async function expand(id: string, by?: { types?: string[]; direction?: Direction }) {
    const nb = await api.neighbours(id, view.nodeIds(), undefined, by);
    const added = await view.add(neighbourhoodGraph(nb), { around: id });
    const more = remaining(nb);
    view.setMore(id, more);
    if (more.n > 0) toast(moreMessages(more).toast, { n: moreText(more) });
    else if (added > 0) toast('toast.added', { n: added });
    else toast('toast.nothingNew');
  }

  async function openAlert(id: string) {
    const lang = store.get().lang;
    const a = await api.alert(id, lang);
    if (!a) throw new ApiError('NOT_FOUND', id);
    await view.add(a.evidence);
    view.highlight(graphElementIds(a.evidence));
    view.unselect();
    view.fitTo(a.evidence.nodes.map((n) => n.id));
    store.set({ alert: a, selection: null });
    wantAssignees(a);
  }

  async function add(id: string) {
    const hit = store.get().results?.find((r) => r.entity.id === id)?.entity ?? (await api.entity(id));
    if (!hit) throw new ApiError('NOT_FOUND', id);
    await view.add({ nodes: [hit], edges: [] }, { select: id });
  }

  function handle(intent: Intent): void {
    switch (intent.type) {
      case 'search':
        store.set({ tab: 'search', query: intent.q, searching: true, error: null });
        void step(async () => {
          try {
            store.set({ results: await api.search(intent.q) });
          } finally {
            store.set({ searching: false });
          }
        });
        return;
      case 'add':
        void step(() => add(intent.id));
        return;
      case 'expand':
        void step(() => expand(intent.id, { types: intent.types, direction: intent.direction }));
        return;
      case 'openAlert':
        void step(() => openAlert(intent.id));
        return;
      case 'inboxFilter':
        // The list empties to "loading" rather than showing rows the new filter may not match.
        store.set({ inbox: { ...store.get().inbox, ...intent.patch }, alerts: null, alertsTotal: 0 });
        void loadAlerts(store.get().lang);
        return;
      case 'loadMore':
        void loadMore();
        return;
      case 'page':
        store.set({ page: intent.page });
        return;
      case 'auditOn':
        store.set({ auditSubject: intent.id, page: 'audit' });
        return;
      case 'dialog':
        store.set({ dialog: intent.dialog });
        return;
      case 'changeReason':
        store.set({ dialog: 'reason' });
        return;
      case 'reasonGiven': {
        const reason = cleanReason(intent.reason);
        if (reason) {
          session.reasons.set(reason);
          store.set({ reason });
        }
        store.set({ dialog: null });
        const waiting = waitingForReason;
        waitingForReason = null;
        waiting?.(reason);
        return;
      }
      case 'toast':
        toast(intent.key);
        return;
      case 'signOut':
        void step(() => session.signOut());
        return;
      case 'selectOnCanvas':
        view.select(intent.id);
        return;
      case 'unselect':
        view.unselect();
        return;
      case 'tab':
        store.set({ tab: intent.tab });
        if (intent.tab === 'alerts' && store.get().alerts === null && !store.get().alertsLoading) {
          void loadAlerts(store.get().lang);
        }
        return;
      case 'lang': {
        saveLang(window.localStorage, intent.lang);
        store.set({ lang: intent.lang });
        applyLang(intent.lang);
        view.setStyle(store.get().schema, intent.lang);
        // Summaries are rendered by the server in the requested language, so ask again; also while the inbox
        // is still loading, whose answer (in the old language) the newer request supersedes.
        if (store.get().alerts !== null || store.get().alertsLoading) void loadAlerts(intent.lang);
        refreshAlert(intent.lang);
        return;
      }
      case 'clear':
        view.clear();
        store.set({ alert: null, selection: null, canvas: { ...store.get().canvas, path: null, picking: null, menu: null } });
        return;
      case 'fit':
        view.fitTo();
        return;
      case 'dismissError':
        store.set({ error: null });
        return;
    }
  }

  return {
    handle,
    /** For the canvas controller (canvas-controller.ts): the same busy indicator, error bar and toast. */
    step,
    toast,
    /** For the Gate: open the 查询事由 prompt and wait for the answer (null: cancelled). */
    askReason(): Promise<string | null> {
      store.set({ dialog: 'reason' });
      return new Promise((resolve) => {
        // A prompt left open by an earlier request answers that one as cancelled.
        waitingForReason?.(null);
        waitingForReason = resolve;
      });
    },
    /** First load: who is signed in, the vocabulary (styles, names) and the alert inbox, in parallel. */
    async start() {
      applyLang(store.get().lang);
      store.set({ reason: session.reasons.get() });
      await Promise.all([
        step(async () => store.set({ me: await api.me() })),
        step(async () => {
          const r = await api.graphSchema();
          const schema = indexSchema(r.graphSchema, r.models, props, r.workflow);
          store.set({ schema });
          view.setStyle(schema, store.get().lang);
        }),
        loadAlerts(store.get().lang),
      ]);
    },
  };
}

function applyLang(lang: Lang) {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = translate(lang, 'doc.title');
}
