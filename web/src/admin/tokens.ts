// 接口令牌: the bearer tokens other systems call the API with. Issue one for a system (name, role, units,
// days valid): the secret is shown this once, with a copy button, and only its hash is kept. Revoke one
// (two clicks); revoked and expired tokens stay listed.
import type { AdminApi, AdminToken } from '../api/admin-queries.js';
import type { Role } from '../api/types.js';
import { h, fill } from '../dom.js';
import type { Lang } from '../i18n.js';
import type { Store } from '../state.js';
import {
  attempt,
  onLangChange,
  table,
  confirmButton,
  formatDay,
  roleSelect,
  secretOnce,
  tr,
  TOKEN_ROLES,
  unitChooser,
  unitList,
} from './controls.js';

/** The server takes 1 to 730 days (server/access/tokens.ts). */
export const MAX_TOKEN_DAYS = 730;

/** Days as typed, or null when not a whole number from 1 to 730. Pure. */
export function tokenDays(text: string): number | null {
  const n = Number(text.trim());
  return Number.isInteger(n) && n >= 1 && n <= MAX_TOKEN_DAYS ? n : null;
}

export function mountTokens(root: HTMLElement, store: Store, admin: AdminApi): { open(): void } {
  let tokens: AdminToken[] | null = null;
  let issued: { name: string; secret: string } | null = null;
  const lang = (): Lang => store.get().lang;

  const title = h('h2', { class: 'admin-title' });
  const error = h('p', { class: 'form-hint admin-error', role: 'alert', 'data-testid': 'admin-error', hidden: true });
  const secretBox = h('div', {});
  const list = h('div', { class: 'admin-list' });
  const name = h('input', { type: 'text', 'data-testid': 'token-name', maxlength: 64, autocomplete: 'off' });
  const role = roleSelect('token-role', TOKEN_ROLES, 'system');
  const units = unitChooser(admin, 'token-units');
  const days = h('input', { type: 'number', 'data-testid': 'token-days', min: 1, max: MAX_TOKEN_DAYS, value: 90 });
  const labels = {
    form: h('h3', { class: 'section' }),
    name: h('span', {}),
    role: h('span', {}),
    units: h('span', {}),
    days: h('span', {}),
  };
  const submit = h('button', { type: 'submit', class: 'btn btn-small', 'data-testid': 'token-issue' });
  const hint = h('p', { class: 'form-hint', hidden: true });
  const form = h(
    'form',
    { class: 'admin-form', 'data-testid': 'token-form' },
    labels.form,
    h('label', { class: 'field' }, labels.name, name),
    h('label', { class: 'field' }, labels.role, role.el),
    h('div', { class: 'field' }, labels.units, units.el),
    h('label', { class: 'field' }, labels.days, days),
    hint,
    h('div', { class: 'triage-actions' }, submit),
  );
  root.append(h('div', { class: 'admin-head' }, title), error, secretBox, form, list);

  const load = () =>
    attempt(lang, error, async () => {
      tokens = await admin.tokens();
      render();
    });

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const t = tr(lang());
    const chosen = units.get();
    const d = tokenDays(days.value);
    const missing = !name.value.trim()
      ? 'admin.tokenNameRequired'
      : chosen.length === 0
        ? 'admin.unitsRequired'
        : d === null
          ? 'admin.daysRange'
          : null;
    hint.hidden = !missing;
    if (missing || d === null) {
      hint.textContent = missing ? t(missing, { max: MAX_TOKEN_DAYS }) : '';
      return;
    }
    void attempt(lang, error, async () => {
      const r = await admin.issueToken({ name: name.value.trim(), role: role.el.value as Role, units: chosen, days: d });
      issued = { name: r.token.name, secret: r.secret };
      name.value = '';
      units.set([]);
      await load();
    });
  });

  function row(k: AdminToken): HTMLElement {
    const t = tr(lang());
    const expired = new Date(k.expiresAt).getTime() <= Date.now();
    const status = k.revokedAt
      ? t('admin.revokedOn', { day: formatDay(k.revokedAt, lang()) })
      : expired
        ? t('admin.expired')
        : t('admin.validUntil', { day: formatDay(k.expiresAt, lang()) });
    return h(
      'tr',
      { 'data-testid': 'token-row', 'data-id': k.id, 'data-name': k.name, class: k.revokedAt || expired ? 'muted' : undefined },
      h('td', { class: 'mono' }, k.id),
      h('td', {}, k.name),
      h('td', {}, t(`userRole.${k.role}`)),
      h('td', {}, unitList(k.units, t)),
      h('td', {}, `${k.createdBy} · ${formatDay(k.createdAt, lang())}`),
      h('td', { 'data-testid': 'token-status' }, status),
      h('td', {}, k.lastUsedAt ? formatDay(k.lastUsedAt, lang()) : '—'),
      h(
        'td',
        { class: 'row-actions' },
        k.revokedAt
          ? null
          : confirmButton(
              'token-revoke',
              t('admin.revoke'),
              t('admin.confirmRevoke'),
              () =>
                void attempt(lang, error, async () => {
                  await admin.revokeToken(k.id);
                  await load();
                }),
            ),
      ),
    );
  }

  function render() {
    const t = tr(lang());
    title.textContent = t('page.tokens');
    labels.form.textContent = t('admin.issueToken');
    labels.name.textContent = t('admin.tokenName');
    labels.role.textContent = t('admin.role');
    labels.units.textContent = t('admin.units');
    labels.days.textContent = t('admin.days');
    submit.textContent = t('admin.issue');
    role.relabel(t);
    units.relabel(t);
    fill(secretBox, issued ? secretOnce('token-secret', t('admin.tokenSecret', { name: issued.name }), issued.secret, t) : null);
    if (tokens === null) return fill(list, h('p', { class: 'muted' }, t('alerts.loading')));
    if (tokens.length === 0) return fill(list, h('p', { class: 'muted' }, t('admin.noTokens')));
    fill(
      list,
      table(
        'token-table',
        [
          'admin.tokenId',
          'admin.tokenName',
          'admin.role',
          'admin.units',
          'admin.issuedBy',
          'admin.status',
          'admin.lastUsed',
          'triage.actions',
        ],
        tokens.map(row),
        t,
      ),
    );
  }

  onLangChange(store, render);
  return {
    open() {
      issued = null;
      render();
      void load();
    },
  };
}
