// Records of what the command-line tools do (a load, a model run, a user created): the same chain as the
// server's, appended under the same lock. The actor is the operating-system account that ran the command.
import os from 'node:os';
import type { AuditWrite } from './notes.js';
import { AuditTrail } from './trail.js';

/** `os:<login name>`: who ran a command, as far as this machine can tell. */
export function commandActor(): string {
  try {
    return `os:${os.userInfo().username}`;
  } catch {
    return `os:uid-${process.getuid?.() ?? 'unknown'}`;
  }
}

/** What a command did, as the audit trail records it. */
export interface CommandOutcome {
  writes?: readonly AuditWrite[];
  /** Uids whose data the command printed (a preview lists who would be flagged). */
  entities?: readonly string[];
}

/**
 * Runs a command's work and appends one record of it: a `write` (or a `read` when it only printed
 * entities), also when the work fails part-way, since what was committed before the failure stays.
 */
export async function recordedCommand<T>(
  varDir: string,
  operation: string,
  work: () => Promise<T>,
  outcome: (r: T) => CommandOutcome,
): Promise<T> {
  const trail = AuditTrail.in(varDir);
  const base = { actor: commandActor(), role: null, via: 'cli', ip: null, operation, reason: null } as const;
  let result: T;
  try {
    result = await work();
  } catch (e) {
    await trail.append({ ...base, kind: 'write', detail: `failed: ${e instanceof Error ? e.message : String(e)}`.slice(0, 500) });
    throw e;
  }
  const o = outcome(result);
  await trail.append({ ...base, kind: o.writes?.length ? 'write' : 'read', writes: o.writes ?? [], entities: o.entities ?? [] });
  return result;
}
