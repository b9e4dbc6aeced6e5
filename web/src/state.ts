// The explorer's state in one object, and a tiny store: panels render from it and dispatch intents; the
// controller (controller.ts) turns intents into API calls and canvas changes. No framework needed for this.
import type { AlertDetail, AlertListItem, Assignee, Graph, Me, SearchHit } from './api/types.js';
import type { Selection } from './graph/cy.js';
import type { Lang, MessageKey } from './i18n.js';
import type { SchemaIndex } from './schema.js';
import type { Timeline } from './view/as-of.js';
import { initialCanvas, type CanvasIntent, type CanvasState, type Direction } from './canvas-state.js';

export type Tab = 'search' | 'alerts';
/** The explorer itself, or one of the admin pages (offered by the caller's permissions). */
export type Page =
  'explore' | 'stats' | 'screen' | 'users' | 'tokens' | 'audit' | 'feeds' | 'resolution' | 'policy' | 'workbench' | 'preaward';
/** A dialog over the page: the 查询事由 prompt or the password change. */
export type Dialog = 'reason' | 'password' | null;

/**
 * The inbox filter as the controls hold it (panels/inbox-filters.ts turns it into the API's AlertFilter).
 * It lives here, not in the controls, so that whoever changes it (the filter bar, "alerts on this entity"
 * in the details panel, "clear filters") goes through one intent that reloads from the first page.
 */
export interface InboxFilterValues {
  /** '' (all), 'open' (not concluded) or one state code. */
  state: string;
  /** '' or a Severity. */
  severity: string;
  /** '' or a model id. */
  model: string;
  mine: boolean;
  /** The flagged entity, with the caption the chip shows. */
  subject: { id: string; caption: string } | null;
  /** First seen from / to, as the date inputs give them: '' or YYYY-MM-DD, a day in the browser's time zone. */
  from: string;
  to: string;
}

/** A printable report open over the explorer (reports/): an alert's, or a person's integrity record (廉政档案). */
export type ReportRef = { kind: 'alert'; id: string } | { kind: 'record'; id: string };
export type ExportFormat = 'png' | 'csv' | 'json';

export const NO_FILTER: Readonly<InboxFilterValues> = { state: '', severity: '', model: '', mine: false, subject: null, from: '', to: '' };

export interface State {
  lang: Lang;
  /** The signed-in caller (Query.me); null until it has loaded. */
  me: Me | null;
  /** The 查询事由 of this working session, as the header shows it; null until given. */
  reason: string | null;
  dialog: Dialog;
  page: Page;
  /** Whom an alert can be assigned to; null until first asked for. */
  assignees: Assignee[] | null;
  /** The entity the audit page opens on ("who looked at this", from the details panel). */
  auditSubject: string | null;
  schema: SchemaIndex | null;
  tab: Tab;
  query: string;
  searching: boolean;
  /** null until the first search, so the panel can tell "no search yet" from "nothing found". */
  results: SearchHit[] | null;
  alerts: AlertListItem[] | null;
  alertsTotal: number;
  inbox: InboxFilterValues;
  alertsLoading: boolean;
  /** The alert whose evidence is highlighted; shown in the details panel when nothing else is selected. */
  alert: AlertDetail | null;
  selection: Selection;
  /** uids on the canvas, so lists can say "on canvas" without asking the graph. */
  onCanvas: ReadonlySet<string>;
  counts: { nodes: number; edges: number };
  /** Context menu, undo/redo, filters, paths (canvas-state.ts). */
  canvas: CanvasState;
  busy: number;
  error: { code: string; message: string } | null;
  /** The as-of date (YYYY-MM-DD): relationships not true then are hidden (view/as-of.ts); null shows all. */
  asOf: string | null;
  report: ReportRef | null;
  /** The dated facts on the canvas and how many elements the as-of date hides (evidence.ts keeps it). */
  timeline: Timeline;
  /** The short link of the view last saved, shown until the canvas changes. */
  savedLink: string | null;
  /** Kept as a key so it follows a language switch while it is shown. */
  toast: { key: MessageKey; params?: Record<string, string | number> } | null;
}

/** What a panel can ask for. The controller decides how. */
export type Intent =
  | { type: 'search'; q: string }
  | { type: 'add'; id: string }
  /** Neighbours of a node; the context menu narrows by relationship types and direction. */
  | { type: 'expand'; id: string; types?: string[]; direction?: Direction }
  | { type: 'openAlert'; id: string }
  /** Change the inbox filter; the inbox reloads from its first page. */
  | { type: 'inboxFilter'; patch: Partial<InboxFilterValues> }
  /** The next page of the inbox, after the last row's cursor. */
  | { type: 'loadMore' }
  | { type: 'page'; page: Page }
  /** The audit trail of reads of this entity (admins). */
  | { type: 'auditOn'; id: string }
  /** Open the 查询事由 prompt to change the reason (the header's reason chip). */
  | { type: 'changeReason' }
  /** The prompt's answer: the reason, or null when it was cancelled. */
  | { type: 'reasonGiven'; reason: string | null }
  | { type: 'dialog'; dialog: Dialog }
  | { type: 'signOut' }
  /** A passing note (a dialog's success). */
  | { type: 'toast'; key: MessageKey }
  | { type: 'selectOnCanvas'; id: string }
  | { type: 'unselect' }
  | { type: 'tab'; tab: Tab }
  | { type: 'lang'; lang: Lang }
  | { type: 'clear' }
  | { type: 'fit' }
  | { type: 'dismissError' }
  /** The evidence feature (evidence.ts): the as-of date, exports, reports, saved views. */
  | { type: 'asOf'; day: string | null }
  | { type: 'export'; format: ExportFormat }
  | { type: 'report'; report: ReportRef | null }
  /** The open report was printed (打印): recorded in the audit trail. */
  | { type: 'printed'; report: ReportRef; count: number; entityIds: string[] }
  | { type: 'saveView' }
  /** 投标前核查 (preaward/): open the check on this lot; put a tie's paths on the canvas, marked as a path. */
  | { type: 'preAward'; lot: { id: string; caption: string } }
  | { type: 'preAwardShow'; graph: Graph }
  | CanvasIntent;

export function initialState(lang: Lang): State {
  return {
    lang,
    me: null,
    reason: null,
    dialog: null,
    page: 'explore',
    assignees: null,
    auditSubject: null,
    schema: null,
    tab: 'search',
    query: '',
    searching: false,
    results: null,
    alerts: null,
    alertsTotal: 0,
    inbox: { ...NO_FILTER },
    alertsLoading: false,
    alert: null,
    selection: null,
    onCanvas: new Set(),
    counts: { nodes: 0, edges: 0 },
    canvas: initialCanvas(),
    busy: 0,
    error: null,
    asOf: null,
    report: null,
    timeline: { marks: [], hidden: 0, dimmed: 0 },
    savedLink: null,
    toast: null,
  };
}

export interface Store {
  get(): State;
  set(patch: Partial<State>): void;
  subscribe(fn: (s: State) => void): void;
  dispatch(intent: Intent): void;
  onIntent(fn: (intent: Intent) => void): void;
}

export function createStore(initial: State): Store {
  let state = initial;
  const subs: ((s: State) => void)[] = [];
  const handlers: ((i: Intent) => void)[] = [];
  let scheduled = false;
  // Renders are batched to one per frame-ish tick: a controller step often sets several fields in a row.
  const notify = () => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      for (const fn of subs) fn(state);
    });
  };
  return {
    get: () => state,
    set(patch) {
      state = { ...state, ...patch };
      notify();
    },
    subscribe(fn) {
      subs.push(fn);
      fn(state);
    },
    dispatch(intent) {
      for (const h of handlers) h(intent);
    },
    onIntent(fn) {
      handlers.push(fn);
    },
  };
}
