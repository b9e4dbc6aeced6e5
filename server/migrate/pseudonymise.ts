// `npm run migrate -- pseudonymise`: a database loaded with raw ID numbers is re-keyed in place, so it looks
// as if it had been loaded with the key. Every sensitive value (Person.idNo) becomes its keyed token and a
// node keyed by one gets the uid "<Label>:<token>"; the masked number stays for display. Nodes keep their
// relationships (they are the same nodes), and alerts keep their triage history: each alert's identity is
// re-keyed and its fingerprint computed again, so the next model run finds it instead of raising a new one.
//
// Order matters for a run that is interrupted: alerts first, while the graph still holds the raw keys their
// old fingerprints were computed from, then the people. Run again, it finishes what is left and changes
// nothing once nothing raw is left.
import type { Executor } from '../../platform/db/executor.js';
import { maskIdNo } from '../../platform/identifiers/id-number.js';
import { pseudonymiser, TOKEN, type Pseudonymiser } from '../../platform/identifiers/pseudonym.js';
import { uidOf, type GraphSchema } from '../../platform/schema/graph-schema.js';
import { fingerprint } from '../alerts/fingerprint.js';
import { edgeKey } from '../alerts/evidence.js';
import type { Library } from '../models/library.js';
import { readAlerts, recoverIdentities, type StoredAlert } from './alert-identity.js';
import { RAW_WHERE, sensitiveLabels, TOKEN_PATTERN, type SensitiveLabel } from './raw-keys.js';

const BATCH = 1000;

export interface MigrationReport {
  /** Nodes whose sensitive values were replaced, per label. */
  rekeyed: Record<string, number>;
  alertsUpdated: number;
  /** Alerts whose identity could not be found: they keep their fingerprint (their evidence is re-keyed). */
  alertsUnknownIdentity: number;
  /** Alerts left as they were because another alert already has their new fingerprint. */
  alertsConflicting: string[];
  modelRunsUpdated: number;
}

export class MigrationRefused extends Error {
  override name = 'MigrationRefused';
}

interface NodeChange {
  old: string;
  set: Record<string, unknown>;
}

/** The new values of one label's nodes that still hold raw values, and old uid → new uid. */
async function plannedChanges(db: Executor, s: SensitiveLabel, token: Pseudonymiser, schema: GraphSchema): Promise<NodeChange[]> {
  const { rows } = await db.read<{ uid: string; values: unknown[]; masked: unknown }>(
    `MATCH (n:${s.label}) WHERE ${RAW_WHERE}
     RETURN n.uid AS uid, [k IN $props | n[k]] AS values, n[$maskedProp] AS masked`,
    { props: s.props, token: TOKEN_PATTERN, maskedProp: maskedProp(s, schema) ?? '' },
  );
  return rows.map((r) => {
    const set: Record<string, unknown> = {};
    s.props.forEach((p, i) => {
      const v = r.values[i];
      if (typeof v === 'string' && !TOKEN.test(v)) set[p] = token(v);
    });
    const rawKey = s.key ? r.values[s.props.indexOf(s.key)] : undefined;
    if (s.key && typeof set[s.key] === 'string') {
      set.uid = uidOf(s.label, set[s.key] as string);
      // The loaders keep "<key>Masked" for display; a node written before they did gets it now.
      const mp = maskedProp(s, schema);
      if (mp && (r.masked === null || r.masked === undefined) && typeof rawKey === 'string') set[mp] = maskIdNo(rawKey);
    }
    return { old: r.uid, set };
  });
}

/** "<key>Masked" when graph.yaml declares it beside a sensitive key (Person.idNoMasked). */
function maskedProp(s: SensitiveLabel, schema: GraphSchema): string | undefined {
  const name = s.key ? `${s.key}Masked` : undefined;
  return name && schema.labels[s.label]?.properties[name] ? name : undefined;
}

export async function pseudonymise(
  db: Executor,
  opts: { schema: GraphSchema; library: Library; key: string; log: (m: string) => void },
): Promise<MigrationReport> {
  const { log, schema } = opts;
  const token = pseudonymiser(opts.key);
  const report: MigrationReport = { rekeyed: {}, alertsUpdated: 0, alertsUnknownIdentity: 0, alertsConflicting: [], modelRunsUpdated: 0 };

  const plans: [SensitiveLabel, NodeChange[]][] = [];
  for (const s of sensitiveLabels(schema)) plans.push([s, await plannedChanges(db, s, token, schema)]);
  const uidMap = new Map<string, string>();
  for (const [, changes] of plans) for (const c of changes) if (typeof c.set.uid === 'string') uidMap.set(c.old, c.set.uid);
  const total = plans.reduce((n, [, c]) => n + c.length, 0);
  if (total === 0) {
    log('Nothing to migrate: no raw ID numbers are stored. 无需迁移。');
    return report;
  }
  log(`${plans.map(([s, c]) => `${c.length} ${s.label}`).join(', ')} node(s) hold raw values. 待迁移。`);
  await refuseCollisions(db, uidMap);

  // Alerts first (see the header): their identities are found against the raw graph.
  const alerts = await readAlerts(db);
  if (alerts.length) {
    log(`Alerts: ${alerts.length}; finding the identity of those stored without one…`);
    const recovered = await recoverIdentities(db, opts.library, alerts, log);
    report.alertsUnknownIdentity = recovered.unknown;
    const r = await rekeyAlerts(db, alerts, uidMap, log);
    report.alertsUpdated = r.updated;
    report.alertsConflicting = r.conflicting;
  }
  report.modelRunsUpdated = await rekeyModelRuns(db, uidMap);

  for (const [s, changes] of plans) {
    let done = 0;
    for (let i = 0; i < changes.length; i += BATCH) {
      const batch = changes.slice(i, i + BATCH);
      await db.write(`UNWIND $rows AS r MATCH (n:${s.label} {uid: r.old}) SET n += r.set`, { rows: batch });
      done += batch.length;
      log(`  ${s.label}: ${done} of ${changes.length} re-keyed`);
    }
    report.rekeyed[s.label] = done;
  }
  return report;
}

/**
 * A token that is already some node's key means the same person was loaded twice, once raw and once keyed
 * (a load with the key into a database not yet migrated). Merging the two is no job for a key change:
 * refuse before changing anything, and say how many.
 */
async function refuseCollisions(db: Executor, uidMap: Map<string, string>): Promise<void> {
  const news = [...uidMap.values()];
  let clashes = 0;
  for (let i = 0; i < news.length; i += BATCH) {
    const { rows } = await db.read<{ n: number }>('MATCH (n:Entity) WHERE n.uid IN $uids RETURN count(n) AS n', {
      uids: news.slice(i, i + BATCH),
    });
    clashes += Number(rows[0]?.n ?? 0);
  }
  if (clashes > 0)
    throw new MigrationRefused(
      `${clashes} node(s) exist twice, with the raw number and with its token (data loaded with the key before this migration). ` +
        'Nothing was changed. Reload the department files into an empty database instead (the key stays in place).',
    );
}

const rekeyUid = (uidMap: Map<string, string>) => (v: unknown) => (typeof v === 'string' ? (uidMap.get(v) ?? v) : v);

function rekeyEdge(uidMap: Map<string, string>, e: string): string {
  const parts = e.split('|');
  if (parts.length !== 3) return e;
  const [s, type, t] = parts as [string, string, string];
  return edgeKey(uidMap.get(s) ?? s, type, uidMap.get(t) ?? t);
}

async function rekeyAlerts(
  db: Executor,
  alerts: StoredAlert[],
  uidMap: Map<string, string>,
  log: (m: string) => void,
): Promise<{ updated: number; conflicting: string[] }> {
  const rk = rekeyUid(uidMap);
  const rows = [];
  for (const a of alerts) {
    const identity = a.identity?.map(rk) ?? null;
    const fp = identity ? fingerprint(a.modelId, identity) : a.fingerprint;
    const nodes = a.evidenceNodes.map((n) => rk(n) as string).sort();
    const edges = a.evidenceEdges.map((e) => rekeyEdge(uidMap, e)).sort();
    const changed =
      fp !== a.fingerprint ||
      JSON.stringify(nodes) !== JSON.stringify([...a.evidenceNodes].sort()) ||
      JSON.stringify(edges) !== JSON.stringify([...a.evidenceEdges].sort()) ||
      // An alert stored before identities were kept gets the one found for it, so a later re-keying needs no search.
      (identity !== null && !a.identityStored);
    if (!changed) continue;
    rows.push({ old: a.uid, fp, identity: identity ? JSON.stringify(identity) : null, nodes, edges });
  }
  let updated = 0;
  const conflicting: string[] = [];
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    // The alert is the same node: FLAGS to its subjects and HAS_EVENT to its history stay attached.
    const { rows: done } = await db.write<{ old: string; ok: boolean }>(
      `UNWIND $rows AS r
       MATCH (a:Alert {uid: r.old})
       OPTIONAL MATCH (other:Alert {fingerprint: r.fp}) WHERE other <> a
       WITH a, r, other IS NULL AS ok
       CALL (a, r, ok) {
         WITH a, r, ok WHERE ok
         SET a.fingerprint = r.fp, a.uid = 'Alert:' + r.fp, a.identity = coalesce(r.identity, a.identity),
             a.evidenceNodes = r.nodes, a.evidenceEdges = r.edges
       }
       RETURN r.old AS old, ok`,
      { rows: batch },
    );
    for (const d of done) {
      if (d.ok) updated++;
      else conflicting.push(d.old);
    }
    log(`  alerts: ${Math.min(i + BATCH, rows.length)} of ${rows.length} re-keyed`);
  }
  return { updated, conflicting };
}

/** A scoped model run records its subject's uid. */
async function rekeyModelRuns(db: Executor, uidMap: Map<string, string>): Promise<number> {
  const { rows } = await db.read<{ s: string }>('MATCH (r:ModelRun) WHERE r.subject IS NOT NULL RETURN DISTINCT r.subject AS s');
  const pairs = rows.filter((r) => uidMap.has(r.s)).map((r) => ({ old: r.s, new: uidMap.get(r.s)! }));
  if (!pairs.length) return 0;
  const { rows: n } = await db.write<{ n: number }>(
    'UNWIND $pairs AS p MATCH (r:ModelRun {subject: p.old}) SET r.subject = p.new RETURN count(r) AS n',
    { pairs },
  );
  return Number(n[0]?.n ?? 0);
}
