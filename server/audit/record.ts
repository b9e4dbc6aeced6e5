// One line of the audit trail and its hash. Each record carries the hash of the one before (`prev`), and
// its own hash covers every field including `prev`: changing, removing, inserting or moving a record
// breaks the chain at that line, which `verify` (verify.ts) reports. docs/audit.md describes the format.
import { createHash } from 'node:crypto';
import type { AuditWrite } from './notes.js';

export const AUDIT_KINDS = ['read', 'write', 'auth', 'refused'] as const;
/** read: returned personal data; write: changed something; auth: sign-in/out; refused: UNAUTHENTICATED, FORBIDDEN… */
export type AuditKind = (typeof AUDIT_KINDS)[number];

/** Who did what, from where, and why: the fields an event and its record share. */
interface AuditFields {
  /** Principal id (sign-in name or token:<id>), `os:<name>` for the command line; null when unknown (refused). */
  actor: string | null;
  role: string | null;
  /** password, oidc, token, cli. */
  via: string | null;
  ip: string | null;
  /** `query Name {entity, neighbours}`, `auth.login`, `load <paths>`… */
  operation: string;
  kind: AuditKind;
  /** 查询事由 as the caller stated it. */
  reason: string | null;
}

/** What a caller of `AuditTrail.append` says happened; the trail adds seq, prev and hash. */
export interface AuditEvent extends AuditFields {
  /** ISO time of the event; default: when it is appended. */
  at?: string;
  /** Uids of the entities whose data was returned. */
  entities?: readonly string[];
  /** Of those, the ones outside the caller's jurisdiction. */
  outside?: readonly string[];
  writes?: readonly AuditWrite[];
  /** Why it was refused, how a sign-in ended, what was searched. */
  detail?: string | null;
}

export interface AuditRecord extends AuditFields {
  seq: number;
  at: string;
  entities: string[];
  outside: string[];
  writes: AuditWrite[];
  detail: string | null;
  /** Hash of the record before; GENESIS for the first. */
  prev: string;
  /** SHA-256 (hex) of the canonical form of every other field. */
  hash: string;
}

/** The `prev` of the very first record. */
export const GENESIS = '0'.repeat(64);

/** JSON with object keys sorted at every level: the same record always hashes alike, whatever wrote it. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

export function hashOf(record: Omit<AuditRecord, 'hash'> | AuditRecord): string {
  const { hash: _ignored, ...rest } = record as AuditRecord;
  return createHash('sha256').update(canonical(rest)).digest('hex');
}

/** The record that follows `prev` (hash and seq of the last one in the chain). */
export function sealed(e: AuditEvent, seq: number, prev: string, now: Date): AuditRecord {
  const body: Omit<AuditRecord, 'hash'> = {
    seq,
    at: e.at ?? now.toISOString(),
    actor: e.actor,
    role: e.role,
    via: e.via,
    ip: e.ip,
    operation: e.operation,
    kind: e.kind,
    reason: e.reason,
    entities: [...(e.entities ?? [])],
    outside: [...(e.outside ?? [])],
    writes: (e.writes ?? []).map((w) => (w.target === undefined ? { action: w.action } : { action: w.action, target: w.target })),
    detail: e.detail ?? null,
    prev,
  };
  return { ...body, hash: hashOf(body) };
}
