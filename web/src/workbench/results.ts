// A sandbox result as the analyst reads it: the rows as a table (nodes by caption), the graph it holds (its
// nodes and relationships, and a button that puts them on the explorer's canvas, the one graph view), and for
// a model the alerts that would be new, kept and gone against the current revision.
import type { SandboxGraph, Trial } from '../api/workbench-queries.js';
import { h } from '../dom.js';
import type { MessageKey } from '../i18n.js';

type T = (k: MessageKey, p?: Record<string, string | number>) => string;

/** One cell as text: a node by its caption, a path by its captions, lists joined, objects as JSON. Pure. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (Array.isArray(v)) return v.map(cellText).join(', ');
  if (typeof v === 'object') {
    const o = v as { caption?: string; label?: string; nodes?: unknown[]; type?: string };
    if (typeof o.caption === 'string') return `${o.caption} (${o.label ?? ''})`;
    if (Array.isArray(o.nodes)) return o.nodes.map(cellText).join(' → ');
    if (typeof o.type === 'string') return `[:${o.type}]`;
    return JSON.stringify(v);
  }
  return String(v);
}

export function rowsTable(columns: readonly string[], rows: Record<string, unknown>[], t: T): HTMLElement {
  if (rows.length === 0) return h('p', { class: 'form-hint', 'data-testid': 'wb-no-rows' }, t('workbench.noRows'));
  return h(
    'table',
    { class: 'admin-table wb-table', 'data-testid': 'wb-table' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        columns.map((c) => h('th', {}, c)),
      ),
    ),
    h(
      'tbody',
      {},
      rows.map((r) =>
        h(
          'tr',
          {},
          columns.map((c) => h('td', {}, cellText(r[c]))),
        ),
      ),
    ),
  );
}

export function graphView(graph: SandboxGraph, t: T, show: (ids: string[]) => void): HTMLElement {
  return h(
    'div',
    { class: 'wb-graph', 'data-testid': 'wb-graph' },
    h('p', {}, t('workbench.graphNodes', { n: graph.nodes.length, m: graph.edges.length })),
    h(
      'ul',
      { class: 'wb-chips' },
      graph.nodes.slice(0, 200).map((n) => h('li', { class: 'wb-chip', title: n.id }, `${n.caption} · ${n.label}`)),
    ),
    h(
      'ul',
      { class: 'wb-edges' },
      graph.edges.slice(0, 200).map((e) => h('li', {}, `${e.source} —[:${e.type}]→ ${e.target}`)),
    ),
    graph.nodes.length
      ? h(
          'button',
          { type: 'button', class: 'btn btn-small', 'data-testid': 'wb-show-canvas', onclick: () => show(graph.nodes.map((n) => n.id)) },
          t('workbench.showOnCanvas'),
        )
      : null,
  );
}

export function compareView(trial: Trial, t: T): HTMLElement {
  const list = (testid: string, title: string, alerts: { fingerprint: string; summary: string }[]) =>
    h(
      'div',
      { class: `wb-compare-${testid}`, 'data-testid': `wb-${testid}` },
      h('h4', {}, title),
      h(
        'ul',
        {},
        alerts.map((a) => h('li', {}, a.summary)),
      ),
    );
  return h(
    'div',
    { class: 'wb-compare', 'data-testid': 'wb-compare' },
    list('new', t('workbench.new', { n: trial.new.length }), trial.new),
    list('kept', t('workbench.kept', { n: trial.kept.length }), trial.kept),
    trial.complete
      ? list('gone', t('workbench.gone', { n: trial.gone.length }), trial.gone)
      : h('p', { class: 'form-hint' }, t('workbench.incomplete')),
  );
}
