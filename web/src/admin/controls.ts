// The pieces the admin pages share: the role select, the unit chooser (Org units found by name or code
// through units(q), or the whole county), the box that shows a password or token secret once with a copy
// button, a two-step button for what cannot be undone, and the admin pages' error line.
import { ApiError } from '../api/client.js';
import type { AdminApi, Unit } from '../api/admin-queries.js';
import type { Role } from '../api/types.js';
import { h, fill } from '../dom.js';
import { errorText, translate, type Lang, type MessageKey } from '../i18n.js';
import type { Store } from '../state.js';

type T = (k: MessageKey, p?: Record<string, string | number>) => string;
export const tr =
  (lang: Lang): T =>
  (k, p) =>
    translate(lang, k, p);

/** The whole county: the unit a user or token is given to see everything. */
export const ALL_UNITS = '*';

// A Record over the generated union: a role added to the SDL does not compile until it is placed here.
const ROLE_RANK: Record<Role, number> = { viewer: 0, handler: 1, analyst: 2, admin: 3, system: 4 };
const byRank = (roles: Role[]) => roles.sort((a, b) => ROLE_RANK[a] - ROLE_RANK[b]);
/** People hold one of the four; `system` is for other systems' tokens (server/access/roles.ts). */
export const USER_ROLES: readonly Role[] = byRank((Object.keys(ROLE_RANK) as Role[]).filter((r) => r !== 'system'));
export const TOKEN_ROLES: readonly Role[] = byRank(Object.keys(ROLE_RANK) as Role[]);

export function roleSelect(testid: string, roles: readonly Role[], initial: Role): { el: HTMLSelectElement; relabel(t: T): void } {
  const el = h('select', { 'data-testid': testid });
  let value: string = initial;
  el.addEventListener('change', () => (value = el.value));
  return {
    el,
    relabel(t) {
      value = el.value || value;
      el.replaceChildren(...roles.map((r) => h('option', { value: r }, t(`userRole.${r}`))));
      el.value = value;
    },
  };
}

/** Unit names learned from searches, so lists can show 某某镇 instead of Org:…; the uid until then. */
const unitNames = new Map<string, string>();
export function unitName(uid: string, t: T): string {
  return uid === ALL_UNITS ? t('admin.allUnits') : (unitNames.get(uid) ?? uid);
}
export const unitList = (units: readonly string[], t: T): string => units.map((u) => unitName(u, t)).join('、');

/** Chooses the units of a user or token: the whole county, or Org units found by name or code. */
export function unitChooser(admin: AdminApi, testid: string) {
  let chosen: string[] = [];
  let t: T = tr('zh');
  const all = h('input', { type: 'checkbox', 'data-testid': `${testid}-all` });
  const allLabel = h('span', {});
  const chips = h('div', { class: 'filter-chips', 'data-testid': `${testid}-chosen` });
  const search = h('input', { type: 'search', 'data-testid': `${testid}-search`, autocomplete: 'off' });
  const hits = h('ul', { class: 'unit-hits', 'data-testid': `${testid}-hits` });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;

  const render = () => {
    all.checked = chosen.includes(ALL_UNITS);
    search.disabled = all.checked;
    fill(
      chips,
      chosen
        .filter((u) => u !== ALL_UNITS)
        .map((u) =>
          h(
            'span',
            { class: 'chip', 'data-testid': `${testid}-chip`, 'data-id': u },
            h('strong', {}, unitName(u, t)),
            h('button', { type: 'button', class: 'chip-x', 'aria-label': t('admin.removeUnit'), onclick: () => remove(u) }, '×'),
          ),
        ),
    );
  };
  const remove = (u: string) => {
    chosen = chosen.filter((x) => x !== u);
    render();
  };
  const show = (units: Unit[]) => {
    fill(
      hits,
      units.map((u) =>
        h(
          'li',
          {},
          h(
            'button',
            {
              type: 'button',
              class: 'link',
              'data-testid': `${testid}-hit`,
              'data-id': u.id,
              onclick: () => {
                if (!chosen.includes(u.id)) chosen = [...chosen.filter((x) => x !== ALL_UNITS), u.id];
                fill(hits);
                search.value = '';
                render();
              },
            },
            u.name,
          ),
          h('span', { class: 'muted small' }, ` ${u.id}`),
        ),
      ),
    );
  };
  search.addEventListener('input', () => {
    clearTimeout(timer);
    const q = search.value.trim();
    if (!q) return fill(hits);
    timer = setTimeout(() => {
      const mine = ++asked;
      admin
        .units(q)
        .then((units) => {
          for (const u of units) unitNames.set(u.id, u.name);
          // A slower answer to an earlier query does not replace the newer one.
          if (mine === asked) show(units);
        })
        .catch(() => fill(hits));
    }, 250);
  });
  all.addEventListener('change', () => {
    chosen = all.checked ? [ALL_UNITS] : [];
    render();
  });

  const el = h('div', { class: 'unit-chooser' }, h('label', { class: 'filter-check' }, all, allLabel), chips, search, hits);
  return {
    el,
    get: () => [...chosen],
    set(units: readonly string[]) {
      chosen = [...units];
      search.value = '';
      fill(hits);
      render();
    },
    relabel(next: T) {
      t = next;
      allLabel.textContent = t('admin.allUnits');
      search.placeholder = t('admin.unitSearch');
      render();
    },
  };
}

/** A password or token secret, shown this once, with a copy button. */
export function secretOnce(testid: string, title: string, secret: string, t: T): HTMLElement {
  const copied = h('span', { class: 'muted small', hidden: true }, t('admin.copied'));
  return h(
    'div',
    { class: 'secret-once', 'data-testid': `${testid}-once` },
    h('strong', {}, title),
    h('code', { class: 'secret', 'data-testid': testid }, secret),
    h(
      'button',
      {
        type: 'button',
        class: 'btn btn-small',
        'data-testid': `${testid}-copy`,
        onclick: () => {
          void navigator.clipboard
            ?.writeText(secret)
            .then(() => {
              copied.hidden = false;
            })
            .catch(() => {
              // The secret stays on screen to copy by hand.
            });
        },
      },
      t('admin.copy'),
    ),
    copied,
    h('p', { class: 'muted small' }, t('admin.shownOnce')),
  );
}

/** A button for what cannot be undone: the first click asks, the second does it. */
export function confirmButton(testid: string, label: string, confirm: string, act: () => void): HTMLButtonElement {
  let armed = false;
  const b = h('button', { type: 'button', class: 'btn btn-small btn-ghost', 'data-testid': testid }, label);
  b.addEventListener('click', () => {
    if (!armed) {
      armed = true;
      b.textContent = confirm;
      b.classList.add('btn-danger');
      return;
    }
    act();
  });
  return b;
}

/** Runs an admin call; a failure is shown in the page's error line, in the user's language. */
export async function attempt(lang: () => Lang, error: HTMLElement, fn: () => Promise<void>): Promise<void> {
  error.hidden = true;
  try {
    await fn();
  } catch (e) {
    const err = e instanceof ApiError ? e : new ApiError('CLIENT', e instanceof Error ? e.message : String(e));
    error.textContent = errorText(lang(), err.code, err.message);
    error.hidden = false;
  }
}

/** A list page's table: the column names, then one row per item. */
export function table(testid: string, columns: readonly MessageKey[], rows: HTMLElement[], t: T): HTMLElement {
  return h(
    'table',
    { class: 'admin-table', 'data-testid': testid },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        columns.map((k) => h('th', {}, t(k))),
      ),
    ),
    h('tbody', {}, rows),
  );
}

/** Runs render when the language changes (the lists and forms are relabelled; typed values stay). */
export function onLangChange(store: Store, render: () => void): void {
  let last = store.get().lang;
  store.subscribe((s) => {
    if (s.lang === last) return;
    last = s.lang;
    render();
  });
}

export const formatDay = (iso: string | null | undefined, lang: Lang): string =>
  iso ? new Date(iso).toLocaleDateString(lang === 'zh' ? 'zh-CN' : 'en-GB') : '';
