// The printable integrity record (廉政档案), the reference for a 廉政意见回复: the person, then posts,
// kin, companies of theirs and their kin, payments, cases, sanctions and the alerts with their conclusions,
// each with the department record it came from. What the server masked stays masked on paper.
import type { IntegrityRecord, RecordFact } from '../api/evidence-queries.js';
import { h } from '../dom.js';
import { displayId, formatAmount, formatTime } from '../format.js';
import type { MessageKey } from '../i18n.js';
import { labelName, relName } from '../schema.js';
import type { State } from '../state.js';
import { stateName } from '../workflow.js';
import { provenanceText, propsText, reportHeader, section, table, tableSection, tOf } from './parts.js';

const SECTIONS = [
  ['posts', 'rep.sec.posts'],
  ['kin', 'rep.sec.kin'],
  ['companies', 'rep.sec.companies'],
  ['payments', 'rep.sec.payments'],
  ['cases', 'rep.sec.cases'],
  ['sanctions', 'rep.sec.sanctions'],
] as const satisfies readonly (readonly [keyof IntegrityRecord, MessageKey])[];

export function integrityRecord(s: State, r: IntegrityRecord): HTMLElement {
  const t = tOf(s.lang);
  const p = r.person;
  const factRow = (f: RecordFact) => [
    relName(s.schema, f.edge.type, s.lang),
    `${f.other.caption}（${labelName(s.schema, f.other.label, s.lang)}）`,
    f.via?.caption ?? '',
    propsText(s, 'relationships', f.edge.type, f.edge.properties),
    provenanceText(f.edge.provenance),
  ];
  return h(
    'article',
    { class: 'report-sheet', 'data-testid': 'integrity-record' },
    reportHeader(s, t, t('rep.record.title'), s.asOf ? [h('span', {}, t('rep.asOf', { date: s.asOf }))] : []),
    section(
      t('rep.person'),
      h(
        'dl',
        { class: 'rep-kv' },
        h('dt', {}, labelName(s.schema, p.label, s.lang)),
        h('dd', { 'data-testid': 'record-person' }, `${p.caption}（${displayId(p)}）`),
        h('dt', {}, t('rep.col.props')),
        h('dd', {}, propsText(s, 'labels', p.label, p.properties)),
        h('dt', {}, t('rep.col.source')),
        h('dd', {}, provenanceText(p.provenance)),
      ),
    ),
    ...SECTIONS.map(([key, title]) =>
      section(
        t(title),
        table(
          t,
          ['rep.col.relation', 'rep.col.with', 'rep.col.via', 'rep.col.props', 'rep.col.source'],
          r[key].map(factRow),
          `record-${key}`,
        ),
      ),
    ),
    tableSection(
      t,
      'rep.sec.alerts',
      ['rep.col.time', 'rep.model', 'rep.summary', 'rep.col.conclusion'],
      r.alerts.map((a) => [
        formatTime(a.firstSeen, s.lang),
        `${a.modelTitle}（${t(`severity.${a.severity}`)}）`,
        `${a.summary}${a.amount ? `（${formatAmount(a.amount, s.lang)}）` : ''}`,
        a.outcome
          ? [t(`outcome.${a.outcome}`), a.disposal ? t(`disposal.${a.disposal}`) : '', a.reason ?? '', formatTime(a.concludedAt, s.lang)]
              .filter((x) => x !== '')
              .join('；')
          : `${t('rep.open')}（${stateName(s.schema?.workflow, a.state, s.lang)}）`,
      ]),
      'record-alerts',
    ),
    r.truncated ? h('p', { class: 'rep-none' }, t('rep.truncated')) : null,
    h('p', { class: 'rep-meta' }, t('rep.generated', { at: formatTime(r.compiledAt, s.lang) })),
  );
}
