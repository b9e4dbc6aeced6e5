// The feed-health checks: an overdue feed, and a last delivery rejecting more than the feed allows, each
// raise an alert anchored on the responsible unit (the alert FLAGS that Org, which is what jurisdiction
// reads: server/access/jurisdiction.ts). They go through the alert store the Cypher models use, as two
// built-in models with ids of their own, so the alerts reach the inbox, take triage, and are marked gone
// when the feed catches up (a complete run no longer finds them).
//
// Why not Cypher models over `Feed` nodes: the registry is a file a site edits, and a projection into the
// graph would be a second copy to keep in step with it; the due dates are calendar arithmetic that reads
// better in TypeScript than in Cypher. The status (server/feeds/status.ts) is the one computation both the
// API and these checks use.
import { randomUUID } from 'node:crypto';
import type { Executor } from '../../platform/db/executor.js';
import { hideIdNumbers } from '../../platform/identifiers/id-number.js';
import type { Feed } from '../../platform/feeds/registry.js';
import { fingerprint } from '../alerts/fingerprint.js';
import { storeAlerts, type AlertDraft } from '../alerts/store.js';
import type { Model } from '../models/library.js';
import { feedStatuses, type FeedStatus } from './status.js';

const builtIn = (id: string, title: Model['title'], description: string, identity: string[]): Model => ({
  id,
  revision: 1,
  catalog: undefined,
  title,
  description,
  severity: 'medium',
  tags: ['数据备案', 'feeds'],
  parameters: [],
  identity,
  subjects: [{ column: 'unit', role: 'responsible' }],
  evidence: 'unit',
  amount: undefined,
  summary: { zh: '', en: '' },
  scheduleMs: undefined,
  domain: 'feeds',
  file: 'server/feeds/checks.ts',
  cypher: '',
});

/** One alert per feed and missed due date: a feed late again after catching up is a new case. */
export const FEED_OVERDUE = builtIn(
  'feed-overdue',
  { zh: '数据备案逾期未报送', en: 'Feed overdue' },
  '备案的数据未按约定周期报送。A filed feed has not delivered by its due date.',
  ['feed', 'due'],
);

/** One alert per feed and delivery: a later delivery within the threshold closes it. */
export const FEED_REJECTS = builtIn(
  'feed-rejects',
  { zh: '数据报送拒收率过高', en: 'Feed reject rate above threshold' },
  '最近一次报送被拒收的行数占比超过备案阈值，或有文件整体拒收（缺少必需列、无法读取）。The last delivery rejected more rows than the feed allows, or had a file refused whole (required columns missing, unreadable).',
  ['feed', 'delivery'],
);

export const FEED_CHECKS = [FEED_OVERDUE, FEED_REJECTS];

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function draft(model: Model, s: FeedStatus, identity: string[], zh: string, en: string): AlertDraft {
  const unit = s.responsible.uid;
  return {
    fingerprint: fingerprint(model.id, identity),
    identity: JSON.stringify(identity),
    // Unit names and contacts are the site's text: masked like every summary, in case one holds an ID number.
    summaryZh: hideIdNumbers(zh),
    summaryEn: hideIdNumbers(en),
    amount: null,
    evidenceNodes: unit ? [unit] : [],
    evidenceEdges: [],
    subjects: unit ? [{ uid: unit, role: 'responsible' }] : [],
  };
}

const who = (s: FeedStatus) => {
  const contact = s.feed.contact ? `，联系人 ${s.feed.contact}` : '';
  return `报送单位 ${s.department.name ?? s.feed.department}${contact}`;
};

export function overdueDraft(s: FeedStatus): AlertDraft {
  const last = s.last?.date;
  const due = s.nextDue ?? 'never';
  return draft(
    FEED_OVERDUE,
    s,
    [s.feed.id, due],
    `「${s.feed.title.zh}」逾期未报送：${s.nextDue ? `应于 ${s.nextDue} 前报送` : '从未报送'}，最近一次报送 ${last ?? '无'}（${who(s)}）`,
    `"${s.feed.title.en}" is overdue: ${s.nextDue ? `due by ${s.nextDue}` : 'never delivered'}, last delivery ${last ?? 'none'}`,
  );
}

export function rejectsDraft(s: FeedStatus): AlertDraft {
  const d = s.last!;
  const refused = d.refused;
  if (refused.length) {
    const files = refused.map((r) => r.file).join('、');
    return draft(
      FEED_REJECTS,
      s,
      [s.feed.id, d.date],
      `「${s.feed.title.zh}」${d.date} 报送的 ${refused.length} 个文件整体拒收（${files}），请按原因修正后重报（${who(s)}）：${refused[0]!.reason ?? ''}`.slice(
        0,
        600,
      ),
      `"${s.feed.title.en}" delivery of ${d.date}: ${refused.length} file(s) refused whole (${files}): ${refused[0]!.reason ?? ''}`.slice(
        0,
        600,
      ),
    );
  }
  return draft(
    FEED_REJECTS,
    s,
    [s.feed.id, d.date],
    `「${s.feed.title.zh}」${d.date} 报送拒收 ${d.rowsRejected}/${d.rowsRead} 行（${pct(d.rejectRate)}，阈值 ${pct(s.feed.rejectRateMax)}；${who(s)}）`,
    `"${s.feed.title.en}" delivery of ${d.date} rejected ${d.rowsRejected} of ${d.rowsRead} rows (${pct(d.rejectRate)}, threshold ${pct(s.feed.rejectRateMax)})`,
  );
}

export interface FeedCheckResult {
  feeds: number;
  overdue: { new: number; kept: number; gone: number };
  rejects: { new: number; kept: number; gone: number };
}

/** Runs both checks over the whole registry; each run is complete, so what it no longer finds is gone. */
export async function checkFeeds(db: Executor, feeds: Feed[], now: Date = new Date()): Promise<FeedCheckResult> {
  const statuses = await feedStatuses(db, feeds, now);
  const at = now.toISOString();
  const store = (model: Model, drafts: AlertDraft[]) => storeAlerts(db, model, drafts, { runId: randomUUID(), now: at, complete: true });
  return {
    feeds: feeds.length,
    overdue: await store(FEED_OVERDUE, statuses.filter((s) => s.overdue).map(overdueDraft)),
    rejects: await store(FEED_REJECTS, statuses.filter((s) => s.rejectsOver).map(rejectsDraft)),
  };
}
