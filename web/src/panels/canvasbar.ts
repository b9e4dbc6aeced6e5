// Over the canvas: counts, the legend, "fit" and "clear" buttons, the empty-canvas hint, the error bar and the toast.
// The canvas itself belongs to graph/; this only dispatches intents.
import { errorText, translate } from '../i18n.js';
import { h } from '../dom.js';
import type { Store } from '../state.js';
import { mountLegend } from './legend.js';
import { mountCanvasTools } from './canvas-tools-bar.js';

export function mountCanvasOverlay(root: HTMLElement, store: Store): void {
  const counts = h('span', { class: 'counts', 'data-testid': 'canvas-counts' });
  const fit = h('button', { type: 'button', class: 'btn btn-small btn-ghost', onclick: () => store.dispatch({ type: 'fit' }) });
  const clear = h('button', {
    type: 'button',
    class: 'btn btn-small btn-ghost',
    'data-testid': 'clear-canvas',
    onclick: () => store.dispatch({ type: 'clear' }),
  });
  const hint = h('p', { class: 'canvas-hint' });
  const errorMsg = h('span', { 'data-testid': 'error-message' });
  const errorClose = h('button', {
    type: 'button',
    class: 'btn btn-small btn-ghost',
    onclick: () => store.dispatch({ type: 'dismissError' }),
  });
  const error = h('div', { class: 'error-bar', role: 'alert', 'data-testid': 'error' }, errorMsg, errorClose);
  const toast = h('div', { class: 'toast', role: 'status', 'data-testid': 'toast' });
  const legend = h('div', { class: 'legend', 'data-testid': 'legend' });
  const bar = h('div', { class: 'canvas-bar' }, counts);
  root.append(bar, legend, hint, error, toast);
  // Undo, redo, show hidden, and the "find paths" banner: canvas-tools-bar.ts.
  mountCanvasTools(bar, root, store);
  bar.append(fit, clear);
  mountLegend(legend, store);

  store.subscribe((s) => {
    counts.textContent = translate(s.lang, 'canvas.nodes', { n: s.counts.nodes, m: s.counts.edges });
    fit.textContent = translate(s.lang, 'canvas.fit');
    clear.textContent = translate(s.lang, 'canvas.clear');
    hint.textContent = translate(s.lang, 'canvas.empty');
    hint.hidden = s.counts.nodes > 0;
    error.hidden = !s.error;
    errorMsg.textContent = s.error ? errorText(s.lang, s.error.code, s.error.message) : '';
    errorClose.textContent = translate(s.lang, 'error.close');
    toast.hidden = !s.toast;
    toast.textContent = s.toast ? translate(s.lang, s.toast.key, s.toast.params) : '';
  });
}
