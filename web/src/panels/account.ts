// The signed-in user's part of the top bar: the pages their permissions open (explorer, users, tokens,
// audit trail, data filing), the 查询事由 of this working session (click to change it), their display name and role as
// the server knows them (Query.me), change password, and sign out.
import type { Me } from '../api/types.js';
import { h, fill } from '../dom.js';
import { translate, type MessageKey } from '../i18n.js';
import type { Page, Store } from '../state.js';

/** The pages the caller may open, in the order the bar shows them; the explorer is always there. Pure. */
export function pagesFor(me: Pick<Me, 'permissions'> | null): Page[] {
  const p = new Set(me?.permissions ?? []);
  const pages: Page[] = ['explore'];
  // 统计分析 reads what every role reads; 名单筛查 is a bulk lookup, for the roles that may screen lists.
  if (p.has('read')) pages.push('stats');
  if (p.has('screenLists')) pages.push('screen');
  // 投标前核查 answers about people (officials and their kin): the roles that may check a subject.
  if (p.has('checkSubject')) pages.push('preaward');
  if (p.has('manageAccess')) pages.push('users', 'tokens');
  if (p.has('readAudit')) pages.push('audit');
  // 数据备案: the page shows a delivery's rejected rows, so it is offered with that permission.
  if (p.has('readRejects')) pages.push('feeds');
  if (p.has('resolveEntities')) pages.push('resolution');
  // 模型口径: analysts read the policy and keep exemptions; admins also change the policy and import models.
  if (p.has('manageExemptions')) pages.push('policy');
  if (p.has('authorModels')) pages.push('workbench');
  return pages;
}

export function mountAccount(root: HTMLElement, store: Store): void {
  const nav = h('nav', { class: 'page-nav', 'data-testid': 'page-nav' });
  const reason = h('button', {
    type: 'button',
    class: 'reason-chip',
    'data-testid': 'reason-chip',
    onclick: () => store.dispatch({ type: 'changeReason' }),
  });
  const who = h('span', { class: 'me-name', 'data-testid': 'me-name' });
  const role = h('span', { class: 'me-role', 'data-testid': 'me-role' });
  const password = h('button', {
    type: 'button',
    class: 'btn btn-small btn-ghost topbar-btn',
    'data-testid': 'change-password',
    onclick: () => store.dispatch({ type: 'dialog', dialog: 'password' }),
  });
  const signOut = h('button', {
    type: 'button',
    class: 'btn btn-small btn-ghost topbar-btn',
    'data-testid': 'sign-out',
    onclick: () => store.dispatch({ type: 'signOut' }),
  });
  root.append(nav, reason, h('span', { class: 'me' }, who, role), password, signOut);

  store.subscribe((s) => {
    const t = (k: MessageKey, p?: Record<string, string | number>) => translate(s.lang, k, p);
    const pages = pagesFor(s.me);
    nav.hidden = pages.length < 2;
    fill(
      nav,
      pages.map((p) =>
        h(
          'button',
          {
            type: 'button',
            class: `page-link${p === s.page ? ' active' : ''}`,
            'data-testid': `nav-${p}`,
            'aria-current': p === s.page ? 'page' : undefined,
            onclick: () => store.dispatch({ type: 'page', page: p }),
          },
          t(`page.${p}`),
        ),
      ),
    );
    reason.textContent = s.reason ? t('reason.chip', { reason: s.reason }) : t('reason.none');
    reason.title = t('reason.change');
    who.textContent = s.me?.displayName ?? '';
    who.title = s.me?.name ?? '';
    role.textContent = s.me ? t(`userRole.${s.me.role}`) : '';
    // Someone who signs in through the identity provider changes their password there.
    password.hidden = !s.me || s.me.via !== 'password';
    password.textContent = t('account.password');
    signOut.textContent = t('account.signOut');
  });
}
