// How long sessions live and when sign-in locks: defaults a 纪委 site can keep, settable per site
// (platform/config.ts reads the environment and hands them in).
export interface AccessPolicy {
  /** A session unused this long ends. */
  sessionIdleMs: number;
  /** A session ends this long after sign-in, used or not. */
  sessionAbsoluteMs: number;
  /** Failed sign-ins in a row before the account locks. */
  lockoutAttempts: number;
  /** How long a locked account waits. */
  lockoutMs: number;
  /** Set the Secure flag on the session cookie even when the request arrived over plain HTTP (behind a TLS proxy). */
  secureCookies: boolean;
  /**
   * How long a verified bearer token is taken on trust without reading it again (0: read on every request).
   * A revocation made through this server takes effect at once; one made by another server or the command
   * line within this time (docs/access.md "Bearer tokens").
   */
  tokenCacheMs: number;
}

export const DEFAULT_POLICY: AccessPolicy = {
  sessionIdleMs: 30 * 60_000,
  sessionAbsoluteMs: 12 * 3600_000,
  lockoutAttempts: 5,
  lockoutMs: 15 * 60_000,
  secureCookies: false,
  tokenCacheMs: 5_000,
};
