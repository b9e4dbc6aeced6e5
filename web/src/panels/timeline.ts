// Under the canvas: the dated facts on it as marks on a strip (posts, company roles, awards, payments,
// cases; view/as-of.ts reads their dates), and the as-of slider with a date field beside it: moving either
// hides what was not true on that day. "全部" shows everything again.
import { h } from '../dom.js';
import { edgeElementId } from '../graph/elements.js';
import { translate } from '../i18n.js';
import { relName } from '../schema.js';
import type { Store } from '../state.js';
import { addDays, daysBetween, type TimelineMark } from '../view/as-of.js';

/** The strip's span: first start to last start or end, with a day either side so the ends are reachable. */
export function spanOf(marks: readonly TimelineMark[]): { first: string; days: number } | null {
  if (marks.length === 0) return null;
  const days = marks.flatMap((m) => (m.end ? [m.start, m.end] : [m.start])).sort();
  const first = addDays(days[0]!, -1);
  return { first, days: Math.max(2, daysBetween(first, addDays(days.at(-1)!, 1))) };
}

export function mountTimeline(root: HTMLElement, store: Store): void {
  const label = h('span', { class: 'tl-label' });
  const slider = h('input', { type: 'range', class: 'tl-slider', min: '0', max: '1', step: '1', 'data-testid': 'asof-slider' });
  const date = h('input', { type: 'date', class: 'tl-date', 'data-testid': 'asof-date' });
  const all = h('button', {
    type: 'button',
    class: 'btn btn-small btn-ghost',
    'data-testid': 'asof-all',
    onclick: () => store.dispatch({ type: 'asOf', day: null }),
  });
  const note = h('span', { class: 'tl-note', 'data-testid': 'asof-note' });
  const strip = h('div', { class: 'tl-strip', 'data-testid': 'timeline' });
  const box = h(
    'div',
    { class: 'timeline', 'data-testid': 'timeline-box' },
    h('div', { class: 'tl-controls' }, label, slider, date, all, note),
    strip,
  );
  root.append(box);

  let span: ReturnType<typeof spanOf> = null;
  slider.addEventListener('input', () => {
    if (span) store.dispatch({ type: 'asOf', day: addDays(span.first, Number(slider.value)) });
  });
  date.addEventListener('change', () => store.dispatch({ type: 'asOf', day: /^\d{4}-\d{2}-\d{2}$/.test(date.value) ? date.value : null }));

  let drawn = '';
  store.subscribe((s) => {
    const t = (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) => translate(s.lang, k, p);
    box.hidden = s.counts.nodes === 0;
    label.textContent = t('ev.asOf');
    all.textContent = t('ev.asOf.all');
    all.disabled = s.asOf === null;
    span = spanOf(s.timeline.marks);
    slider.disabled = span === null;
    if (span) {
      slider.max = String(span.days);
      slider.dataset.first = span.first;
      slider.value = String(s.asOf ? Math.min(span.days, Math.max(0, daysBetween(span.first, s.asOf))) : span.days);
    }
    date.value = s.asOf ?? '';
    const dimmed = s.timeline.dimmed > 0 ? t('ev.asOf.dimmed', { n: s.timeline.dimmed }) : '';
    note.textContent = !span ? t('ev.asOf.none') : s.asOf ? t('ev.asOf.hidden', { n: s.timeline.hidden, date: s.asOf }) + dimmed : '';
    const key = `${s.lang}|${s.asOf}|${s.timeline.marks.map((m) => m.id).join()}`;
    if (key === drawn || !span) return;
    drawn = key;
    const sp = span;
    strip.replaceChildren(
      ...s.timeline.marks.map((m) => {
        const left = (daysBetween(sp.first, m.start) / sp.days) * 100;
        const width = m.end ? Math.max(0.6, (daysBetween(m.start, m.end) / sp.days) * 100) : 0;
        const off = s.asOf !== null && (m.start > s.asOf || (m.end !== null && m.end < s.asOf));
        return h('span', {
          class: `tl-mark${m.end ? ' tl-spell' : ''}${off ? ' tl-off' : ''}`,
          style: `left:${left}%;${width ? `width:${width}%` : ''}`,
          title: `${relName(s.schema, m.type, s.lang)} ${m.start}${m.end ? ` – ${m.end}` : ''}`,
          'data-testid': 'timeline-mark',
          onclick: () => store.dispatch({ type: 'selectOnCanvas', id: edgeElementId(m.id) }),
        });
      }),
      ...(s.asOf ? [h('span', { class: 'tl-now', style: `left:${(daysBetween(sp.first, s.asOf) / sp.days) * 100}%` })] : []),
    );
  });
}
