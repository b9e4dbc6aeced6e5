// The alert inbox: the filter bar, then per alert severity, state, model title, summary in the current
// language, amount and assignee; "load more" pages on with the API's cursor. A click opens the alert's
// evidence on the canvas. With filters set, an empty list says that nothing matches and offers to clear them.
import { formatAmount, formatTime } from '../format.js';
import { translate, type MessageKey } from '../i18n.js';
import { h, fill } from '../dom.js';
import { hasFilter } from '../inbox.js';
import { modelTitle } from '../schema.js';
import { NO_FILTER, type Store } from '../state.js';
import { stateName } from '../workflow.js';
import { mountInboxFilters } from './inbox-filters.js';

export function mountAlerts(root: HTMLElement, store: Store): void {
  const filters = h('div', { class: 'inbox-filters', 'data-testid': 'inbox-filters' });
  const list = h('div', { class: 'inbox-list' });
  root.append(filters, list);
  mountInboxFilters(filters, store);

  store.subscribe((s) => {
    const t = (k: MessageKey, p?: Record<string, string | number>) => translate(s.lang, k, p);
    if (s.alerts === null) return fill(list, h('p', { class: 'muted pad' }, t('alerts.loading')));
    if (s.alerts.length === 0) {
      if (!hasFilter(s.inbox)) return fill(list, h('p', { class: 'muted pad', 'data-testid': 'alerts-empty' }, t('alerts.empty')));
      return fill(
        list,
        h(
          'div',
          { class: 'pad' },
          h('p', { class: 'muted', 'data-testid': 'alerts-empty' }, t('inbox.noMatch')),
          h(
            'button',
            {
              type: 'button',
              class: 'btn btn-small btn-ghost',
              'data-testid': 'clear-filters',
              onclick: () => store.dispatch({ type: 'inboxFilter', patch: { ...NO_FILTER } }),
            },
            t('inbox.clearFilters'),
          ),
        ),
      );
    }
    const more = s.alerts.length < s.alertsTotal;
    fill(
      list,
      h(
        'p',
        { class: 'muted pad-x small' },
        more ? t('inbox.shown', { n: s.alerts.length, total: s.alertsTotal }) : t('alerts.count', { n: s.alertsTotal }),
      ),
      h(
        'ul',
        { class: 'list' },
        s.alerts.map((a) =>
          h(
            'li',
            {
              class: `list-item alert-item${s.alert?.id === a.id ? ' active' : ''}`,
              'data-testid': 'alert-item',
              'data-id': a.id,
              'data-state': a.state,
              tabindex: 0,
              role: 'button',
              onclick: () => store.dispatch({ type: 'openAlert', id: a.id }),
              onkeydown: (ev) => {
                if ((ev as KeyboardEvent).key === 'Enter') store.dispatch({ type: 'openAlert', id: a.id });
              },
            },
            h(
              'div',
              { class: 'alert-head' },
              h('span', { class: `sev sev-${a.severity}` }, t(`severity.${a.severity}` as MessageKey)),
              h('span', { class: 'alert-title' }, modelTitle(s.schema, a.modelId, a.modelTitle, s.lang)),
              h('span', { class: `state state-${a.state}` }, stateName(s.schema?.workflow, a.state, s.lang)),
            ),
            h('p', { class: 'alert-summary' }, a.summary),
            h(
              'div',
              { class: 'alert-meta muted small' },
              a.amount != null ? h('span', {}, `${t('alerts.amount')} ${formatAmount(a.amount, s.lang)}`) : null,
              a.assignee ? h('span', {}, `${t('triage.assignee')} ${a.assignee}`) : null,
              h('span', {}, formatTime(a.lastSeen, s.lang)),
            ),
          ),
        ),
      ),
      more
        ? h(
            'div',
            { class: 'pad' },
            h(
              'button',
              {
                type: 'button',
                class: 'btn btn-small btn-ghost load-more',
                'data-testid': 'load-more',
                onclick: () => store.dispatch({ type: 'loadMore' }),
              },
              t('inbox.loadMore'),
            ),
          )
        : null,
    );
  });
}
