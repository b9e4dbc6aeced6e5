// Top bar: product name, the search box, the language switch, and a slot for the signed-in user's part
// (panels/account.ts). The input is built once and never re-rendered, so typing is not interrupted by
// state updates.
import { translate } from '../i18n.js';
import { h } from '../dom.js';
import type { Store } from '../state.js';

/** Returns the slot the account panel goes in. */
export function mountTopbar(root: HTMLElement, store: Store): HTMLElement {
  const title = h('span', { class: 'brand-name' });
  const subtitle = h('span', { class: 'brand-sub' });
  const input = h('input', {
    type: 'search',
    class: 'search-input',
    'data-testid': 'search-input',
    autocomplete: 'off',
    spellcheck: 'false',
  });
  const button = h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'search-button' });
  const form = h('form', { class: 'search-form', role: 'search' }, input, button);
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const q = input.value.trim();
    if (q) store.dispatch({ type: 'search', q });
  });
  const lang = h('button', { type: 'button', class: 'btn btn-ghost lang-switch', 'data-testid': 'lang-switch' });
  lang.addEventListener('click', () => store.dispatch({ type: 'lang', lang: store.get().lang === 'zh' ? 'en' : 'zh' }));
  const busy = h('span', { class: 'busy', 'aria-hidden': 'true' });

  const account = h('div', { class: 'account' });
  root.append(h('div', { class: 'brand' }, h('span', { class: 'brand-mark' }, '慧'), title, subtitle), form, busy, lang, account);

  // "/" jumps to search and Esc lets go of the selection, as in most investigation tools; neither fires
  // while the user is typing in a field.
  document.addEventListener('keydown', (ev) => {
    const typing = ev.target instanceof HTMLElement && ev.target.closest('input, textarea, [contenteditable]');
    if (ev.key === '/' && !typing) {
      ev.preventDefault();
      input.focus();
      input.select();
    } else if (ev.key === 'Escape') {
      if (typing) (ev.target as HTMLElement).blur();
      else store.dispatch({ type: 'unselect' });
    }
  });

  store.subscribe((s) => {
    const t = (k: Parameters<typeof translate>[1]) => translate(s.lang, k);
    title.textContent = t('app.title');
    subtitle.textContent = t('app.subtitle');
    input.placeholder = t('search.placeholder');
    button.textContent = t('search.button');
    lang.textContent = t('lang.switch');
    lang.title = t('lang.switchTitle');
    busy.classList.toggle('on', s.busy > 0);
    // The search belongs to the explorer, not to the admin pages.
    form.hidden = s.page !== 'explore';
  });
  return account;
}
