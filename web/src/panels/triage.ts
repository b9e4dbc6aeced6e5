// Triage in the alert view: the state badge, the conclusion, the action buttons the API says the caller
// may use in this state, the 办结 and 重新核查 forms and the history timeline. It also runs the triage calls
// itself and puts the results in the store (the alert, its row in the inbox, errors with their code),
// because state.ts and controller.ts carry no triage intents yet; see docs/workflow.md.
import { ApiError } from '../api/client.js';
import type { Api, TriageInput } from '../api/queries.js';
import type {
  AlertAction,
  AlertDetail,
  AlertEvent,
  AlertListItem,
  AlertWorkflow,
  Assignee,
  Disposal,
  Outcome,
  WorkflowInfo,
} from '../api/types.js';
import { h, type Child } from '../dom.js';
import { formatAmount, formatTime } from '../format.js';
import { translate, type Lang, type MessageKey } from '../i18n.js';
import type { State, Store } from '../state.js';
import { isFinding, moves, needsReason, stateName } from '../workflow.js';

type T = (k: MessageKey, p?: Record<string, string | number>) => string;
/** The served workflow (outcomes, what each move needs, state names); null until it has loaded. */
type Wf = WorkflowInfo | null | undefined;

/** What the handler is typing, kept outside the DOM so a re-render does not wipe it. */
export interface Draft {
  alertId: string | null;
  concluding: boolean;
  /** The 重新核查 form is open. */
  reopening: boolean;
  /** Why the conclusion is being undone: required by the API, and kept apart from the 办结 reason. */
  reopenReason: string;
  /** '' until the handler chooses: a conclusion is never preselected, so none is sent by default. */
  outcome: Outcome | '';
  disposal: Disposal | '';
  reason: string;
  amount: string;
  comment: string;
  /** The handler chosen in the 分派给 list (a sign-in name); '' until one is chosen. */
  assignee: string;
}
export const emptyDraft = (alertId: string | null): Draft => ({
  alertId,
  concluding: false,
  reopening: false,
  reopenReason: '',
  outcome: '',
  disposal: '',
  reason: '',
  amount: '',
  comment: '',
  assignee: '',
});

/**
 * The 办结 form as mutation input, or the message key saying what is missing. An outcome that found nothing
 * (the workflow says which) takes no disposal or amount; one that leads to dismissed needs a reason. Pure.
 */
export function conclusionInput(d: Draft, wf: Wf): FormResult {
  if (d.outcome === '') return { ok: false, key: 'triage.outcomeRequired' };
  const finding = isFinding(wf, d.outcome);
  if (needsReason(wf, d.outcome) && d.reason.trim() === '') return { ok: false, key: 'triage.reasonRequired' };
  const amount = d.amount.trim() === '' ? null : Number(d.amount.replace(/[,，\s]/g, ''));
  return {
    ok: true,
    input: {
      outcome: d.outcome,
      disposal: finding && d.disposal !== '' ? d.disposal : null,
      reason: d.reason.trim() || null,
      amountRecovered: finding && amount !== null && Number.isFinite(amount) ? amount : null,
    },
  };
}

/** The 重新核查 form as mutation input, or the message key saying what is missing. Pure. */
export function reopenInput(d: Draft): FormResult {
  const reason = d.reopenReason.trim();
  return reason === '' ? { ok: false, key: 'triage.reopenReasonRequired' } : { ok: true, input: { reason } };
}

/** The alert after a mutation: the workflow fields replaced, evidence and subjects kept. Pure. */
export function mergeWorkflow(a: AlertDetail, wf: AlertWorkflow): AlertDetail {
  return { ...a, ...wf };
}

/** The inbox row of that alert, updated in place so the list shows the new state without a reload. Pure. */
export function updateRow(items: AlertListItem[] | null, wf: AlertWorkflow): AlertListItem[] | null {
  return items?.map((i) => (i.id === wf.id ? { ...i, state: wf.state, assignee: wf.assignee } : i)) ?? null;
}

/** One history line: what happened, with the outcome, disposal and amount where there are any. Pure. */
export function describeEvent(e: AlertEvent, lang: Lang, wf: Wf): string {
  const t = (k: MessageKey) => translate(lang, k);
  const parts = [t(`action.${e.action}` as MessageKey)];
  if (e.fromState !== e.toState) parts.push(`${stateName(wf, e.fromState, lang)} → ${stateName(wf, e.toState, lang)}`);
  if (e.action === 'ASSIGN' && e.assignee) parts.push(`${t('triage.assignee')} ${e.assignee}`);
  if (e.outcome) parts.push(t(`outcome.${e.outcome}` as MessageKey));
  if (e.disposal) parts.push(t(`disposal.${e.disposal}` as MessageKey));
  if (e.amountRecovered != null) parts.push(formatAmount(e.amountRecovered, lang));
  return parts.join(lang === 'zh' ? '，' : ', ');
}

export interface Triage {
  act(action: AlertAction, input?: TriageInput): Promise<void>;
  draft(): Draft;
  setDraft(patch: Partial<Draft>, render?: boolean): void;
}

const instances = new WeakMap<Store, Triage>();

/** One triage helper per store, shared by the inbox and the alert view; main.ts wires it with the page's Api. */
export function triageFor(store: Store, api?: Api): Triage {
  let t = instances.get(store);
  if (!t) {
    if (!api) throw new Error('triageFor: no Api wired for this store (main.ts)');
    t = createTriage(store, api);
    instances.set(store, t);
  }
  return t;
}

export function createTriage(store: Store, api: Api): Triage {
  let draft = emptyDraft(null);
  const busy = async (fn: () => Promise<void>) => {
    store.set({ busy: store.get().busy + 1, error: null });
    try {
      await fn();
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError('CLIENT', e instanceof Error ? e.message : String(e));
      console.warn(err);
      store.set({ error: { code: err.code, message: err.message } });
    } finally {
      store.set({ busy: Math.max(0, store.get().busy - 1) });
    }
  };
  return {
    draft: () => draft,
    setDraft(patch, render = false) {
      draft = { ...draft, ...patch };
      // Typing must not re-render (it would move the caret); opening and closing the form must.
      if (render) store.set({});
    },
    act: (action, input = {}) =>
      busy(async () => {
        const a = store.get().alert;
        if (!a) return;
        // expectedState: if someone else moved the alert since it was loaded, the API says CONFLICT.
        const expected = action === 'COMMENT' ? {} : { expectedState: a.state };
        const wf = await api.triage(action, a.id, { ...expected, ...input });
        draft = emptyDraft(a.id);
        const now = store.get();
        if (now.alert?.id === wf.id) store.set({ alert: mergeWorkflow(now.alert, wf), alerts: updateRow(now.alerts, wf) });
      }),
  };
}

const stateBadge = (lang: Lang, state: string, wf: Wf) =>
  h('span', { class: `state state-${state}`, 'data-testid': 'alert-state', 'data-state': state }, stateName(wf, state, lang));

/** The triage part of the alert view. */
export function triageSection(s: State, t: T, store: Store): Child[] {
  const a = s.alert;
  if (!a) return [];
  const triage = triageFor(store);
  if (triage.draft().alertId !== a.id) triage.setDraft(emptyDraft(a.id));
  const d = triage.draft();
  const wf = s.schema?.workflow;
  const actions = a.actions ?? [];
  const rows: [string, Child][] = [
    [t('alert.state'), stateBadge(s.lang, a.state, wf)],
    [t('triage.assignee'), a.assignee ?? t('triage.unassigned')],
  ];
  if (a.outcome) rows.push([t('triage.outcome'), h('span', { 'data-testid': 'alert-outcome' }, t(`outcome.${a.outcome}` as MessageKey))]);
  if (a.disposal) rows.push([t('triage.disposal'), t(`disposal.${a.disposal}` as MessageKey)]);
  if (a.amountRecovered != null) rows.push([t('triage.amountRecovered'), formatAmount(a.amountRecovered, s.lang)]);
  if (a.reason) rows.push([t('triage.reason'), a.reason]);
  if (a.concludedAt) rows.push([t('triage.concludedAt'), formatTime(a.concludedAt, s.lang)]);

  return [
    h('h3', { class: 'section' }, t('triage.title')),
    h(
      'dl',
      { class: 'kv', 'data-testid': 'triage-facts' },
      rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]),
    ),
    actionBar(actions, a, d, t, triage, wf),
    actions.includes('ASSIGN') ? assignTo(s.assignees, a, d, t, triage) : null,
    d.concluding && actions.includes('CONCLUDE') && wf ? concludeForm(d, t, triage, wf) : null,
    d.reopening && actions.includes('REOPEN') ? reopenForm(d, t, triage) : null,
    actions.includes('COMMENT') ? commentBox(d, t, triage) : null,
    h('h3', { class: 'section' }, t('triage.history')),
    history(a.history ?? [], s.lang, t, wf),
  ];
}

/** A person as lists show them: display name, and the sign-in name when it differs. Pure. */
export const personLabel = (p: { name: string; displayName: string }): string =>
  p.displayName === p.name ? p.name : `${p.displayName} (${p.name})`;

/**
 * 分派给: the handlers (and admins) whose jurisdiction meets the caller's, from the server's list, by display
 * name and sign-in name (two people may share a name). The current assignee is not offered again.
 */
function assignTo(people: Assignee[] | null, a: AlertDetail, d: Draft, t: T, triage: Triage): HTMLElement {
  const others = (people ?? []).filter((p) => p.name !== a.assignee);
  const select = h(
    'select',
    { 'data-testid': 'assign-to', onchange: (ev) => triage.setDraft({ assignee: (ev.target as HTMLSelectElement).value }) },
    h('option', { value: '', selected: d.assignee === '' }, t('triage.choosePerson')),
    others.map((p) => h('option', { value: p.name, selected: p.name === d.assignee }, personLabel(p))),
  );
  return h(
    'form',
    {
      class: 'assign-to',
      onsubmit: (ev) => {
        ev.preventDefault();
        const assignee = triage.draft().assignee;
        if (assignee) void triage.act('ASSIGN', { assignee });
      },
    },
    h('span', { class: 'muted small' }, t('triage.assignTo')),
    select,
    h('button', { type: 'submit', class: 'btn btn-small btn-ghost', 'data-testid': 'assign-submit' }, t('triage.assign')),
  );
}

function actionBar(actions: AlertAction[], a: AlertDetail, d: Draft, t: T, triage: Triage, wf: Wf): HTMLElement {
  // Taking up a new alert is the first step (primary); re-assigning one in progress is a side action.
  const takesUp = moves(wf, 'ASSIGN', a.state);
  const button = (testid: string, key: MessageKey, onclick: () => void, primary = false) =>
    h('button', { type: 'button', class: `btn btn-small${primary ? '' : ' btn-ghost'}`, 'data-testid': testid, onclick }, t(key));
  const buttons = [
    actions.includes('ASSIGN') && takesUp ? button('action-assign', 'triage.assignToMe', () => void triage.act('ASSIGN'), true) : null,
    actions.includes('START_VERIFICATION')
      ? button('action-start', 'triage.start', () => void triage.act('START_VERIFICATION'), true)
      : null,
    actions.includes('CONCLUDE') && !d.concluding
      ? button('action-conclude', 'triage.conclude', () => triage.setDraft({ concluding: true }, true), true)
      : null,
    actions.includes('RECTIFY') ? button('action-rectify', 'triage.rectify', () => void triage.act('RECTIFY'), true) : null,
    // Re-assigning to oneself a case already in progress, when someone else holds it.
    actions.includes('ASSIGN') && !takesUp ? button('action-assign', 'triage.assignToMe', () => void triage.act('ASSIGN')) : null,
    // Undoing a conclusion: the API lists it for an admin on a concluded alert, and asks for a reason.
    actions.includes('REOPEN') && !d.reopening
      ? button('action-reopen', 'triage.reopen', () => triage.setDraft({ reopening: true }, true))
      : null,
  ].filter((b) => b !== null);
  return h(
    'div',
    { class: 'triage-actions', 'data-testid': 'triage-actions' },
    buttons.length > 0 || actions.includes('COMMENT') ? buttons : h('p', { class: 'muted small' }, t('triage.noActions')),
  );
}

/** A form's result: the mutation input, or the message key saying what is missing. */
type FormResult = { ok: true; input: TriageInput } | { ok: false; key: MessageKey };

/** The frame of the 办结 and 重新核查 forms: fields, a hint for what is missing, submit and cancel. */
function triageForm(
  t: T,
  triage: Triage,
  o: { name: string; action: AlertAction; check: (d: Draft) => FormResult; submit: MessageKey; cancel: Partial<Draft>; body: Child[] },
): HTMLElement {
  const hint = h('p', { class: 'form-hint', 'data-testid': `${o.name}-hint`, hidden: true });
  return h(
    'form',
    {
      class: 'triage-form',
      'data-testid': `${o.name}-form`,
      onsubmit: (ev) => {
        ev.preventDefault();
        const r = o.check(triage.draft());
        if (!r.ok) {
          hint.textContent = t(r.key);
          hint.hidden = false;
          return;
        }
        void triage.act(o.action, r.input);
      },
    },
    o.body,
    hint,
    h(
      'div',
      { class: 'triage-actions' },
      h('button', { type: 'submit', class: 'btn btn-small', 'data-testid': `${o.name}-submit` }, t(o.submit)),
      h('button', { type: 'button', class: 'btn btn-small btn-ghost', onclick: () => triage.setDraft(o.cancel, true) }, t('triage.cancel')),
    ),
  );
}

/** A text box that writes to the draft as it is typed (no re-render, so the caret stays where it is). */
function draftText(testid: string, value: string, set: (v: string) => void, placeholder?: string): HTMLTextAreaElement {
  const el = h('textarea', {
    'data-testid': testid,
    rows: 2,
    maxlength: 2000,
    placeholder,
    oninput: (ev) => set((ev.target as HTMLTextAreaElement).value),
  });
  el.value = value;
  return el;
}

const field = (t: T, key: MessageKey, control: HTMLElement) => h('label', { class: 'field' }, h('span', {}, t(key)), control);

function concludeForm(d: Draft, t: T, triage: Triage, wf: WorkflowInfo): HTMLElement {
  const finding = d.outcome !== '' && isFinding(wf, d.outcome);
  const outcome = h(
    'select',
    {
      'data-testid': 'conclude-outcome',
      onchange: (ev) => triage.setDraft({ outcome: (ev.target as HTMLSelectElement).value as Outcome }, true),
    },
    h('option', { value: '', disabled: true, selected: d.outcome === '' }, t('triage.chooseOutcome')),
    wf.outcomes.map(({ code: o }) => h('option', { value: o, selected: o === d.outcome }, t(`outcome.${o}` as MessageKey))),
  );
  const disposal = h(
    'select',
    {
      'data-testid': 'conclude-disposal',
      disabled: !finding,
      onchange: (ev) => triage.setDraft({ disposal: (ev.target as HTMLSelectElement).value as Disposal | '' }),
    },
    h('option', { value: '', selected: d.disposal === '' }, t('triage.noDisposal')),
    wf.disposals.map((x) => h('option', { value: x, selected: x === d.disposal }, t(`disposal.${x}` as MessageKey))),
  );
  const reason = draftText('conclude-reason', d.reason, (reason) => triage.setDraft({ reason }));
  const amount = h('input', {
    type: 'text',
    inputmode: 'decimal',
    'data-testid': 'conclude-amount',
    disabled: !finding,
    oninput: (ev) => triage.setDraft({ amount: (ev.target as HTMLInputElement).value }),
  });
  amount.value = d.amount;
  return triageForm(t, triage, {
    name: 'conclude',
    action: 'CONCLUDE',
    check: (x) => conclusionInput(x, wf),
    submit: 'triage.submit',
    cancel: { concluding: false },
    body: [
      field(t, 'triage.outcome', outcome),
      field(t, 'triage.disposal', disposal),
      field(t, 'triage.reason', reason),
      field(t, 'triage.amountRecovered', amount),
    ],
  });
}

function reopenForm(d: Draft, t: T, triage: Triage): HTMLElement {
  const reason = draftText(
    'reopen-reason',
    d.reopenReason,
    (reopenReason) => triage.setDraft({ reopenReason }),
    t('triage.reopenPlaceholder'),
  );
  return triageForm(t, triage, {
    name: 'reopen',
    action: 'REOPEN',
    check: reopenInput,
    submit: 'triage.reopen',
    cancel: { reopening: false },
    body: [h('p', { class: 'muted small form-note' }, t('triage.reopenNote')), field(t, 'triage.reopenReason', reason)],
  });
}

function commentBox(d: Draft, t: T, triage: Triage): HTMLElement {
  const text = draftText('comment-text', d.comment, (comment) => triage.setDraft({ comment }), t('triage.commentPlaceholder'));
  return h(
    'div',
    { class: 'triage-comment' },
    text,
    h(
      'button',
      {
        type: 'button',
        class: 'btn btn-small btn-ghost',
        'data-testid': 'action-comment',
        onclick: () => {
          const c = triage.draft().comment.trim();
          if (c) void triage.act('COMMENT', { text: c });
        },
      },
      t('triage.comment'),
    ),
  );
}

function history(events: AlertEvent[], lang: Lang, t: T, wf: Wf): HTMLElement {
  if (events.length === 0) return h('p', { class: 'muted small', 'data-testid': 'alert-history' }, t('triage.noHistory'));
  return h(
    'ol',
    { class: 'timeline', 'data-testid': 'alert-history' },
    // Newest first: the handler wants to see what happened last.
    [...events].reverse().map((e) =>
      h(
        'li',
        { class: 'timeline-item', 'data-testid': 'history-entry', 'data-action': e.action },
        h('div', { class: 'timeline-head' }, h('strong', {}, e.actor), h('span', { class: 'muted small' }, formatTime(e.at, lang))),
        h('div', {}, describeEvent(e, lang, wf)),
        // A reopening's reason says why the conclusion was set aside, not why it was reached.
        e.reason
          ? h(
              'div',
              { class: 'muted small' },
              `${t(e.action === 'REOPEN' ? 'triage.reopenReason' : 'triage.reason')}${lang === 'zh' ? '：' : ': '}${e.reason}`,
            )
          : null,
        e.comment ? h('div', { class: 'timeline-comment' }, e.comment) : null,
      ),
    ),
  );
}
