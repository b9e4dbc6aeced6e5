// Records of what the command-line tools change (a load, a model run, a user created): the same chain as
// the server's, appended under the same lock. The actor is the operating-system account that ran it.
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

/** Appends one `write` record for a command; `operation` names the command and its arguments. */
export async function recordCommand(
  varDir: string,
  operation: string,
  writes: readonly AuditWrite[],
  reason: string | null = null,
): Promise<void> {
  await AuditTrail.in(varDir).append({
    actor: commandActor(),
    role: null,
    via: 'cli',
    ip: null,
    operation,
    kind: 'write',
    reason,
    writes,
  });
}
