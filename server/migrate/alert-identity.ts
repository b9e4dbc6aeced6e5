// An alert's fingerprint hashes its identity values (server/models/runner.ts identityOf), and those hold
// Person uids: re-keying the people changes every fingerprint, and the next model run would raise each
// alert anew, apart from its triage history. Alerts stored since the identity is kept on them carry it;
// for older ones it is found again here, while the graph still holds the raw keys it was computed from.
import type { Executor } from '../../platform/db/executor.js';
import { fingerprint } from '../alerts/fingerprint.js';
import type { Library, Model } from '../models/library.js';
import { defaultParams } from '../models/params.js';
import { identityOf } from '../models/runner.js';

export interface StoredAlert {
  uid: string;
  fingerprint: string;
  modelId: string;
  identity: unknown[] | null;
  /** Whether the identity was stored on the alert (false: unknown, or found by this migration). */
  identityStored: boolean;
  evidenceNodes: string[];
  evidenceEdges: string[];
  subjects: string[];
}

/** Enumerating candidate identities stops here: a model with many identity columns over a large evidence set. */
const MAX_GUESSES = 200_000;

export async function readAlerts(db: Executor): Promise<StoredAlert[]> {
  const { rows } = await db.read<Omit<StoredAlert, 'identity' | 'identityStored'> & { identity: string | null }>(
    `MATCH (a:Alert)
     OPTIONAL MATCH (a)-[:FLAGS]->(s:Entity)
     RETURN a.uid AS uid, a.fingerprint AS fingerprint, a.modelId AS modelId, a.identity AS identity,
            coalesce(a.evidenceNodes, []) AS evidenceNodes, coalesce(a.evidenceEdges, []) AS evidenceEdges,
            collect(DISTINCT s.uid) AS subjects`,
  );
  return rows.map((r) => {
    const identity = parseIdentity(r.identity);
    return { ...r, identity, identityStored: identity !== null };
  });
}

function parseIdentity(raw: string | null): unknown[] | null {
  if (typeof raw !== 'string') return null;
  try {
    const v: unknown = JSON.parse(raw);
    return Array.isArray(v) ? v : null;
  } catch {
    return null;
  }
}

/**
 * Fills in the identity of alerts stored without one. First by running their model again (default
 * parameters): every row whose fingerprint is an alert's gives that alert its identity. An alert the
 * model no longer finds is tried against its own evidence and subjects, which hold the node values of
 * its identity; an identity with other values (a pattern name, a year) cannot be guessed and stays unknown.
 */
export async function recoverIdentities(
  db: Executor,
  library: Library,
  alerts: StoredAlert[],
  log: (m: string) => void,
): Promise<{ byRun: number; byEvidence: number; unknown: number }> {
  const missing = alerts.filter((a) => a.identity === null);
  const byModel = new Map<string, StoredAlert[]>();
  for (const a of missing) byModel.set(a.modelId, [...(byModel.get(a.modelId) ?? []), a]);
  let byRun = 0;
  let byEvidence = 0;
  for (const [modelId, group] of byModel) {
    const model = library.get(modelId);
    if (!model) {
      log(`  ${group.length} alert(s) of ${modelId}: the model is no longer in the library, identity unknown`);
      continue;
    }
    const wanted = new Map(group.map((a) => [a.fingerprint, a]));
    const rows = await modelRows(db, model);
    for (const row of rows) {
      const identity = identityOf(model, row);
      const a = wanted.get(fingerprint(model.id, identity));
      if (a && a.identity === null) {
        a.identity = identity;
        byRun++;
      }
    }
    for (const a of group) {
      if (a.identity !== null) continue;
      const guessed = guessIdentity(model, a);
      if (guessed) {
        a.identity = guessed;
        byEvidence++;
      }
    }
    log(`  ${modelId}: ${group.filter((a) => a.identity !== null).length} of ${group.length} alert identities found (${rows.length} rows)`);
  }
  return { byRun, byEvidence, unknown: missing.filter((a) => a.identity === null).length };
}

async function modelRows(db: Executor, model: Model): Promise<Record<string, unknown>[]> {
  // A migration is no interactive request: the whole result, however long the model takes.
  const { rows } = await db.readCapped(model.cypher, defaultParams(model), 5_000_000, {
    timeoutMs: 30 * 60_000,
    metadata: { app: 'huiyan', op: 'migrate-pseudonymise', model: model.id },
  });
  return rows;
}

/** Every assignment of the alert's node uids (or null) to the identity columns whose fingerprint is the alert's. */
export function guessIdentity(
  model: Pick<Model, 'id' | 'identity'>,
  a: Pick<StoredAlert, 'fingerprint' | 'evidenceNodes' | 'subjects'>,
): unknown[] | undefined {
  const candidates: (string | null)[] = [...new Set([...a.subjects, ...a.evidenceNodes]), null];
  const k = model.identity.length;
  if (candidates.length ** k > MAX_GUESSES) return undefined;
  const pick: (string | null)[] = new Array<string | null>(k).fill(null);
  const walk = (i: number): unknown[] | undefined => {
    if (i === k) return fingerprint(model.id, pick) === a.fingerprint ? [...pick] : undefined;
    for (const c of candidates) {
      pick[i] = c;
      const found = walk(i + 1);
      if (found) return found;
    }
    return undefined;
  };
  return walk(0);
}
