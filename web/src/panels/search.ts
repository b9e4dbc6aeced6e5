// The search results list: label (schema name, in colour), caption, masked identifier, and "add".
import { displayId } from '../format.js';
import { translate } from '../i18n.js';
import { h, fill } from '../dom.js';
import { labelName } from '../schema.js';
import type { Store } from '../state.js';

export function mountSearchResults(root: HTMLElement, store: Store): void {
  store.subscribe((s) => {
    const t = (k: Parameters<typeof translate>[1]) => translate(s.lang, k);
    if (s.searching) return fill(root, h('p', { class: 'muted pad' }, t('search.searching')));
    if (s.results === null) return fill(root, h('p', { class: 'muted pad' }, t('search.hint')));
    if (s.results.length === 0) return fill(root, h('p', { class: 'muted pad' }, t('search.empty')));
    fill(
      root,
      h(
        'ul',
        { class: 'list' },
        s.results.map(({ entity: e }) => {
          const info = s.schema?.labels.get(e.label);
          const on = s.onCanvas.has(e.id);
          return h(
            'li',
            { class: 'list-item result', 'data-testid': 'search-result', 'data-id': e.id },
            h(
              'div',
              { class: 'result-main' },
              h('span', { class: 'label-chip', style: `--chip:${info?.color ?? '#94a3b8'}` }, labelName(s.schema, e.label, s.lang)),
              h('span', { class: 'result-caption', title: e.caption }, e.caption),
            ),
            h(
              'div',
              { class: 'result-sub' },
              h('span', { class: 'mono muted' }, displayId(e)),
              h(
                'button',
                {
                  type: 'button',
                  class: on ? 'btn btn-small btn-ghost' : 'btn btn-small',
                  'data-testid': 'add-to-canvas',
                  onclick: () => store.dispatch(on ? { type: 'selectOnCanvas', id: e.id } : { type: 'add', id: e.id }),
                },
                on ? t('search.onCanvas') : t('search.add'),
              ),
            ),
          );
        }),
      ),
    );
  });
}
