// 豁免名单: known false positives. An exemption names a subject (entity uid), a model, why, until when and
// who made it. While it is valid the model raises no alert that flags the subject (runner.ts drops those
// drafts before storing, so an open one is marked gone by the next complete run, like any finding the
// data no longer supports); after expiry the next run raises it again, under the same fingerprint, so it
// comes back with its workflow history. Kept in the database, not in a site file: exemptions are made by
// analysts through the API at any time, name subjects of the graph, and must be seen at once by every API
// server sharing the database; the audit trail records who made or lifted each.
import { randomUUID } from 'node:crypto';
import type { Executor } from '../../platform/db/executor.js';
import type { AlertDraft } from '../alerts/store.js';

export interface Exemption {
  id: string;
  subject: string;
  model: string;
  reason: string;
  /** ISO instant (UTC) after which the exemption no longer holds. */
  expires: string;
  createdBy: string;
  createdAt: string;
}

export class BadExemption extends Error {
  override name = 'BadExemption';
  readonly code = 'BAD_INPUT';
}

/** An exemption is reviewed at least yearly: a longer one is refused. */
export const MAX_EXEMPTION_DAYS = 366;

/**
 * The instant an exemption ends: a date (YYYY-MM-DD) holds through that day in the server's time zone,
 * an ISO date-time until that instant. Refused when past, unreadable or more than a year ahead.
 */
export function expiryOf(input: string, now: Date): string {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(input.trim());
  const t = dateOnly ? new Date(`${input.trim()}T23:59:59.999`) : new Date(input);
  if (Number.isNaN(t.getTime()) || (!dateOnly && !/^\d{4}-\d{2}-\d{2}T/.test(input.trim())))
    throw new BadExemption(`expires must be a date YYYY-MM-DD or an ISO date-time, got "${input}"`);
  if (t.getTime() <= now.getTime()) throw new BadExemption(`expires ${input} is not in the future`);
  if (t.getTime() - now.getTime() > MAX_EXEMPTION_DAYS * 86_400_000)
    throw new BadExemption(`expires ${input} is more than ${MAX_EXEMPTION_DAYS} days ahead: exemptions are reviewed at least yearly`);
  return t.toISOString();
}

export const isValidAt = (e: Pick<Exemption, 'expires'>, now: Date): boolean => e.expires > now.toISOString();

export async function addExemption(
  db: Executor,
  input: { subject: string; model: string; reason: string; expires: string; by: string },
  now: Date = new Date(),
): Promise<Exemption> {
  const reason = input.reason.trim();
  if (reason.length < 2) throw new BadExemption('an exemption needs a reason');
  const e: Exemption = {
    id: randomUUID(),
    subject: input.subject,
    model: input.model,
    reason: reason.slice(0, 500),
    expires: expiryOf(input.expires, now),
    createdBy: input.by,
    createdAt: now.toISOString(),
  };
  await db.write('CREATE (:Exemption $e)', { e });
  return e;
}

/** Lifts an exemption before its expiry; returns it, or null when there is none with that id. */
export async function removeExemption(db: Executor, id: string): Promise<Exemption | null> {
  const { rows } = await db.write<{ e: Exemption }>('MATCH (x:Exemption {id: $id}) WITH x, properties(x) AS e DELETE x RETURN e', { id });
  return rows[0]?.e ?? null;
}

export async function listExemptions(db: Executor, opts: { includeExpired?: boolean; now?: Date } = {}): Promise<Exemption[]> {
  const now = (opts.now ?? new Date()).toISOString();
  const { rows } = await db.read<{ e: Exemption }>(
    'MATCH (x:Exemption) WHERE $all OR x.expires > $now RETURN properties(x) AS e ORDER BY x.expires, x.id',
    { all: opts.includeExpired === true, now },
  );
  return rows.map((r) => r.e);
}

/** The drafts of `modelId` that flag no subject exempted from it at `now`. */
export async function withoutExempted(db: Executor, modelId: string, drafts: AlertDraft[], now: Date): Promise<AlertDraft[]> {
  if (drafts.length === 0) return drafts;
  const { rows } = await db.read<{ subject: string }>(
    'MATCH (x:Exemption {model: $model}) WHERE x.expires > $now RETURN DISTINCT x.subject AS subject',
    { model: modelId, now: now.toISOString() },
  );
  const exempt = new Set(rows.map((r) => r.subject));
  return exempt.size ? drafts.filter((d) => !d.subjects.some((s) => exempt.has(s.uid))) : drafts;
}
