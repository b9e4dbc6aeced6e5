// The statistics page and the list screening beside the admin pages: the same #admin area, shown by
// state.page like them (admin/pages.ts), with their own API (api/stats-queries.ts).
import type { StatsApi } from '../api/stats-queries.js';
import { h } from '../dom.js';
import type { Page, Store } from '../state.js';
import { mountScreen } from '../screen/page.js';
import { mountStats } from './page.js';

export function mountStatsPages(root: HTMLElement, store: Store, api: StatsApi): void {
  const pages = (['stats', 'screen'] as const).map((page) => {
    const el = h('section', { class: 'admin-page stats-page', 'data-testid': `page-${page}`, hidden: true });
    root.append(el);
    return { page, el, ...(page === 'stats' ? mountStats(el, store, api) : mountScreen(el, store, api)) };
  });
  let shown: Page | null = null;
  store.subscribe((s) => {
    if (s.page === shown) return;
    shown = s.page;
    for (const p of pages) p.el.hidden = p.page !== s.page;
    pages.find((p) => p.page === s.page)?.open();
  });
}
