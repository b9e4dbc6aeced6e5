// 数据备案 Data filing: the feed registry with each feed's status (feeds: last delivery, rows, rejects,
// reject rate, a trend of the last deliveries, 逾期 overdue), a feed's deliveries with their files
// (feed(id)), and the rejected rows of one file (deliveryRejects, paged), so an administrator sees why
// rows were refused without opening a server folder. The server filters feeds by the caller's jurisdiction.
import type { AdminApi, FeedDeliveryRow, FeedRow, RejectRow } from '../api/admin-queries.js';
import { h, fill } from '../dom.js';
import type { Lang, MessageKey } from '../i18n.js';
import type { Store } from '../state.js';
import { attempt, onLangChange, table, tr } from './controls.js';
import { download, exportName } from '../export/download.js';
import { csvLine } from '../export/table.js';

type T = ReturnType<typeof tr>;

const pct = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)}%`);
const title = (f: Pick<FeedRow, 'titleZh' | 'titleEn'>, lang: Lang) => (lang === 'zh' ? f.titleZh : f.titleEn);

/** Rows per delivery as bars (oldest left), rejected share in red on top; the numbers in the tooltip. */
export function sparkline(deliveries: readonly Pick<FeedDeliveryRow, 'date' | 'rowsRead' | 'rowsRejected'>[]): HTMLElement {
  const points = [...deliveries].reverse();
  const max = Math.max(1, ...points.map((d) => d.rowsRead));
  return h(
    'span',
    {
      class: 'sparkline',
      'data-testid': 'feed-trend',
      title: points.map((d) => `${d.date}: ${d.rowsRead} / ${d.rowsRejected}`).join('\n'),
      style: 'display:inline-flex;align-items:flex-end;gap:2px;height:24px',
    },
    points.map((d) => {
      const height = Math.max(2, Math.round((d.rowsRead / max) * 24));
      const bad = d.rowsRead > 0 ? Math.round((d.rowsRejected / d.rowsRead) * height) : 0;
      return h(
        'span',
        { style: `display:inline-flex;flex-direction:column;justify-content:flex-end;width:6px;height:${height}px;background:#94a3b8` },
        bad > 0 ? h('span', { style: `height:${bad}px;background:#ef4444` }) : null,
      );
    }),
  );
}

function statusBadges(f: FeedRow, t: T): HTMLElement {
  const badges: HTMLElement[] = [];
  if (f.overdue)
    badges.push(
      h(
        'span',
        { class: 'badge badge-overdue', 'data-testid': 'feed-overdue', style: 'color:#b91c1c;font-weight:600' },
        t('feeds.overdue'),
      ),
    );
  if (f.rejectsOver)
    badges.push(
      h('span', { class: 'badge', 'data-testid': 'feed-rejects-over', style: 'color:#b45309;font-weight:600' }, t('feeds.rejectsOver')),
    );
  if (!badges.length) badges.push(h('span', { class: 'muted' }, t('feeds.ok')));
  return h('div', { class: 'row-actions' }, badges);
}

export function mountFeeds(root: HTMLElement, store: Store, admin: AdminApi): { open(): void } {
  let feeds: FeedRow[] | null = null;
  let chosen: { feed: FeedRow; deliveries: FeedDeliveryRow[] } | null = null;
  // notesOnly: the run rejected nothing; its file holds the notes of rows set aside (合计, 制表人).
  let rejects: { file: string; runId: string; notesOnly: boolean; rows: RejectRow[]; next: string | null } | null = null;
  const lang = (): Lang => store.get().lang;

  const heading = h('h2', { class: 'admin-title' });
  const refresh = h('button', { type: 'button', class: 'btn btn-small btn-ghost', 'data-testid': 'feeds-refresh' });
  const error = h('p', { class: 'form-hint admin-error', role: 'alert', 'data-testid': 'admin-error', hidden: true });
  const list = h('div', { class: 'admin-list' });
  const detail = h('div', { class: 'admin-list', 'data-testid': 'feed-detail' });
  const rejectList = h('div', { class: 'admin-list', 'data-testid': 'feed-rejects' });
  const more = h('button', { type: 'button', class: 'btn btn-small btn-ghost load-more', 'data-testid': 'rejects-more', hidden: true });
  const save = h('button', { type: 'button', class: 'btn btn-small btn-ghost', 'data-testid': 'rejects-download', hidden: true });
  const saving = h('span', { class: 'muted small', 'data-testid': 'rejects-download-progress' });
  root.append(
    h('div', { class: 'admin-head' }, heading, refresh),
    error,
    list,
    detail,
    rejectList,
    h('div', { class: 'row-actions' }, more, save, saving),
  );

  const load = () =>
    attempt(lang, error, async () => {
      feeds = await admin.feeds();
      render();
    });
  const openFeed = (feed: FeedRow) =>
    attempt(lang, error, async () => {
      const f = await admin.feed(feed.id);
      chosen = { feed, deliveries: f?.deliveries ?? [] };
      rejects = null;
      render();
      // The deliveries open under a registry of a dozen or more feeds: bring them into view.
      detail.scrollIntoView({ block: 'start', behavior: 'smooth' });
    });
  const loadRejects = (runId: string, file: string, after: string | null, notesOnly = false) =>
    attempt(lang, error, async () => {
      const page = await admin.deliveryRejects(runId, 100, after);
      const before = after && rejects?.runId === runId ? rejects.rows : [];
      rejects = {
        runId,
        file,
        notesOnly,
        rows: [...before, ...page.rows],
        next: page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null,
      };
      // Another file's list: the last download's count is not about it.
      if (!after) saving.textContent = '';
      render();
      if (!after) rejectList.scrollIntoView({ block: 'start', behavior: 'smooth' });
    });
  /**
   * Every rejected row of the file shown, as a CSV the department can be sent back to fix its export (退回补正):
   * read through the API a page at a time, so it is what the caller may see (masked for an analyst) and
   * every page is in the audit trail. UTF-8 with a BOM, so Excel opens it with the Chinese intact.
   */
  const saveRejects = () =>
    attempt(lang, error, async () => {
      if (!rejects) return;
      const { runId, file } = rejects;
      const t = tr(lang());
      const lines = [csvLine([t('feeds.n'), t('feeds.file'), t('feeds.row'), t('feeds.column'), t('feeds.value'), t('feeds.reason')])];
      save.disabled = true;
      try {
        for (let after: string | null = null; ;) {
          const page = await admin.deliveryRejects(runId, 500, after);
          for (const r of page.rows) lines.push(csvLine([r.n, r.file, r.row, r.column, r.value ?? '', r.reason]));
          saving.textContent = t('feeds.downloading', { n: lines.length - 1 });
          if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
          after = page.pageInfo.endCursor;
        }
        download(exportName(`rejects-${file.replace(/\.[^.]+$/, '')}`, 'csv'), `\ufeff${lines.join('\r\n')}\r\n`, 'text/csv;charset=utf-8');
        saving.textContent = t('feeds.downloaded', { n: lines.length - 1 });
      } finally {
        save.disabled = false;
      }
    });
  refresh.addEventListener('click', () => void load());
  save.addEventListener('click', () => void saveRejects());
  more.addEventListener('click', () => rejects && void loadRejects(rejects.runId, rejects.file, rejects.next, rejects.notesOnly));

  function feedRow(f: FeedRow, t: T): HTMLElement {
    const last = f.lastDelivery;
    return h(
      'tr',
      {
        'data-testid': 'feed-row',
        'data-feed': f.id,
        'data-overdue': String(f.overdue),
        class: chosen?.feed.id === f.id ? 'active' : undefined,
      },
      h(
        'td',
        {},
        h('button', { type: 'button', class: 'link', 'data-testid': 'feed-open', onclick: () => void openFeed(f) }, title(f, lang())),
        h('div', { class: 'muted small mono' }, f.id),
      ),
      h(
        'td',
        {},
        f.department.name ?? f.department.ref,
        f.responsible.ref !== f.department.ref
          ? h('div', { class: 'muted small' }, `${t('feeds.responsible')}: ${f.responsible.name ?? f.responsible.ref}`)
          : null,
        f.contact ? h('div', { class: 'muted small' }, t('feeds.contact', { c: f.contact })) : null,
      ),
      h('td', { class: 'mono small' }, f.mappings.join(', ')),
      h('td', {}, t(`feeds.cadence.${f.cadence}` as MessageKey)),
      h('td', {}, t(`feeds.delivery.${f.delivery}` as MessageKey)),
      h('td', {}, last ? last.date : h('span', { class: 'muted' }, t('feeds.never'))),
      h('td', { class: 'num' }, last ? `${last.rowsRead} / ${last.rowsLoaded}` : ''),
      h(
        'td',
        { class: 'num' },
        last ? String(last.rowsRejected) : '',
        last && last.filesRefused > 0
          ? h(
              'div',
              { class: 'small', style: 'color:#b91c1c', 'data-testid': 'feed-files-refused' },
              t('feeds.filesRefused', { n: last.filesRefused }),
            )
          : null,
      ),
      h('td', { class: 'num', title: t('feeds.threshold', { p: pct(f.rejectRateMax) }) }, pct(f.rejectRate)),
      h('td', {}, sparkline(f.deliveries)),
      h('td', {}, f.nextDue ?? '—'),
      h('td', {}, statusBadges(f, t)),
    );
  }

  function deliveryRows(deliveries: FeedDeliveryRow[], t: T): HTMLElement[] {
    return deliveries.flatMap((d) =>
      d.runs.map((r, i) => {
        // A rejects file that holds only the notes of rows set aside (a 合计 row): nothing was rejected.
        const notesOnly = r.rowsRejected === 0 && r.rowsAside > 0;
        // A file refused whole has no rows to list: its reason (the missing columns and the file's headers
        // like them) is what the department needs to mend its export.
        const refused =
          r.status === 'refused'
            ? h(
                'div',
                { class: 'small', 'data-testid': 'run-refused', style: 'color:#b91c1c' },
                h('strong', {}, t('feeds.refused')),
                r.reason ?? '',
              )
            : null;
        return h(
          'tr',
          { 'data-testid': 'delivery-row', 'data-run': r.id, 'data-status': r.status },
          h('td', {}, i === 0 ? d.date : ''),
          h('td', {}, r.file, h('div', { class: 'muted small mono' }, r.source), refused),
          h('td', { class: 'num' }, `${r.rowsRead} / ${r.rowsLoaded}`),
          h(
            'td',
            { class: 'num' },
            String(r.rowsRejected),
            r.rowsAside > 0 ? h('div', { class: 'muted small', 'data-testid': 'rows-aside' }, t('feeds.aside', { n: r.rowsAside })) : null,
          ),
          h('td', { class: 'num' }, pct(r.rowsRead > 0 ? r.rowsRejected / r.rowsRead : 0)),
          h(
            'td',
            {},
            r.hasRejects
              ? h(
                  'button',
                  {
                    type: 'button',
                    class: 'btn btn-small btn-ghost',
                    'data-testid': 'show-rejects',
                    onclick: () => void loadRejects(r.id, r.file, null, notesOnly),
                  },
                  t(notesOnly ? 'feeds.showNotes' : 'feeds.showRejects'),
                )
              : h('span', { class: 'muted' }, '—'),
          ),
        );
      }),
    );
  }

  function render() {
    const t = tr(lang());
    heading.textContent = t('page.feeds');
    refresh.textContent = t('feeds.refresh');
    more.textContent = t('inbox.loadMore');
    more.hidden = !rejects?.next;
    save.textContent = t('feeds.download');
    save.hidden = !rejects || rejects.rows.length === 0;
    if (!rejects) saving.textContent = '';
    if (feeds === null) fill(list);
    else if (feeds.length === 0) fill(list, h('p', { class: 'muted', 'data-testid': 'feeds-empty' }, t('feeds.none')));
    else
      fill(
        list,
        table(
          'feeds-table',
          [
            'feeds.feed',
            'feeds.department',
            'feeds.sources',
            'feeds.cadence',
            'feeds.delivery',
            'feeds.last',
            'feeds.rows',
            'feeds.rejects',
            'feeds.rate',
            'feeds.trend',
            'feeds.nextDue',
            'feeds.status',
          ],
          feeds.map((f) => feedRow(f, t)),
          t,
        ),
      );
    fill(
      detail,
      chosen
        ? [
            h('h3', {}, t('feeds.deliveries', { feed: title(chosen.feed, lang()) })),
            table(
              'deliveries-table',
              ['feeds.date', 'feeds.files', 'feeds.rows', 'feeds.rejects', 'feeds.rate', 'feeds.showRejects'],
              deliveryRows(chosen.deliveries, t),
              t,
            ),
          ]
        : null,
    );
    fill(
      rejectList,
      rejects
        ? [
            h('h3', {}, t(rejects.notesOnly ? 'feeds.notesOf' : 'feeds.rejectsOf', { file: rejects.file })),
            rejects.rows.length === 0
              ? h('p', { class: 'muted' }, t('feeds.noRejects'))
              : table(
                  'rejects-table',
                  ['feeds.n', 'feeds.file', 'feeds.row', 'feeds.column', 'feeds.value', 'feeds.reason'],
                  rejects.rows.map((r) =>
                    h(
                      'tr',
                      { 'data-testid': 'reject-row' },
                      h('td', { class: 'num' }, String(r.n)),
                      h('td', {}, r.file),
                      h('td', { class: 'num' }, String(r.row)),
                      h('td', {}, r.column),
                      h('td', { class: 'mono' }, r.value ?? ''),
                      h('td', {}, r.reason),
                    ),
                  ),
                  t,
                ),
          ]
        : null,
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
