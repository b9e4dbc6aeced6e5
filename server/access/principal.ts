// Who is calling, as established by authentication: a signed-in person (password or OpenID Connect) or
// another system with a bearer token. Everything downstream (masking, jurisdiction, the audit trail, the
// triage history) reads this and nothing from the request itself.
import type { Role } from './roles.js';

/**
 * The part of the county a caller works on: every unit (`all`), or the Org subtrees under these Org uids
 * (a township government covers its villages through PART_OF).
 */
export type Jurisdiction = { all: true } | { all: false; units: string[] };

export const EVERYWHERE: Jurisdiction = { all: true };

export interface Principal {
  kind: 'user' | 'token';
  /** The user's sign-in name, or `token:<id>` for a bearer token. What the history and the audit record. */
  id: string;
  /** For people: their display name (姓名); for tokens: the system's name. */
  displayName: string;
  role: Role;
  jurisdiction: Jurisdiction;
  via: 'password' | 'oidc' | 'token';
  /** The session this request belongs to (cookie sign-in only). */
  sessionId?: string;
}

/** Jurisdiction as stored on users and tokens: `*` for everywhere, else Org uids. */
export function jurisdictionOf(units: readonly string[]): Jurisdiction {
  return units.includes('*') ? EVERYWHERE : { all: false, units: [...units] };
}

export const unitsOf = (j: Jurisdiction): string[] => (j.all ? ['*'] : j.units);
