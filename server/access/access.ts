// The access stores over one database, built once by the entry point (or a test) and handed to the app.
import type { Executor } from '../../platform/db/executor.js';
import { DEFAULT_POLICY, type AccessPolicy } from './policy.js';
import { SessionStore } from './sessions.js';
import { TokenStore } from './tokens.js';
import { UserStore } from './users.js';
import type { OidcLogin } from './oidc.js';

export interface Access {
  users: UserStore;
  sessions: SessionStore;
  tokens: TokenStore;
  policy: AccessPolicy;
  /** Sign-in through the site's identity provider, when one is configured. */
  oidc?: OidcLogin;
}

export function accessOn(db: Executor, policy: Partial<AccessPolicy> = {}, oidc?: OidcLogin): Access {
  const p = { ...DEFAULT_POLICY, ...policy };
  return {
    users: new UserStore(db, p),
    sessions: new SessionStore(db, p),
    tokens: new TokenStore(db, p.tokenCacheMs),
    policy: p,
    ...(oidc ? { oidc } : {}),
  };
}
