// Sign-ins, failed sign-ins, sign-outs and password changes (server/http/auth-routes.ts tells of each) as
// records of kind `auth`. The routes do not wait for the record: a sign-in that cannot be recorded is
// logged as an error here, and the requests that session then makes are recorded (or refused) one by one.
import type { AuditTrail } from './trail.js';

export interface AuthEvent {
  action: string;
  user: string;
  ok: boolean;
  ip: string | null;
  detail?: string;
}

export function authEventRecorder(trail: AuditTrail, logger: { error: (...a: unknown[]) => void }): (e: AuthEvent) => void {
  return (e) => {
    trail
      .append({
        actor: e.user,
        role: null,
        via: e.action === 'auth.oidc' ? 'oidc' : 'password',
        ip: e.ip,
        operation: e.action,
        kind: 'auth',
        reason: null,
        detail: e.ok ? 'ok' : `failed${e.detail ? `: ${e.detail}` : ''}`,
      })
      .catch((err: unknown) => logger.error(`the audit trail could not record ${e.action} of ${e.user}`, err));
  };
}
