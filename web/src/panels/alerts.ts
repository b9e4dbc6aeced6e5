// The alert inbox: severity, model title and summary in the current language, amount. A click opens the
// alert's evidence on the canvas.
import { formatAmount, formatTime } from '../format.js';
import { translate, type MessageKey } from '../i18n.js';
import { h, fill } from '../dom.js';
import { modelTitle } from '../schema.js';
import type { Store } from '../state.js';

export function mountAlerts(root: HTMLElement, store: Store): void {
  store.subscribe((s) => {
    const t = (k: MessageKey, p?: Record<string, string | number>) => translate(s.lang, k, p);
    if (s.alerts === null) return fill(root, h('p', { class: 'muted pad' }, t('alerts.loading')));
    if (s.alerts.length === 0) return fill(root, h('p', { class: 'muted pad' }, t('alerts.empty')));
    fill(
      root,
      h('p', { class: 'muted pad-x small' }, t('alerts.count', { n: s.alertsTotal })),
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
            ),
            h('p', { class: 'alert-summary' }, a.summary),
            h(
              'div',
              { class: 'alert-meta muted small' },
              a.amount != null ? h('span', {}, `${t('alerts.amount')} ${formatAmount(a.amount, s.lang)}`) : null,
              h('span', {}, formatTime(a.lastSeen, s.lang)),
            ),
          ),
        ),
      ),
    );
  });
}
