// 同一实体 Entity resolution: candidate pairs of records that may be one person or one company, side by
// side with their provenance and the rules that scored them, and a handler's merge / not the same / undo,
// each with a reason the server records (docs/resolution.md). The server checks resolveEntities again.
import type { AdminApi, CandidateRow, CandidateSide } from '../api/admin-queries.js';
import type { CandidateStatus, ResolutionAction } from '../api/generated.js';
import { h, fill } from '../dom.js';
import type { Lang, MessageKey } from '../i18n.js';
import type { Store } from '../state.js';
import { attempt, formatDay, onLangChange, table, tr } from './controls.js';

type T = ReturnType<typeof tr>;
const STATUSES: readonly CandidateStatus[] = ['PROPOSED', 'ACCEPTED', 'REJECTED'];

function sideCell(s: CandidateSide | null | undefined, survivor: string | null | undefined, t: T): HTMLElement {
  if (!s) return h('td', { class: 'muted' }, '—');
  return h(
    'td',
    { 'data-testid': 'candidate-side', 'data-uid': s.uid },
    h(
      'div',
      {},
      h('strong', {}, s.name ?? '—'),
      s.uid === survivor ? h('span', { class: 'muted small' }, ` (${t('resolution.survivor')})`) : null,
    ),
    h('div', { class: 'small' }, [s.birthDate, s.gender, s.idNoMasked ?? s.code].filter(Boolean).join(' · ')),
    s.address ? h('div', { class: 'muted small' }, s.address) : null,
    h('div', { class: 'muted small mono' }, t('resolution.from', { source: s.source ?? '—', file: s.file ?? '—', row: s.row ?? '—' })),
    s.held ? h('div', { class: 'small', style: 'color:#b45309' }, t('resolution.held')) : null,
    s.merged ? h('div', { class: 'small muted' }, t('resolution.merged')) : null,
  );
}

export function mountResolution(root: HTMLElement, store: Store, admin: AdminApi): { open(): void } {
  let status: CandidateStatus = 'PROPOSED';
  let rows: CandidateRow[] | null = null;
  const lang = (): Lang => store.get().lang;

  const heading = h('h2', { class: 'admin-title' });
  const filter = h('select', { 'data-testid': 'resolution-status' });
  const refresh = h('button', { type: 'button', class: 'btn btn-small btn-ghost', 'data-testid': 'resolution-refresh' });
  const error = h('p', { class: 'form-hint admin-error', role: 'alert', 'data-testid': 'admin-error', hidden: true });
  const list = h('div', { class: 'admin-list' });
  root.append(h('div', { class: 'admin-head' }, heading, filter, refresh), error, list);

  const load = () =>
    attempt(lang, error, async () => {
      rows = (await admin.candidates(status)).nodes;
      render();
    });
  const decide = (c: CandidateRow, action: ResolutionAction, reason: HTMLInputElement) =>
    attempt(lang, error, async () => {
      await admin.decideCandidate(c.id, action, reason.value);
      await load();
    });
  filter.addEventListener('change', () => {
    status = filter.value as CandidateStatus;
    void load();
  });
  refresh.addEventListener('click', () => void load());

  function decisionCell(c: CandidateRow, t: T): HTMLElement {
    const reason = h('input', { type: 'text', 'data-testid': 'decision-reason', placeholder: t('resolution.reasonPrompt') });
    const button = (action: ResolutionAction, key: MessageKey) =>
      h(
        'button',
        {
          type: 'button',
          class: 'btn btn-small',
          'data-testid': `decide-${action.toLowerCase()}`,
          onclick: () => void decide(c, action, reason),
        },
        t(key),
      );
    const buttons =
      c.status === 'PROPOSED'
        ? [button('ACCEPT', 'resolution.accept'), button('REJECT', 'resolution.reject')]
        : c.status === 'ACCEPTED'
          ? [button('UNDO', 'resolution.undo')]
          : [];
    return h(
      'td',
      {},
      buttons.length ? h('div', { class: 'row-actions' }, reason, buttons) : null,
      c.decisions.map((d) =>
        h(
          'div',
          { class: 'muted small', 'data-testid': 'decision' },
          t('resolution.history', { at: formatDay(d.at, lang()), by: d.by, action: d.action, reason: d.reason }),
        ),
      ),
    );
  }

  function render() {
    const t = tr(lang());
    heading.textContent = t('page.resolution');
    refresh.textContent = t('resolution.refresh');
    filter.replaceChildren(...STATUSES.map((s) => h('option', { value: s }, t(`resolution.status.${s}`))));
    filter.value = status;
    if (rows === null) fill(list);
    else if (rows.length === 0) fill(list, h('p', { class: 'muted', 'data-testid': 'resolution-empty' }, t('resolution.none')));
    else
      fill(
        list,
        table(
          'candidates-table',
          ['resolution.a', 'resolution.b', 'resolution.reasons', 'resolution.decide'],
          rows.map((c) =>
            h(
              'tr',
              { 'data-testid': 'candidate-row', 'data-candidate': c.id },
              sideCell(c.a, c.survivor, t),
              sideCell(c.b, c.survivor, t),
              h(
                'td',
                {},
                h('div', {}, t('resolution.score', { s: c.score.toFixed(2) })),
                c.reasons.map((r) => h('div', { class: 'small' }, t(`resolution.rule.${r}` as MessageKey))),
              ),
              decisionCell(c, t),
            ),
          ),
          t,
        ),
      );
  }

  onLangChange(store, render);
  return {
    open() {
      render();
      void load();
    },
  };
}
