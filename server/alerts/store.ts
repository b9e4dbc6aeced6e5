// Writes a run's alerts: MERGE by fingerprint (first seen kept, last seen moved), FLAGS to each subject,
// the units each is about (its jurisdiction's anchors), and alerts of this model that the run no longer
// finds marked gone. Constant query shapes, one transaction.
import type { Executor } from '../../platform/db/executor.js';
import { setAnchors } from './anchors.js';
import type { Model } from '../models/library.js';

export interface AlertDraft {
  fingerprint: string;
  /**
   * The identity values the fingerprint hashes (JSON), kept on the alert so the fingerprint can be
   * computed again when the values change form: re-keying ID numbers (server/migrate) keeps the alert.
   */
  identity: string;
  summaryZh: string;
  summaryEn: string;
  amount: number | null;
  evidenceNodes: string[];
  evidenceEdges: string[];
  subjects: { uid: string; role: string }[];
}

const UPSERT = `
UNWIND $alerts AS a
MERGE (n:Alert:Entity {fingerprint: a.fingerprint})
  ON CREATE SET n.uid = 'Alert:' + a.fingerprint, n.firstSeen = $now, n.state = 'new'
SET n.modelId = $modelId, n.modelRevision = $revision, n.modelTitleZh = $titleZh, n.modelTitleEn = $titleEn,
    n.severity = $severity, n.title = $titleZh, n.summaryZh = a.summaryZh, n.summaryEn = a.summaryEn,
    n.amount = a.amount, n.identity = a.identity, n.evidenceNodes = a.evidenceNodes, n.evidenceEdges = a.evidenceEdges,
    n.lastSeen = $now, n.lastRun = $runId, n.gone = false, n.goneAt = null
WITH n, a
UNWIND a.subjects AS s
MATCH (e:Entity {uid: s.uid})
MERGE (n)-[f:FLAGS {role: s.role}]->(e)`;

// After the FLAGS: the units the alert is about, as they stand at this run (server/access/jurisdiction.ts).
const anchor = () => `
UNWIND $present AS fp
MATCH (n:Alert {fingerprint: fp})
${setAnchors('n')}`;

const MARK_GONE = `
MATCH (n:Alert {modelId: $modelId})
WHERE NOT n.fingerprint IN $present AND coalesce(n.gone, false) = false
SET n.gone = true, n.goneAt = $now
RETURN count(n) AS gone`;

export async function storeAlerts(
  db: Executor,
  model: Model,
  alerts: AlertDraft[],
  opts: { runId: string; now: string; complete: boolean },
): Promise<{ new: number; kept: number; gone: number }> {
  const fps = alerts.map((a) => a.fingerprint);
  const existing = await db.read<{ fp: string }>('MATCH (n:Alert) WHERE n.fingerprint IN $fps RETURN n.fingerprint AS fp', { fps });
  const kept = existing.rows.length;
  const params = {
    alerts,
    now: opts.now,
    runId: opts.runId,
    modelId: model.id,
    revision: model.revision,
    titleZh: model.title.zh,
    titleEn: model.title.en,
    severity: model.severity,
    present: fps,
  };
  // A capped or failed run saw only part of the data: it must not declare the rest gone.
  const statements = [
    { cypher: UPSERT, params },
    { cypher: anchor(), params },
  ];
  if (opts.complete) statements.push({ cypher: MARK_GONE, params });
  const results = await db.writeTx(statements);
  const gone = opts.complete ? Number(results[2]?.rows[0]?.gone ?? 0) : 0;
  return { new: alerts.length - kept, kept, gone };
}
