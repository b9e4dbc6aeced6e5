// A legend for the labels on the canvas: colour and name from the schema data. It reads the uids in the
// state (a uid starts with its label), so it needs nothing from the graph instance.
import { h, fill } from '../dom.js';
import { labelName } from '../schema.js';
import type { Store } from '../state.js';

export function labelsOnCanvas(uids: Iterable<string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const uid of uids) {
    const label = uid.slice(0, Math.max(0, uid.indexOf(':'))) || uid;
    out.set(label, (out.get(label) ?? 0) + 1);
  }
  return out;
}

export function mountLegend(root: HTMLElement, store: Store): void {
  store.subscribe((s) => {
    const labels = labelsOnCanvas(s.onCanvas);
    root.hidden = labels.size === 0;
    fill(
      root,
      [...labels].map(([label, n]) =>
        h(
          'span',
          { class: 'legend-item', 'data-testid': 'legend-item' },
          h('span', { class: 'legend-dot', style: `--chip:${s.schema?.labels.get(label)?.color ?? '#94a3b8'}` }),
          `${labelName(s.schema, label, s.lang)} ${n}`,
        ),
      ),
    );
  });
}
