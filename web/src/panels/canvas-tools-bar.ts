// The canvas bar's tools: undo and redo (buttons and Ctrl+Z / Ctrl+Shift+Z), 显示隐藏的节点, and the banner
// of "find paths to…" (pick the second node, the hop limit, then the result with 清除高亮).
import { h } from '../dom.js';
import { historyKey } from '../graph/history.js';
import { translate } from '../i18n.js';
import { PATH_HOPS } from '../canvas-state.js';
import type { Store } from '../state.js';

/** Typing in a field keeps the browser's own undo. */
const typing = (t: EventTarget | null) => t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));

export function mountCanvasTools(bar: HTMLElement, overlay: HTMLElement, store: Store): void {
  const button = (testid: string, onclick: () => void) =>
    h('button', { type: 'button', class: 'btn btn-small btn-ghost', 'data-testid': testid, onclick });
  const undo = button('canvas-undo', () => store.dispatch({ type: 'undo' }));
  const redo = button('canvas-redo', () => store.dispatch({ type: 'redo' }));
  const unhide = button('canvas-show-hidden', () => store.dispatch({ type: 'showHidden' }));
  bar.append(undo, redo, unhide);

  document.addEventListener('keydown', (ev) => {
    const what = historyKey(ev);
    if (!what || typing(ev.target) || store.get().page !== 'explore') return;
    ev.preventDefault();
    store.dispatch({ type: what });
  });

  const text = h('span', { 'data-testid': 'paths-text' });
  const hops = h('select', {
    'data-testid': 'paths-hops',
    onchange: (ev) => store.dispatch({ type: 'pathHops', hops: Number((ev.target as HTMLSelectElement).value) }),
  });
  for (let n = PATH_HOPS.min; n <= PATH_HOPS.max; n++) hops.append(h('option', { value: n }, String(n)));
  const hopsLabel = h('label', { class: 'paths-hops' }, h('span', {}), hops);
  const note = h('span', { class: 'muted small' });
  const cancel = button('paths-cancel', () => store.dispatch({ type: 'cancelPaths' }));
  const clearPath = button('paths-clear', () => store.dispatch({ type: 'clearPath' }));
  const banner = h('div', { class: 'paths-banner', 'data-testid': 'paths-banner', hidden: true }, text, hopsLabel, note, cancel, clearPath);
  overlay.append(banner);

  store.subscribe((s) => {
    const t = (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) => translate(s.lang, k, p);
    const c = s.canvas;
    undo.textContent = t('canvas.undo');
    redo.textContent = t('canvas.redo');
    undo.disabled = c.history.undo === null;
    redo.disabled = c.history.redo === null;
    undo.title = c.history.undo ? t('canvas.undoWhat', { what: c.history.undo }) : t('canvas.nothingToUndo');
    redo.title = c.history.redo ? t('canvas.redoWhat', { what: c.history.redo }) : t('canvas.nothingToRedo');
    unhide.hidden = c.hiddenNodes === 0;
    unhide.textContent = t('canvas.showHidden', { n: c.hiddenNodes });

    banner.hidden = c.picking === null && c.path === null;
    text.textContent = c.picking
      ? t('paths.pick', { name: c.picking.caption })
      : c.path
        ? t('paths.found', { n: c.path.nodes, m: c.path.edges })
        : '';
    hopsLabel.hidden = c.picking === null;
    (hopsLabel.firstChild as HTMLElement).textContent = t('paths.hops');
    hops.value = String(c.hops);
    note.hidden = c.picking === null || c.filter.types.length === 0;
    note.textContent = t('paths.excluded');
    cancel.hidden = c.picking === null;
    cancel.textContent = t('paths.cancel');
    clearPath.hidden = c.picking !== null || c.path === null;
    clearPath.textContent = t('paths.clear');
  });
}
