// The right panel: the selected node or relationship (label, name, properties, provenance, degree, "N
// more", "alerts on this entity"), or, with nothing selected, the open alert (summary, model, subjects with roles, and the triage
// section: state, conclusion, actions, history).
import type { Entity, Provenance } from '../api/types.js';
import { displayId, formatAmount, formatTime, formatValue } from '../format.js';
import { codeName, translate, type Lang, type MessageKey } from '../i18n.js';
import { h, fill, type Child } from '../dom.js';
import { labelName, modelTitle, propName, relName, type SchemaIndex } from '../schema.js';
import type { State, Store } from '../state.js';
import { triageSection } from './triage.js';
import { moreMessages, moreText, type More } from '../graph/elements.js';
import { spanText } from '../graph/bundle.js';

type T = (k: MessageKey, p?: Record<string, string | number>) => string;

/** Subjects read as a story: the official first, then kin, then what they are linked through. */
const ROLE_ORDER = ['official', 'relative', 'kin', 'person', 'company', 'project', 'unit', 'org'];
const roleRank = (role: string) => {
  const i = ROLE_ORDER.indexOf(role.toLowerCase());
  return i < 0 ? ROLE_ORDER.length : i;
};

/** Keys that are addressing or bookkeeping, shown elsewhere (identifier, provenance) or not at all. */
const HIDDEN = new Set(['uid']);

export function mountDetails(root: HTMLElement, store: Store): void {
  store.subscribe((s) => {
    const t: T = (k, p) => translate(s.lang, k, p);
    const sel = s.selection;
    if (sel?.kind === 'node') return fill(root, ...entityView(s, sel.entity, sel.more, t, store));
    if (sel?.kind === 'edge') {
      const e = sel.edge;
      return fill(
        root,
        h('h2', { class: 'panel-title' }, t('details.relation')),
        table([
          [t('details.label'), relName(s.schema, e.type, s.lang)],
          [t('details.from'), sel.source?.caption ?? e.source],
          [t('details.to'), sel.target?.caption ?? e.target],
        ]),
        properties(s.schema, 'relationships', e.type, e.properties, s.lang, t),
        provenance(e.provenance, t),
      );
    }
    if (sel?.kind === 'bundle') return fill(root, ...bundleView(s, sel, t, store));
    if (s.alert) return fill(root, ...alertView(s, t, store));
    fill(root, h('h2', { class: 'panel-title' }, t('details.title')), h('p', { class: 'muted' }, t('details.empty')));
  });
}

function entityView(s: State, e: Entity, more: More, t: T, store: Store): (Child | Child[])[] {
  const info = s.schema?.labels.get(e.label);
  return [
    s.alert
      ? h('button', { type: 'button', class: 'link back', onclick: () => store.dispatch({ type: 'unselect' }) }, t('details.backToAlert'))
      : null,
    h(
      'div',
      { class: 'entity-head' },
      h(
        'span',
        { class: 'label-chip', style: `--chip:${info?.color ?? '#94a3b8'}`, 'data-testid': 'details-label' },
        labelName(s.schema, e.label, s.lang),
      ),
      h('h2', { class: 'panel-title', 'data-testid': 'details-caption' }, e.caption),
    ),
    table([
      [t('details.id'), displayId(e)],
      [t('details.degree'), String(e.degree)],
    ]),
    h(
      'div',
      { class: 'expand-box' },
      more.n > 0 ? h('p', { class: 'more-note', 'data-testid': 'more-note' }, t(moreMessages(more).details, { n: moreText(more) })) : null,
      h(
        'button',
        {
          type: 'button',
          class: 'btn btn-small',
          'data-testid': 'expand-button',
          onclick: () => store.dispatch({ type: 'expand', id: e.id }),
        },
        more.n > 0 ? t('details.expandMore') : t('details.expand'),
      ),
      // What else the models found on this person or company: the inbox narrowed to alerts flagging it.
      h(
        'button',
        {
          type: 'button',
          class: 'btn btn-small btn-ghost',
          'data-testid': 'alerts-on-entity',
          onclick: () => {
            store.dispatch({ type: 'inboxFilter', patch: { subject: { id: e.id, caption: e.caption } } });
            store.dispatch({ type: 'tab', tab: 'alerts' });
          },
        },
        t('details.alertsOn'),
      ),
      // A lot (a tendered project): check its bidders against the unit's officials before award.
      e.label === 'Project' && s.me?.permissions.includes('checkSubject')
        ? h(
            'button',
            {
              type: 'button',
              class: 'btn btn-small btn-ghost',
              'data-testid': 'preaward-entity',
              onclick: () => store.dispatch({ type: 'preAward', lot: { id: e.id, caption: e.caption } }),
            },
            t('details.preAward'),
          )
        : null,
      // Who looked at this person or company: the audit trail, for those who may read it.
      s.me?.permissions.includes('readAudit')
        ? h(
            'button',
            {
              type: 'button',
              class: 'btn btn-small btn-ghost',
              'data-testid': 'audit-on-entity',
              onclick: () => store.dispatch({ type: 'auditOn', id: e.id }),
            },
            t('details.auditOn'),
          )
        : null,
    ),
    properties(s.schema, 'labels', e.label, e.properties, s.lang, t),
    provenance(e.provenance, t),
  ];
}

/** Parallel edges drawn as one: how many, over which dates, the total amount, and the way to open them. */
function bundleView(s: State, sel: Extract<NonNullable<State['selection']>, { kind: 'bundle' }>, t: T, store: Store): Child[] {
  const b = sel.bundle;
  return [
    h('h2', { class: 'panel-title' }, t('bundle.title')),
    table([
      [t('details.label'), relName(s.schema, b.type, s.lang)],
      [t('details.from'), sel.source?.caption ?? b.source],
      [t('details.to'), sel.target?.caption ?? b.target],
      [t('bundle.count'), String(b.count)],
      [t('bundle.span'), b.from && b.to ? spanText({ from: b.from, to: b.to }) : ''],
      [t('bundle.amount'), b.amount != null ? formatAmount(b.amount, s.lang) : ''],
    ]),
    h(
      'button',
      {
        type: 'button',
        class: 'btn btn-small',
        'data-testid': 'open-bundle',
        onclick: () => store.dispatch({ type: 'canvasTool', tool: 'toggleBundle', id: b.id }),
      },
      t('menu.openBundle'),
    ),
  ];
}

function alertView(s: State, t: T, store: Store): (Child | Child[])[] {
  const a = s.alert!;
  return [
    h(
      'div',
      { class: 'entity-head' },
      h('span', { class: `sev sev-${a.severity}` }, t(`severity.${a.severity}` as MessageKey)),
      h('h2', { class: 'panel-title' }, t('alert.title')),
    ),
    h('p', { class: 'summary', 'data-testid': 'alert-summary' }, a.summary),
    table([
      [t('alert.model'), modelTitle(s.schema, a.modelId, a.modelTitle, s.lang)],
      [t('alert.modelId'), `${a.modelId} · r${a.modelRevision}`],
      a.amount != null ? [t('alerts.amount'), formatAmount(a.amount, s.lang)] : null,
      [t('alert.firstSeen'), formatTime(a.firstSeen, s.lang)],
      [t('alert.lastSeen'), formatTime(a.lastSeen, s.lang)],
    ]),
    h('h3', { class: 'section' }, t('alert.subjects')),
    h(
      'ul',
      { class: 'subjects' },
      [...a.subjects]
        .sort((x, y) => roleRank(x.role) - roleRank(y.role))
        .map((sub) =>
          h(
            'li',
            { class: 'subject', 'data-testid': 'alert-subject' },
            h(
              'span',
              // Both languages and the code on hover: the code is what the model header and the API say.
              { class: 'role', title: `${codeName('zh', 'role', sub.role)} · ${codeName('en', 'role', sub.role)} (${sub.role})` },
              codeName(s.lang, 'role', sub.role),
            ),
            h(
              'button',
              { type: 'button', class: 'link', onclick: () => store.dispatch({ type: 'selectOnCanvas', id: sub.entity.id }) },
              sub.entity.caption,
            ),
            h('span', { class: 'muted small' }, labelName(s.schema, sub.entity.label, s.lang)),
          ),
        ),
    ),
    h('p', { class: 'muted small' }, t('alert.evidence', { n: a.evidence.nodes.length, m: a.evidence.edges.length })),
    preAwardOfAlert(s, t, store),
    // State, conclusion, actions and history: panels/triage.ts.
    ...triageSection(s, t, store),
  ];
}

/** A procurement alert names its project: the pre-award check of that lot, one click away. */
function preAwardOfAlert(s: State, t: T, store: Store): Child {
  const project = s.alert?.subjects.find((sub) => sub.entity.label === 'Project')?.entity;
  if (!project || !s.me?.permissions.includes('checkSubject')) return null;
  return h(
    'button',
    {
      type: 'button',
      class: 'btn btn-small btn-ghost',
      'data-testid': 'preaward-alert',
      onclick: () => store.dispatch({ type: 'preAward', lot: { id: project.id, caption: project.caption } }),
    },
    t('alert.preAward'),
  );
}

function properties(
  schema: SchemaIndex | null,
  kind: 'labels' | 'relationships',
  owner: string,
  props: Record<string, unknown>,
  lang: Lang,
  t: T,
): Node[] {
  const rows = Object.entries(props)
    .filter(([k, v]) => !k.startsWith('_') && !HIDDEN.has(k) && v !== null && v !== '')
    .map(([k, v]): [string, string] => [propName(schema, kind, owner, k, lang), formatValue(v, t('yes'), t('no'))]);
  return [
    h('h3', { class: 'section' }, t('details.properties')),
    rows.length ? table(rows) : h('p', { class: 'muted small' }, t('details.noProperties')),
  ];
}

function provenance(p: Provenance | null, t: T): Node[] {
  if (!p) return [];
  return [
    h('h3', { class: 'section' }, t('details.provenance')),
    table([
      [t('details.source'), p.source ?? ''],
      [t('details.file'), p.file ?? ''],
      [t('details.row'), p.row != null ? String(p.row) : ''],
      [t('details.run'), p.run ?? ''],
      'sources' in p && p.sources && p.sources.length > 1 ? [t('details.sources'), p.sources.join('、')] : null,
    ]),
  ];
}

function table(rows: ([string, string] | null)[]): HTMLElement {
  return h(
    'dl',
    { class: 'kv' },
    rows.filter((r): r is [string, string] => r !== null && r[1] !== '').flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]),
  );
}
