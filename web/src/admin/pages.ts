// The admin pages in place of the explorer's three columns: which one shows follows state.page (the top
// bar offers them by the caller's permissions; the server checks those again on every call). Opening a
// page loads its list afresh.
import type { AdminApi } from '../api/admin-queries.js';
import { h } from '../dom.js';
import type { Page, Store } from '../state.js';
import { mountAudit } from './audit.js';
import { mountFeeds } from './feeds.js';
import { mountResolution } from './resolution.js';
import { mountTokens } from './tokens.js';
import { mountUsers } from './users.js';
import { mountPolicy } from './policy.js';
import type { PolicyApi } from '../api/policy-queries.js';
import type { WorkbenchApi } from '../api/workbench-queries.js';

export function mountAdmin(root: HTMLElement, store: Store, admin: AdminApi, policy: PolicyApi, workbench: WorkbenchApi): void {
  const pages: Partial<Record<Page, { el: HTMLElement; open(): void }>> = {};
  const add = (page: Page, mount: (el: HTMLElement, store: Store, admin: AdminApi) => { open(): void }) => {
    const el = h('section', { class: 'admin-page', 'data-testid': `page-${page}`, hidden: true });
    root.append(el);
    pages[page] = { el, ...mount(el, store, admin) };
  };
  add('users', mountUsers);
  add('tokens', mountTokens);
  add('audit', mountAudit);
  add('feeds', mountFeeds);
  add('resolution', mountResolution);
  add('policy', (el, s) => mountPolicy(el, s, policy));
  // The editor (CodeMirror and Neo4j's Cypher support) is the largest part of the page's code and only
  // analysts open it, so it loads when the page is first opened. If it cannot start, the page says why and
  // the explorer and the other pages still work.
  add('workbench', (el, st) => {
    let mounted: Promise<{ open(): void }> | null = null;
    return {
      open() {
        mounted ??= import('../workbench/page.js')
          .then((m) => m.mountWorkbench(el, st, workbench))
          .catch((e: unknown) => {
            el.textContent = (e as Error).message;
            return { open() {} };
          });
        void mounted.then((p) => p.open());
      },
    };
  });

  let shown: Page | null = null;
  store.subscribe((s) => {
    if (s.page === shown) return;
    shown = s.page;
    for (const [page, p] of Object.entries(pages)) p.el.hidden = page !== s.page;
    pages[s.page]?.open();
  });
}
