// The inbox's filter bar: state, severity, model, "mine only", and who "me" is. Built once and only
// relabelled on a language switch, so a select keeps its focus and a name being typed is not re-rendered.
import { currentInboxFilter, currentUser, setInboxFilter, USER_KEY } from '../api/queries.js';
import type { InboxFilter, Severity } from '../api/types.js';
import { h } from '../dom.js';
import { codeName, translate, type Lang, type MessageKey } from '../i18n.js';
import { modelTitle } from '../schema.js';
import type { Store } from '../state.js';
import { triageFor } from './triage.js';

const SEVERITIES: readonly Severity[] = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'];
const STATES = ['new', 'assigned', 'verifying', 'confirmed', 'partly_confirmed', 'dismissed', 'rectified'];
/** Not concluded yet: what a handler works through. */
export const OPEN_STATES = ['new', 'assigned', 'verifying'];
const OPEN = 'open';

/** The select values as an API filter. Pure. */
export function filterFrom(v: { state: string; severity: string; model: string; mine: boolean }): InboxFilter {
  return {
    state: v.state && v.state !== OPEN ? v.state : null,
    states: v.state === OPEN ? OPEN_STATES : null,
    severity: (v.severity || null) as Severity | null,
    modelId: v.model || null,
    assignedToMe: v.mine || null,
  };
}

export function mountInboxFilters(root: HTMLElement, store: Store): void {
  const triage = triageFor(store);
  const state = h('select', { 'data-testid': 'filter-state' });
  const severity = h('select', { 'data-testid': 'filter-severity' });
  const model = h('select', { 'data-testid': 'filter-model' });
  const mine = h('input', { type: 'checkbox', 'data-testid': 'filter-mine' });
  const user = h('input', { type: 'text', class: 'user-input', 'data-testid': 'filter-user', maxlength: 64 });
  user.value = currentUser();
  const labels = { state: h('span', {}), severity: h('span', {}), model: h('span', {}), mine: h('span', {}), user: h('span', {}) };

  const apply = () => {
    setInboxFilter(filterFrom({ state: state.value, severity: severity.value, model: model.value, mine: mine.checked }));
    void triage.reloadInbox();
  };
  for (const el of [state, severity, model, mine]) el.addEventListener('change', apply);
  user.addEventListener('change', () => {
    try {
      window.localStorage.setItem(USER_KEY, user.value.trim());
    } catch {
      // Not remembered in a locked-down profile; the name is still used for this page.
    }
    if (mine.checked) apply();
  });

  root.append(
    h('label', { class: 'filter' }, labels.state, state),
    h('label', { class: 'filter' }, labels.severity, severity),
    h('label', { class: 'filter filter-wide' }, labels.model, model),
    h('label', { class: 'filter filter-check' }, mine, labels.mine),
    h('label', { class: 'filter' }, labels.user, user),
  );

  let shown = '';
  store.subscribe((s) => {
    // Options are rebuilt only when the language or the model list changes, never while a choice is made.
    const key = `${s.lang}|${s.schema?.models.size ?? 0}`;
    if (key === shown) return;
    shown = key;
    const t = (k: MessageKey) => translate(s.lang, k);
    labels.state.textContent = t('inbox.state');
    labels.severity.textContent = t('inbox.severity');
    labels.model.textContent = t('inbox.model');
    labels.mine.textContent = t('inbox.mine');
    labels.user.textContent = t('triage.user');
    user.placeholder = t('triage.userPlaceholder');
    const f = currentInboxFilter();
    options(state, [['', t('inbox.all')], [OPEN, t('inbox.open')], ...STATES.map((x): [string, string] => [x, codeName(s.lang, 'state', x)])], f.states ? OPEN : (f.state ?? ''));
    options(severity, [['', t('inbox.all')], ...SEVERITIES.map((x): [string, string] => [x, t(`severity.${x}` as MessageKey)])], f.severity ?? '');
    const models = [...(s.schema?.models.values() ?? [])].map((m): [string, string] => [m.id, modelTitle(s.schema, m.id, m.id, s.lang as Lang)]);
    options(model, [['', t('inbox.all')], ...models], f.modelId ?? '');
  });
}

function options(select: HTMLSelectElement, items: [string, string][], value: string): void {
  select.replaceChildren(...items.map(([v, label]) => h('option', { value: v }, label)));
  select.value = value;
}
