// The pre-award check's page beside the admin pages: the same #admin area, shown when state.page is
// 'preaward' (the top bar offers it to the roles that may check a subject; the server checks again).
import type { EvidenceApi } from '../api/evidence-queries.js';
import type { PreAwardApi } from '../api/preaward-queries.js';
import { h } from '../dom.js';
import type { Store } from '../state.js';
import { mountPreAward } from './page.js';

export function mountPreAwardPage(root: HTMLElement, store: Store, api: PreAwardApi, evidence: Pick<EvidenceApi, 'recordExport'>): void {
  const el = h('section', { class: 'admin-page preaward-page', 'data-testid': 'page-preaward', hidden: true });
  root.append(el);
  const page = mountPreAward(el, store, api, (kind, entityIds, count) => evidence.recordExport({ kind, entityIds, count }));
  let shown = false;
  store.subscribe((s) => {
    const now = s.page === 'preaward';
    el.hidden = !now;
    if (now && !shown) page.open();
    shown = now;
  });
}
