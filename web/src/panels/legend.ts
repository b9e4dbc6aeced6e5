// The legend: the labels and relationship types on the canvas, colour and name from the schema data, with
// counts. Each item is a switch: a click hides that label or type on the canvas (filter out payments, or
// every household), another click shows it again. Labels come from the uids in the state (a uid starts
// with its label) and types from the canvas counts, so it needs nothing from the graph instance.
import { h, fill } from '../dom.js';
import { translate } from '../i18n.js';
import { labelName, relName } from '../schema.js';
import type { State, Store } from '../state.js';

export function labelsOnCanvas(uids: Iterable<string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const uid of uids) {
    const label = uid.slice(0, Math.max(0, uid.indexOf(':'))) || uid;
    out.set(label, (out.get(label) ?? 0) + 1);
  }
  return out;
}

function legendItem(s: State, store: Store, kind: 'labels' | 'types', name: string, text: string, color: string | null): HTMLElement {
  const off = s.canvas.filter[kind].includes(name);
  return h(
    'button',
    {
      type: 'button',
      class: `legend-item${off ? ' off' : ''}`,
      'data-testid': kind === 'labels' ? 'legend-item' : 'legend-type',
      'data-name': name,
      'aria-pressed': String(!off),
      title: translate(s.lang, 'legend.toggle'),
      onclick: () => store.dispatch({ type: 'toggleFilter', kind, name }),
    },
    color ? h('span', { class: 'legend-dot', style: `--chip:${color}` }) : h('span', { class: 'legend-line' }),
    text,
  );
}

export function mountLegend(root: HTMLElement, store: Store): void {
  store.subscribe((s) => {
    const labels = labelsOnCanvas(s.onCanvas);
    // A filtered-out label or type keeps its switch even when nothing of it is left to show.
    for (const l of s.canvas.filter.labels) if (!labels.has(l)) labels.set(l, 0);
    const types = new Map(s.canvas.types);
    for (const t of s.canvas.filter.types) if (!types.has(t)) types.set(t, 0);
    root.hidden = labels.size === 0 && types.size === 0;
    fill(
      root,
      h('span', { class: 'legend-head' }, translate(s.lang, 'legend.labels')),
      [...labels].map(([label, n]) =>
        legendItem(
          s,
          store,
          'labels',
          label,
          `${labelName(s.schema, label, s.lang)} ${n}`,
          s.schema?.labels.get(label)?.color ?? '#94a3b8',
        ),
      ),
      types.size > 0 ? h('span', { class: 'legend-head' }, translate(s.lang, 'legend.types')) : null,
      [...types].map(([type, n]) => legendItem(s, store, 'types', type, `${relName(s.schema, type, s.lang)} ${n}`, null)),
    );
  });
}
