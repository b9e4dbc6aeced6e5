// Pieces the printed reports share: a plain table, a page header with who, when and why, and how a
// relationship's properties and a record's provenance read on paper.
import type { Edge, Entity, Provenance } from '../api/types.js';
import { h, type Child } from '../dom.js';
import { formatTime, formatValue } from '../format.js';
import { translate, type Lang, type MessageKey } from '../i18n.js';
import { propName, type SchemaIndex } from '../schema.js';
import type { State } from '../state.js';

export type T = (k: MessageKey, p?: Record<string, string | number>) => string;
export const tOf =
  (lang: Lang): T =>
  (k, p) =>
    translate(lang, k, p);

/** A table with a header row; an empty body reads "nothing on record" rather than vanishing. */
export function table(t: T, head: MessageKey[], rows: Child[][], testid?: string): HTMLElement {
  if (rows.length === 0) return h('p', { class: 'rep-none' }, t('rep.none'));
  return h(
    'table',
    { class: 'rep-table', 'data-testid': testid },
    h('thead', {}, h('tr', {}, ...head.map((k) => h('th', {}, t(k))))),
    h('tbody', {}, ...rows.map((r) => h('tr', {}, ...r.map((c) => h('td', {}, c))))),
  );
}

export function section(title: string, ...body: Child[]): HTMLElement {
  return h('section', { class: 'rep-section' }, h('h2', {}, title), ...body);
}

/** A section that is one table: most of both reports. */
export const tableSection = (t: T, title: MessageKey, head: MessageKey[], rows: Child[][], testid?: string): HTMLElement =>
  section(t(title), table(t, head, rows, testid));

/** mapping · file · row · run: where a fact was read from, to find the department's own record again. */
export function provenanceText(p: Provenance | null | undefined): string {
  if (!p) return '';
  return [p.source, p.file, p.row != null ? `#${p.row}` : null, p.run].filter((x) => x != null && x !== '').join(' · ');
}

/** Keys that are addressing or bookkeeping, never worth paper. */
const SKIP = new Set(['uid']);

export function propsText(s: State, kind: 'labels' | 'relationships', owner: string, props: Record<string, unknown>): string {
  const yes = s.lang === 'zh' ? '是' : 'yes';
  const no = s.lang === 'zh' ? '否' : 'no';
  return Object.entries(props)
    .filter(([k, v]) => !SKIP.has(k) && v !== null && v !== '')
    .map(([k, v]) => `${propName(s.schema, kind, owner, k, s.lang)}：${formatValue(v, yes, no)}`)
    .join('；');
}

export const captionOf = (byId: Map<string, Entity>, id: string): string => byId.get(id)?.caption ?? id;

export function edgeRow(s: State, schemaName: (type: string) => string, byId: Map<string, Entity>, e: Edge): Child[] {
  return [
    schemaName(e.type),
    captionOf(byId, e.source),
    captionOf(byId, e.target),
    propsText(s, 'relationships', e.type, e.properties),
    provenanceText(e.provenance),
  ];
}

/** The header every printed page starts with: title, who asked, when, the 查询事由, confidentiality. */
export function reportHeader(s: State, t: T, title: string, extra: Child[] = []): HTMLElement {
  return h(
    'header',
    { class: 'rep-header' },
    h('p', { class: 'rep-secret' }, t('rep.confidential')),
    h('h1', {}, title),
    h(
      'p',
      { class: 'rep-meta' },
      h('span', {}, t('rep.generated', { at: formatTime(new Date().toISOString(), s.lang) })),
      h('span', {}, t('rep.by', { who: s.me ? `${s.me.displayName}（${s.me.name}）` : '' })),
      s.reason ? h('span', {}, t('rep.reason', { reason: s.reason })) : null,
      ...extra,
    ),
  );
}

export type { SchemaIndex };
