// Who is acting. The user name comes from the `x-huiyan-user` header and the role from `x-huiyan-role`
// (server/access/roles.ts). Neither is verified: real authentication is a later issue, and until then the
// history records what the caller claimed.
import type { Role } from './roles.js';

export const USER_HEADER = 'x-huiyan-user';
export const ANONYMOUS = 'anonymous';
const MAX_USER = 64;

export interface Actor {
  user: string;
  role: Role;
}

/** A trimmed, length-capped name without control characters; blank means anonymous. */
export function parseUser(raw: string | null | undefined): string {
  const v = (raw ?? '')
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, MAX_USER);
  return v === '' ? ANONYMOUS : v;
}

/** Browsers send header values as Latin-1; the explorer percent-encodes names, so decode when it parses. */
export function userFromHeader(raw: string | null | undefined): string {
  if (raw && /%[0-9a-f]{2}/i.test(raw)) {
    try {
      return parseUser(decodeURIComponent(raw));
    } catch {
      return parseUser(raw);
    }
  }
  return parseUser(raw);
}
