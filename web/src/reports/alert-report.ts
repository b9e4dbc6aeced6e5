// The printable alert report: summary, facts, the evidence graph as an image, every relationship and
// entity of the evidence with the department record it came from, and the triage history.
import type { AlertDetail } from '../api/types.js';
import { h } from '../dom.js';
import { displayId, formatAmount, formatTime } from '../format.js';
import { labelName, modelTitle, relName } from '../schema.js';
import type { State } from '../state.js';
import { stateName } from '../workflow.js';
import { edgeRow, provenanceText, propsText, reportHeader, section, table, tableSection, tOf } from './parts.js';

export function alertReport(s: State, a: AlertDetail, graphPng: string | null): HTMLElement {
  const t = tOf(s.lang);
  const byId = new Map(a.evidence.nodes.map((n) => [n.id, n]));
  const facts: [string, string][] = [
    [t('rep.model'), `${modelTitle(s.schema, a.modelId, a.modelTitle, s.lang)}（${a.modelId} r${a.modelRevision}）`],
    [t('rep.severity'), t(`severity.${a.severity}`)],
    [t('rep.state'), stateName(s.schema?.workflow, a.state, s.lang)],
    [t('rep.amount'), formatAmount(a.amount, s.lang)],
    [t('rep.firstSeen'), formatTime(a.firstSeen, s.lang)],
    [t('rep.lastSeen'), formatTime(a.lastSeen, s.lang)],
  ];
  if (a.outcome) facts.push([t('triage.outcome'), t(`outcome.${a.outcome}`)]);
  if (a.disposal) facts.push([t('triage.disposal'), t(`disposal.${a.disposal}`)]);
  if (a.reason) facts.push([t('triage.reason'), a.reason]);
  return h(
    'article',
    { class: 'report-sheet', 'data-testid': 'alert-report' },
    reportHeader(s, t, t('rep.alert.title'), [h('span', {}, `№ ${a.id}`)]),
    section(t('rep.summary'), h('p', { class: 'rep-summary' }, a.summary)),
    section(t('rep.facts'), h('dl', { class: 'rep-kv' }, ...facts.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v || '—')]))),
    section(
      t('rep.subjects'),
      table(
        t,
        ['rep.col.type', 'rep.col.entity', 'rep.col.props'],
        a.subjects.map((x) => [x.role, `${x.entity.caption}（${displayId(x.entity)}）`, labelName(s.schema, x.entity.label, s.lang)]),
      ),
    ),
    section(
      t('rep.graph'),
      graphPng ? h('img', { class: 'rep-graph', src: graphPng, alt: t('rep.graph'), 'data-testid': 'report-graph' }) : null,
    ),
    section(
      t('rep.sources'),
      table(
        t,
        ['rep.col.relation', 'rep.col.from', 'rep.col.to', 'rep.col.props', 'rep.col.source'],
        a.evidence.edges.map((e) => edgeRow(s, (type) => relName(s.schema, type, s.lang), byId, e)),
        'report-sources',
      ),
    ),
    section(
      t('rep.entities'),
      table(
        t,
        ['rep.col.entity', 'rep.col.type', 'rep.col.props', 'rep.col.source'],
        a.evidence.nodes.map((n) => [
          `${n.caption}（${displayId(n)}）`,
          labelName(s.schema, n.label, s.lang),
          propsText(s, 'labels', n.label, n.properties),
          provenanceText(n.provenance),
        ]),
      ),
    ),
    tableSection(
      t,
      'rep.history',
      ['rep.col.time', 'rep.col.actor', 'rep.col.action', 'rep.col.note'],
      a.history.map((e) => [
        formatTime(e.at, s.lang),
        e.actor,
        `${t(`action.${e.action}`)}（${stateName(s.schema?.workflow, e.fromState, s.lang)} → ${stateName(s.schema?.workflow, e.toState, s.lang)}）`,
        [e.outcome ? t(`outcome.${e.outcome}`) : '', e.disposal ? t(`disposal.${e.disposal}`) : '', e.reason ?? '', e.comment ?? '']
          .filter((x) => x !== '')
          .join('；'),
      ]),
      'report-history',
    ),
  );
}
