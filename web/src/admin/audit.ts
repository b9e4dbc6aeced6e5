// 审计日志: the audit trail searched (auditTrail: newest first, paged on its cursor) by who did it, which
// entity was read (who looked at this person), the operation, the kind, a time range and reads outside the
// reader's jurisdiction; and the chain checked end to end (auditVerify). "Who looked at this" in the
// details panel opens this page with the entity filled in (state.auditSubject).
import type { AdminApi, AuditCheck, AuditRecord } from '../api/admin-queries.js';
import type { AuditFilter, AuditKind } from '../api/generated.js';
import { h, fill } from '../dom.js';
import { formatTime } from '../format.js';
import type { Lang, MessageKey } from '../i18n.js';
import type { Store } from '../state.js';
import { dateBounds } from '../inbox.js';
import { attempt, onLangChange, table, tr } from './controls.js';

// A Record over the generated union: a kind added to the SDL does not compile until it is named here.
const KIND_NAMES: Record<AuditKind, MessageKey> = {
  READ: 'audit.kind.READ',
  WRITE: 'audit.kind.WRITE',
  AUTH: 'audit.kind.AUTH',
  REFUSED: 'audit.kind.REFUSED',
};
const KINDS = Object.keys(KIND_NAMES) as AuditKind[];

export interface AuditFields {
  actor: string;
  entity: string;
  operation: string;
  kind: string;
  from: string;
  to: string;
  outsideOnly: boolean;
}

/** The search form as the API's AuditFilter: blanks left out, days read in the browser's time zone. Pure. */
export function auditFilter(f: AuditFields): AuditFilter {
  const { firstSeenFrom, firstSeenTo } = dateBounds(f.from, f.to);
  return {
    actor: f.actor.trim() || null,
    entity: f.entity.trim() || null,
    operation: f.operation.trim() || null,
    kind: (KINDS as string[]).includes(f.kind) ? (f.kind as AuditKind) : null,
    from: firstSeenFrom,
    to: firstSeenTo,
    outsideOnly: f.outsideOnly || null,
  };
}

export function mountAudit(root: HTMLElement, store: Store, admin: AdminApi): { open(): void } {
  let records: AuditRecord[] | null = null;
  let next: string | null = null;
  let check: AuditCheck | null = null;
  const lang = (): Lang => store.get().lang;

  const text = (testid: string) => h('input', { type: 'text', 'data-testid': testid, autocomplete: 'off' });
  const actor = text('audit-actor');
  const entity = text('audit-entity');
  const operation = text('audit-operation');
  const kind = h('select', { 'data-testid': 'audit-kind' });
  const from = h('input', { type: 'date', 'data-testid': 'audit-from' });
  const to = h('input', { type: 'date', 'data-testid': 'audit-to' });
  const outside = h('input', { type: 'checkbox', 'data-testid': 'audit-outside' });
  const labels = {
    actor: h('span', {}),
    entity: h('span', {}),
    operation: h('span', {}),
    kind: h('span', {}),
    from: h('span', {}),
    to: h('span', {}),
    outside: h('span', {}),
  };
  const title = h('h2', { class: 'admin-title' });
  const search = h('button', { type: 'submit', class: 'btn btn-small', 'data-testid': 'audit-search' });
  const verify = h('button', { type: 'button', class: 'btn btn-small btn-ghost', 'data-testid': 'audit-verify' });
  const verdict = h('div', { 'data-testid': 'audit-verdict' });
  const error = h('p', { class: 'form-hint admin-error', role: 'alert', 'data-testid': 'admin-error', hidden: true });
  const list = h('div', { class: 'admin-list' });
  const more = h('button', { type: 'button', class: 'btn btn-small btn-ghost load-more', 'data-testid': 'audit-more', hidden: true });
  const form = h(
    'form',
    { class: 'admin-form audit-form', 'data-testid': 'audit-form' },
    h('label', { class: 'field' }, labels.actor, actor),
    h('label', { class: 'field' }, labels.entity, entity),
    h('label', { class: 'field' }, labels.operation, operation),
    h('label', { class: 'field' }, labels.kind, kind),
    h('label', { class: 'field' }, labels.from, from),
    h('label', { class: 'field' }, labels.to, to),
    h('label', { class: 'filter-check' }, outside, labels.outside),
    h('div', { class: 'triage-actions' }, search),
  );
  root.append(h('div', { class: 'admin-head' }, title, verify), verdict, error, form, list, more);

  const fields = (): AuditFields => ({
    actor: actor.value,
    entity: entity.value,
    operation: operation.value,
    kind: kind.value,
    from: from.value,
    to: to.value,
    outsideOnly: outside.checked,
  });
  /** Bumped by every search, so an answer to an earlier one (the page's first load) never replaces a newer. */
  let searchGen = 0;
  /** A new search starts from the newest record; "more" goes on from the last one shown. */
  const load = (after: string | null) => {
    const gen = after ? searchGen : ++searchGen;
    return attempt(lang, error, async () => {
      const page = await admin.auditTrail(auditFilter(fields()), 50, after);
      if (gen !== searchGen) return;
      records = after ? [...(records ?? []), ...page.records] : page.records;
      next = page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null;
      render();
    });
  };
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void load(null);
  });
  more.addEventListener('click', () => void load(next));
  verify.addEventListener(
    'click',
    () =>
      void attempt(lang, error, async () => {
        check = await admin.auditVerify();
        render();
      }),
  );

  function row(r: AuditRecord): HTMLElement {
    const t = tr(lang());
    const writes = r.writes.map((w) => (w.target ? `${w.action} ${w.target}` : w.action)).join('、');
    return h(
      'tr',
      { 'data-testid': 'audit-row', 'data-seq': r.seq, 'data-kind': r.kind, 'data-actor': r.actor ?? '' },
      h('td', { class: 'mono' }, String(r.seq)),
      h('td', {}, formatTime(r.at, lang())),
      h('td', {}, r.actor ?? '—', r.role ? h('div', { class: 'muted small' }, [r.role, r.via].filter(Boolean).join(' · ')) : null),
      h('td', {}, t(KIND_NAMES[r.kind])),
      h('td', { class: 'mono small' }, r.operation),
      h('td', { 'data-testid': 'audit-reason' }, r.reason ?? ''),
      h(
        'td',
        { class: 'small' },
        r.entities.length ? t('audit.entities', { n: r.entities.length }) : '',
        r.outside.length ? h('div', { class: 'form-hint' }, t('audit.outside', { n: r.outside.length })) : null,
        r.entities.length
          ? h('div', { class: 'mono muted audit-ids', title: r.entities.join('\n') }, r.entities.slice(0, 3).join(' '))
          : null,
      ),
      h('td', { class: 'small' }, writes, r.detail ? h('div', { class: 'muted' }, r.detail) : null),
      h('td', { class: 'mono small' }, r.ip ?? ''),
    );
  }

  function render() {
    const t = tr(lang());
    title.textContent = t('page.audit');
    labels.actor.textContent = t('audit.actor');
    labels.entity.textContent = t('audit.entity');
    labels.operation.textContent = t('audit.operation');
    labels.kind.textContent = t('audit.kind');
    labels.from.textContent = t('audit.from');
    labels.to.textContent = t('audit.to');
    labels.outside.textContent = t('audit.outsideOnly');
    entity.placeholder = t('audit.entityHint');
    search.textContent = t('search.button');
    verify.textContent = t('audit.verify');
    more.textContent = t('inbox.loadMore');
    const chosen = kind.value;
    kind.replaceChildren(h('option', { value: '' }, t('inbox.all')), ...KINDS.map((k) => h('option', { value: k }, t(KIND_NAMES[k]))));
    kind.value = chosen;
    fill(
      verdict,
      check
        ? h(
            'p',
            { class: check.ok ? 'audit-ok' : 'form-hint', 'data-testid': 'audit-verdict-text', 'data-ok': String(check.ok) },
            check.ok
              ? t('audit.chainOk', {
                  n: check.records,
                  files: check.files,
                  seq: check.lastSeq ?? 0,
                  hash: (check.lastHash ?? '').slice(0, 16),
                })
              : t('audit.chainBroken', { problem: check.problem ?? '', file: check.file ?? '', line: check.line ?? 0 }),
          )
        : null,
    );
    more.hidden = !next;
    if (records === null) return fill(list);
    if (records.length === 0) return fill(list, h('p', { class: 'muted', 'data-testid': 'audit-empty' }, t('audit.none')));
    fill(
      list,
      table(
        'audit-table',
        [
          'audit.seq',
          'audit.at',
          'audit.actor',
          'audit.kind',
          'audit.operation',
          'audit.reason',
          'audit.read',
          'audit.changed',
          'audit.ip',
        ],
        records.map(row),
        t,
      ),
    );
  }

  onLangChange(store, render);
  return {
    open() {
      // "Who looked at this": the entity comes from the details panel.
      const subject = store.get().auditSubject;
      if (subject) {
        entity.value = subject;
        store.set({ auditSubject: null });
      }
      check = null;
      render();
      void load(null);
    },
  };
}
