// The inbox's filter bar: state, severity, model, "mine only" (the signed-in user's), first seen from / to,
// and the subject chip. The filter itself lives in the state (state.inbox); every change goes
// through the inboxFilter intent, which reloads the inbox from its first page. The controls are built once
// and relabelled on a language switch, so a select keeps its focus and a name being typed is not
// re-rendered; they take their values from the state only when the filter changed (it can change from
// elsewhere: "alerts on this entity" in the details panel, "clear filters").
import { SEVERITIES } from '../api/types.js';
import { h, fill } from '../dom.js';
import { translate, type Lang, type MessageKey } from '../i18n.js';
import { modelTitle } from '../schema.js';
import type { InboxFilterValues, Store } from '../state.js';
import { OPEN } from '../workflow.js';

export function mountInboxFilters(root: HTMLElement, store: Store): void {
  const set = (patch: Partial<InboxFilterValues>) => store.dispatch({ type: 'inboxFilter', patch });
  const state = h('select', { 'data-testid': 'filter-state' });
  const severity = h('select', { 'data-testid': 'filter-severity' });
  const model = h('select', { 'data-testid': 'filter-model' });
  const mine = h('input', { type: 'checkbox', 'data-testid': 'filter-mine' });
  const from = h('input', { type: 'date', 'data-testid': 'filter-from' });
  const to = h('input', { type: 'date', 'data-testid': 'filter-to' });
  const subject = h('div', { class: 'filter-chips', 'data-testid': 'filter-subject' });
  const labels = {
    state: h('span', {}),
    severity: h('span', {}),
    model: h('span', {}),
    mine: h('span', {}),
    firstSeen: h('span', {}),
    to: h('span', {}),
  };

  state.addEventListener('change', () => set({ state: state.value }));
  severity.addEventListener('change', () => set({ severity: severity.value }));
  model.addEventListener('change', () => set({ model: model.value }));
  mine.addEventListener('change', () => set({ mine: mine.checked }));
  // A date input fires change only on a whole date (or on clearing it), never on half a year typed.
  from.addEventListener('change', () => set({ from: from.value }));
  to.addEventListener('change', () => set({ to: to.value }));

  root.append(
    h('label', { class: 'filter' }, labels.state, state),
    h('label', { class: 'filter' }, labels.severity, severity),
    h('label', { class: 'filter filter-wide' }, labels.model, model),
    h('label', { class: 'filter filter-check' }, mine, labels.mine),
    h('div', { class: 'filter filter-dates' }, labels.firstSeen, from, labels.to, to),
    subject,
  );

  let shown = '';
  let synced: InboxFilterValues | null = null;
  let chipFor: string | null | undefined;
  store.subscribe((s) => {
    const t = (k: MessageKey) => translate(s.lang, k);
    // Options are rebuilt only when the language, the model list or the workflow changes, never while a
    // choice is made. The states and their names are the served workflow's.
    const key = `${s.lang}|${s.schema?.models.size ?? 0}|${s.schema?.workflow ? 1 : 0}`;
    if (key !== shown) {
      shown = key;
      synced = null;
      chipFor = undefined;
      labels.state.textContent = t('inbox.state');
      labels.severity.textContent = t('inbox.severity');
      labels.model.textContent = t('inbox.model');
      labels.mine.textContent = t('inbox.mine');
      labels.firstSeen.textContent = t('inbox.firstSeen');
      labels.to.textContent = t('inbox.to');
      from.title = t('inbox.firstSeenFrom');
      to.title = t('inbox.firstSeenTo');
      const states = s.schema?.workflow?.states ?? [];
      options(state, [['', t('inbox.all')], [OPEN, t('inbox.open')], ...states.map((x): [string, string] => [x.code, x[s.lang]])]);
      options(severity, [['', t('inbox.all')], ...SEVERITIES.map((x): [string, string] => [x, t(`severity.${x}` as MessageKey)])]);
      const models = [...(s.schema?.models.values() ?? [])].map((m): [string, string] => [
        m.id,
        modelTitle(s.schema, m.id, m.id, s.lang as Lang),
      ]);
      options(model, [['', t('inbox.all')], ...models]);
    }
    const f = s.inbox;
    if (f !== synced) {
      synced = f;
      state.value = f.state;
      severity.value = f.severity;
      model.value = f.model;
      mine.checked = f.mine;
      from.value = f.from;
      to.value = f.to;
      // The picker offers only days that make a range; a typed inverted range simply matches nothing.
      to.min = f.from;
      from.max = f.to;
    }
    if (chipFor !== (f.subject?.id ?? null)) {
      chipFor = f.subject?.id ?? null;
      subject.hidden = !f.subject;
      fill(
        subject,
        f.subject
          ? h(
              'span',
              { class: 'chip', 'data-testid': 'filter-subject-chip', 'data-id': f.subject.id, title: f.subject.id },
              h('span', { class: 'muted' }, t('inbox.subject')),
              h('strong', {}, f.subject.caption),
              h(
                'button',
                {
                  type: 'button',
                  class: 'chip-x',
                  'data-testid': 'filter-subject-clear',
                  'aria-label': t('inbox.clearSubject'),
                  title: t('inbox.clearSubject'),
                  onclick: () => set({ subject: null }),
                },
                '×',
              ),
            )
          : null,
      );
    }
  });
}

function options(select: HTMLSelectElement, items: [string, string][]): void {
  const value = select.value;
  select.replaceChildren(...items.map(([v, label]) => h('option', { value: v }, label)));
  select.value = value;
}
