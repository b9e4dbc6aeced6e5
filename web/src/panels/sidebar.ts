// Left panel: two tabs, search results and the alert inbox.
import { translate } from '../i18n.js';
import { h } from '../dom.js';
import type { Store, Tab } from '../state.js';
import { mountAlerts } from './alerts.js';
import { mountSearchResults } from './search.js';

export function mountSidebar(root: HTMLElement, store: Store): void {
  const tabButton = (tab: Tab) =>
    h('button', {
      type: 'button',
      role: 'tab',
      class: 'tab',
      'data-testid': `tab-${tab}`,
      onclick: () => store.dispatch({ type: 'tab', tab }),
    });
  const searchTab = tabButton('search');
  const alertsTab = tabButton('alerts');
  const searchBody = h('div', { class: 'tab-body', role: 'tabpanel', 'data-testid': 'search-results' });
  const alertsBody = h('div', { class: 'tab-body', role: 'tabpanel', 'data-testid': 'alert-list' });
  root.append(h('div', { class: 'tabs', role: 'tablist' }, searchTab, alertsTab), searchBody, alertsBody);
  mountSearchResults(searchBody, store);
  mountAlerts(alertsBody, store);

  store.subscribe((s) => {
    searchTab.textContent = translate(s.lang, 'tab.search');
    if (s.results) searchTab.append(h('span', { class: 'count' }, String(s.results.length)));
    alertsTab.textContent = translate(s.lang, 'tab.alerts');
    if (s.alerts) alertsTab.append(h('span', { class: 'count' }, String(s.alertsTotal)));
    searchTab.setAttribute('aria-selected', String(s.tab === 'search'));
    alertsTab.setAttribute('aria-selected', String(s.tab === 'alerts'));
    searchBody.hidden = s.tab !== 'search';
    alertsBody.hidden = s.tab !== 'alerts';
  });
}
