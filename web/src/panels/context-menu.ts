// The context menu on a node or edge (right-click): expand (all, or by type and direction), find paths,
// alerts on the subject, details, pin, hide, fold into a group, open a bundle, remove. A list in the DOM
// rather than cytoscape-cxtmenu's radial menu: it holds the type and direction form, reads in both
// languages without truncation, can be reached by tests and assistive tools, and keeps panels off the
// Cytoscape instance (graph/ sends what was clicked, this dispatches intents).
import { h, fill, type Child } from '../dom.js';
import { translate, type MessageKey } from '../i18n.js';
import type { MenuTarget } from '../graph/canvas-tools.js';
import type { Direction } from '../canvas-state.js';
import type { State, Store } from '../state.js';

const DIRECTIONS: Direction[] = ['BOTH', 'OUT', 'IN'];

export function mountContextMenu(root: HTMLElement, store: Store): void {
  const menu = h('div', { class: 'context-menu', role: 'menu', 'data-testid': 'context-menu', hidden: true });
  root.append(menu);
  const close = () => store.dispatch({ type: 'menu', target: null });
  document.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape' && store.get().canvas.menu) close();
  });
  document.addEventListener('mousedown', (ev) => {
    if (store.get().canvas.menu && !menu.contains(ev.target as Node)) close();
  });
  // The browser's own menu would cover ours on the canvas.
  root.parentElement?.addEventListener('contextmenu', (ev) => ev.preventDefault());

  let shown: MenuTarget | null = null;
  store.subscribe((s) => {
    const target = s.canvas.menu;
    menu.hidden = target === null;
    // Rebuilt only when the target changes (or the language does), so the type select keeps its choice.
    if (!target || (target === shown && menu.dataset.lang === s.lang)) return;
    shown = target;
    menu.dataset.lang = s.lang;
    fill(menu, ...(target.kind === 'node' ? nodeItems(target, s, store) : edgeItems(target, s, store)));
    place(menu, target.x, target.y);
  });
}

function place(menu: HTMLElement, x: number, y: number): void {
  const box = menu.parentElement!.getBoundingClientRect();
  menu.style.left = `${Math.max(4, Math.min(x + 4, box.width - 240))}px`;
  menu.style.top = `${Math.max(4, Math.min(y + 4, box.height - menu.offsetHeight - 8))}px`;
}

function item(s: State, key: MessageKey, testid: string, onclick: () => void, danger = false): HTMLElement {
  return h(
    'button',
    { type: 'button', role: 'menuitem', class: `menu-item${danger ? ' danger' : ''}`, 'data-testid': `menu-${testid}`, onclick },
    translate(s.lang, key),
  );
}

function nodeItems(t: Extract<MenuTarget, { kind: 'node' }>, s: State, store: Store): Child[] {
  const d = store.dispatch;
  const tool = (tool: 'remove' | 'hide' | 'togglePin' | 'group' | 'toggleGroup') => () => d({ type: 'canvasTool', tool, id: t.id });
  const head = h('div', { class: 'menu-head', title: t.caption }, t.caption);
  if (t.group) {
    return [
      head,
      item(s, t.group.collapsed ? 'menu.unfold' : 'menu.fold', 'fold', tool('toggleGroup')),
      item(s, 'menu.hide', 'hide', tool('hide')),
    ];
  }
  return [
    head,
    item(s, 'menu.details', 'details', () => (d({ type: 'menu', target: null }), d({ type: 'selectOnCanvas', id: t.id }))),
    item(s, 'menu.expand', 'expand', () => (d({ type: 'menu', target: null }), d({ type: 'expand', id: t.id }))),
    expandBy(t, s, store),
    item(s, 'menu.paths', 'paths', () => d({ type: 'pathsFrom', id: t.id, caption: t.caption })),
    item(s, 'menu.alertsOn', 'alerts', () => {
      d({ type: 'menu', target: null });
      d({ type: 'inboxFilter', patch: { subject: { id: t.id, caption: t.caption } } });
      d({ type: 'tab', tab: 'alerts' });
    }),
    h('hr', { class: 'menu-sep' }),
    item(s, t.pinned ? 'menu.unpin' : 'menu.pin', 'pin', tool('togglePin')),
    item(s, 'menu.hide', 'hide', tool('hide')),
    t.groupable ? item(s, 'menu.group', 'group', tool('group')) : null,
    item(s, 'menu.remove', 'remove', tool('remove'), true),
  ];
}

/** 按类型和方向展开: a relationship type (or all) and a direction, then 展开. */
function expandBy(t: { id: string }, s: State, store: Store): HTMLElement {
  const types = [...(s.schema?.relTypes.values() ?? [])]
    .filter((r) => r.name !== 'FLAGS')
    .sort((a, b) => a[s.lang].localeCompare(b[s.lang], s.lang === 'zh' ? 'zh-CN' : 'en'));
  const type = h(
    'select',
    { 'data-testid': 'menu-expand-type', 'aria-label': translate(s.lang, 'menu.expandBy') },
    h('option', { value: '' }, translate(s.lang, 'menu.allTypes')),
    types.map((r) => h('option', { value: r.name }, r[s.lang])),
  );
  const dir = h(
    'select',
    { 'data-testid': 'menu-expand-direction' },
    DIRECTIONS.map((x) => h('option', { value: x }, translate(s.lang, `menu.dir.${x}` as MessageKey))),
  );
  const go = h(
    'button',
    {
      type: 'button',
      class: 'btn btn-small',
      'data-testid': 'menu-expand-by',
      onclick: () => {
        store.dispatch({ type: 'menu', target: null });
        store.dispatch({
          type: 'expand',
          id: t.id,
          types: type.value ? [type.value] : undefined,
          direction: dir.value as Direction,
        });
      },
    },
    translate(s.lang, 'menu.go'),
  );
  return h('div', { class: 'menu-form' }, h('span', { class: 'muted small' }, translate(s.lang, 'menu.expandBy')), type, dir, go);
}

function edgeItems(t: Extract<MenuTarget, { kind: 'edge' }>, s: State, store: Store): Child[] {
  const d = store.dispatch;
  return [
    h('div', { class: 'menu-head', title: t.caption }, t.caption),
    item(s, 'menu.details', 'details', () => (d({ type: 'menu', target: null }), d({ type: 'selectOnCanvas', id: t.id }))),
    t.bundle ? item(s, 'menu.openBundle', 'bundle', () => d({ type: 'canvasTool', tool: 'toggleBundle', id: t.id })) : null,
    t.reBundle ? item(s, 'menu.closeBundle', 'bundle', () => d({ type: 'canvasTool', tool: 'toggleBundle', id: t.id })) : null,
    t.bundle ? null : item(s, 'menu.remove', 'remove', () => d({ type: 'canvasTool', tool: 'remove', id: t.id }), true),
  ];
}
