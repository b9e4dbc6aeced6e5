// Roles, minimally: the caller names its role in a header. This is NOT authentication: anyone who can
// reach the server can send any role. It exists so masking and role checks have one place to live until
// real authentication (a later issue) puts a verified role here instead.
import { CodedError } from '../../platform/errors.js';

export const ROLES = ['viewer', 'handler', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_HEADER = 'x-huiyan-role';
export const DEFAULT_ROLE: Role = 'handler';

export function parseRole(raw: string | null | undefined): Role {
  if (raw === null || raw === undefined || raw.trim() === '') return DEFAULT_ROLE;
  const r = raw.trim().toLowerCase();
  if ((ROLES as readonly string[]).includes(r)) return r as Role;
  throw new CodedError('FORBIDDEN', `Unknown role "${raw.slice(0, 20)}": one of ${ROLES.join(', ')}`);
}

export const roleFromRequest = (req: Request): Role => parseRole(req.headers.get(ROLE_HEADER));

/** Raw values of properties marked `sensitive` in graph.yaml (ID numbers) are for admins only. */
export const maySeeSensitive = (role: Role): boolean => role === 'admin';
