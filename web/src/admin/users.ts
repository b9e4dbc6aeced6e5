// 用户管理: every user with role, units and state; create one (a generated password is shown once), change
// the display name, role and units, disable or enable, reset the password (the new one shown once), unlock.
// The server ends a user's sessions when their role or units change, they are disabled or their password
// is reset. The form is built once and kept, so a re-render does not wipe what is being typed.
import type { AdminApi, AdminUser } from '../api/admin-queries.js';
import type { UserInput } from '../api/generated.js';
import type { Role } from '../api/types.js';
import { h, fill } from '../dom.js';
import { formatTime } from '../format.js';
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
  unitChooser,
  unitList,
  USER_ROLES,
} from './controls.js';

/** What an edit changes: only the fields that differ, so an admin editing themself sends no role. Pure. */
export function userChanges(
  before: Pick<AdminUser, 'displayName' | 'role' | 'units'>,
  after: { displayName: string; role: Role; units: string[] },
): UserInput {
  const out: UserInput = {};
  if (after.displayName.trim() && after.displayName.trim() !== before.displayName) out.displayName = after.displayName.trim();
  if (after.role !== before.role) out.role = after.role;
  const same = after.units.length === before.units.length && after.units.every((u) => before.units.includes(u));
  if (!same) out.units = after.units;
  return out;
}

export function mountUsers(root: HTMLElement, store: Store, admin: AdminApi): { open(): void } {
  let users: AdminUser[] | null = null;
  /** null: no form; '': a new user; else the name being edited. */
  let editing: string | null = null;
  let secret: { name: string; password: string; reset: boolean } | null = null;
  const lang = (): Lang => store.get().lang;

  const title = h('h2', { class: 'admin-title' });
  const newButton = h('button', { type: 'button', class: 'btn btn-small', 'data-testid': 'user-new' });
  const error = h('p', { class: 'form-hint admin-error', role: 'alert', 'data-testid': 'admin-error', hidden: true });
  const secretBox = h('div', {});
  const list = h('div', { class: 'admin-list' });

  const name = h('input', { type: 'text', 'data-testid': 'user-name', maxlength: 64, autocomplete: 'off' });
  const display = h('input', { type: 'text', 'data-testid': 'user-display', maxlength: 64, autocomplete: 'off' });
  const role = roleSelect('user-role', USER_ROLES, 'handler');
  const units = unitChooser(admin, 'user-units');
  const labels = {
    name: h('span', {}),
    display: h('span', {}),
    role: h('span', {}),
    units: h('span', {}),
    form: h('h3', { class: 'section' }),
  };
  const save = h('button', { type: 'submit', class: 'btn btn-small', 'data-testid': 'user-save' });
  const cancel = h('button', { type: 'button', class: 'btn btn-small btn-ghost', onclick: () => edit(null) });
  const hint = h('p', { class: 'form-hint', hidden: true });
  const form = h(
    'form',
    { class: 'admin-form', 'data-testid': 'user-form', hidden: true },
    labels.form,
    h('label', { class: 'field' }, labels.name, name),
    h('label', { class: 'field' }, labels.display, display),
    h('label', { class: 'field' }, labels.role, role.el),
    h('div', { class: 'field' }, labels.units, units.el),
    hint,
    h('div', { class: 'triage-actions' }, save, cancel),
  );
  root.append(h('div', { class: 'admin-head' }, title, newButton), error, secretBox, form, list);

  const load = () =>
    attempt(lang, error, async () => {
      users = await admin.users();
      render();
    });

  function edit(who: string | null) {
    editing = who;
    hint.hidden = true;
    const u = users?.find((x) => x.name === who);
    name.value = u?.name ?? '';
    name.disabled = who !== '';
    display.value = u?.displayName ?? '';
    role.el.value = u?.role ?? 'handler';
    units.set(u?.units ?? []);
    render();
    if (who !== null) (who === '' ? name : display).focus();
  }

  newButton.addEventListener('click', () => edit(''));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const t = tr(lang());
    const chosen = units.get();
    if (chosen.length === 0) {
      hint.textContent = t('admin.unitsRequired');
      hint.hidden = false;
      return;
    }
    const r = role.el.value as Role;
    void attempt(lang, error, async () => {
      if (editing === '') {
        const made = await admin.createUser({ name: name.value.trim(), displayName: display.value.trim() || null, role: r, units: chosen });
        secret = made.password ? { name: made.user.name, password: made.password, reset: false } : null;
      } else if (editing) {
        const before = users?.find((x) => x.name === editing);
        if (before) await admin.updateUser(editing, userChanges(before, { displayName: display.value, role: r, units: chosen }));
        secret = null;
      }
      editing = null;
      await load();
    });
  });

  const act = (fn: () => Promise<unknown>) =>
    void attempt(lang, error, async () => {
      await fn();
      await load();
    });

  function row(u: AdminUser): HTMLElement {
    const t = tr(lang());
    const locked = u.lockedUntil && new Date(u.lockedUntil).getTime() > Date.now();
    const status = u.disabled
      ? t('admin.disabled')
      : locked
        ? t('admin.lockedUntil', { time: formatTime(u.lockedUntil, lang()) })
        : t('admin.active');
    return h(
      'tr',
      { 'data-testid': 'user-row', 'data-name': u.name, class: u.disabled ? 'muted' : undefined },
      h('td', {}, u.name),
      h('td', {}, u.displayName),
      h('td', {}, t(`userRole.${u.role}`)),
      h('td', {}, unitList(u.units, t)),
      h('td', { 'data-testid': 'user-status' }, status),
      h('td', {}, u.lastSignIn ? formatDay(u.lastSignIn, lang()) : '—'),
      h(
        'td',
        { class: 'row-actions' },
        h(
          'button',
          { type: 'button', class: 'btn btn-small btn-ghost', 'data-testid': 'user-edit', onclick: () => edit(u.name) },
          t('admin.edit'),
        ),
        u.disabled
          ? h(
              'button',
              {
                type: 'button',
                class: 'btn btn-small btn-ghost',
                'data-testid': 'user-enable',
                onclick: () => act(() => admin.updateUser(u.name, { disabled: false })),
              },
              t('admin.enable'),
            )
          : confirmButton('user-disable', t('admin.disable'), t('admin.confirmDisable'), () =>
              act(() => admin.updateUser(u.name, { disabled: true })),
            ),
        u.hasPassword || !u.oidcBound
          ? confirmButton('user-reset', t('admin.resetPassword'), t('admin.confirmReset'), () =>
              act(async () => {
                const r = await admin.resetPassword(u.name);
                secret = r.password ? { name: u.name, password: r.password, reset: true } : null;
              }),
            )
          : null,
        locked
          ? h(
              'button',
              {
                type: 'button',
                class: 'btn btn-small btn-ghost',
                'data-testid': 'user-unlock',
                onclick: () => act(() => admin.unlockUser(u.name)),
              },
              t('admin.unlock'),
            )
          : null,
      ),
    );
  }

  function render() {
    const t = tr(lang());
    title.textContent = t('page.users');
    newButton.textContent = t('admin.newUser');
    labels.name.textContent = t('admin.userName');
    labels.display.textContent = t('admin.displayName');
    labels.role.textContent = t('admin.role');
    labels.units.textContent = t('admin.units');
    labels.form.textContent = editing ? t('admin.editUser', { name: editing }) : t('admin.newUser');
    save.textContent = t('admin.save');
    cancel.textContent = t('triage.cancel');
    role.relabel(t);
    units.relabel(t);
    form.hidden = editing === null;
    fill(
      secretBox,
      secret
        ? secretOnce(
            'user-password',
            t(secret.reset ? 'admin.newPassword' : 'admin.createdPassword', { name: secret.name }),
            secret.password,
            t,
          )
        : null,
    );
    if (users === null) return fill(list, h('p', { class: 'muted' }, t('alerts.loading')));
    fill(
      list,
      table(
        'user-table',
        ['admin.userName', 'admin.displayName', 'admin.role', 'admin.units', 'admin.status', 'admin.lastSignIn', 'triage.actions'],
        users.map(row),
        t,
      ),
    );
  }

  onLangChange(store, render);
  return {
    open() {
      // A password shown once is not shown again on the next visit.
      secret = null;
      editing = null;
      render();
      void load();
    },
  };
}
