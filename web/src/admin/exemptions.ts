// 豁免名单 on the 模型口径 page: the exemptions in force (and expired ones), one added by subject, model,
// reason and expiry, one lifted before its time (two clicks; the reason is the form's).
import type { ExemptionRow } from '../api/policy-queries.js';
import { h, fill } from '../dom.js';
import type { Lang } from '../i18n.js';
import type { PolicySection } from './policy-section.js';
import { attempt, confirmButton, formatDay, onLangChange, table, tr } from './controls.js';

export function mountExemptions(root: HTMLElement, { store, api, error, models }: PolicySection): { open(): void } {
  let rows: ExemptionRow[] | null = null;
  const lang = (): Lang => store.get().lang;
  const head = h('h3', { class: 'section' });
  const subject = h('input', { type: 'text', 'data-testid': 'exemption-subject', maxlength: 300 });
  const model = h('select', { 'data-testid': 'exemption-model' });
  const reason = h('input', { type: 'text', 'data-testid': 'exemption-reason', maxlength: 500 });
  const expires = h('input', { type: 'date', 'data-testid': 'exemption-expires' });
  const labels = { subject: h('span', {}), model: h('span', {}), reason: h('span', {}), expires: h('span', {}) };
  const submit = h('button', { type: 'submit', class: 'btn btn-small', 'data-testid': 'exemption-add' });
  const hint = h('p', { class: 'form-hint', hidden: true });
  const form = h(
    'form',
    { class: 'admin-form', 'data-testid': 'exemption-form' },
    h('label', { class: 'field' }, labels.subject, subject),
    h('label', { class: 'field' }, labels.model, model),
    h('label', { class: 'field' }, labels.reason, reason),
    h('label', { class: 'field' }, labels.expires, expires),
    hint,
    h('div', { class: 'triage-actions' }, submit),
  );
  const list = h('div', { class: 'admin-list' });
  root.append(head, form, list);

  const load = () =>
    attempt(lang, error, async () => {
      rows = await api.exemptions(true);
      render();
    });

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const input = { subject: subject.value.trim(), model: model.value, reason: reason.value.trim(), expires: expires.value };
    hint.hidden = Object.values(input).every(Boolean);
    if (!hint.hidden) return void (hint.textContent = tr(lang())('policy.exemptionFieldsRequired'));
    void attempt(lang, error, async () => {
      await api.addExemption(input);
      subject.value = '';
      reason.value = '';
      await load();
    });
  });

  function row(e: ExemptionRow): HTMLElement {
    const t = tr(lang());
    return h(
      'tr',
      { 'data-testid': 'exemption-row', 'data-id': e.id, class: e.valid ? undefined : 'muted' },
      h('td', { class: 'mono' }, e.subject),
      h('td', { class: 'mono' }, e.model),
      h('td', {}, e.reason),
      h('td', {}, formatDay(e.expires, lang())),
      h('td', {}, `${e.createdBy} · ${formatDay(e.createdAt, lang())}`),
      h('td', {}, e.valid ? t('policy.inForce') : t('policy.expired')),
      h(
        'td',
        { class: 'row-actions' },
        e.valid
          ? confirmButton('exemption-lift', t('policy.lift'), t('policy.confirmLift'), () => {
              if (reason.value.trim().length < 2) {
                hint.hidden = false;
                hint.textContent = t('policy.reasonRequired');
                return;
              }
              void attempt(lang, error, async () => {
                await api.removeExemption(e.id, reason.value.trim());
                await load();
              });
            })
          : null,
      ),
    );
  }

  function render() {
    const t = tr(lang());
    head.textContent = t('policy.exemptionsTitle');
    labels.subject.textContent = t('policy.subject');
    labels.model.textContent = t('policy.model');
    labels.reason.textContent = t('policy.reason');
    labels.expires.textContent = t('policy.expires');
    submit.textContent = t('policy.add');
    const chosen = model.value;
    fill(
      model,
      models().map((id) => h('option', { value: id }, id)),
    );
    if (chosen) model.value = chosen;
    if (rows === null) return fill(list, h('p', { class: 'muted' }, t('alerts.loading')));
    if (rows.length === 0) return fill(list, h('p', { class: 'muted' }, t('policy.noExemptions')));
    const columns = [
      'policy.subject',
      'policy.model',
      'policy.reason',
      'policy.expires',
      'policy.createdBy',
      'policy.valid',
      'triage.actions',
    ] as const;
    fill(list, table('exemption-table', columns, rows.map(row), t));
  }

  onLangChange(store, render);
  return {
    open() {
      render();
      void load();
    },
  };
}
