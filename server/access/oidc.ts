// Sign-in through the site's identity provider (OpenID Connect, authorization code with PKCE), with
// openid-client. The provider proves who the person is; huiyan still decides what they may do: the
// person must exist as a huiyan user (matched by the subject, or on first sign-in by the name claim),
// with the role and units an admin gave them. Unknown people are refused, never created.
import { randomBytes } from 'node:crypto';
import * as client from 'openid-client';
import { CodedError } from '../../platform/errors.js';
import type { OidcConfig } from '../../platform/config.js';
import { memoryPending, type PendingStore } from './oidc-pending.js';

/** The settings (platform/config.ts reads them from HUIYAN_OIDC_*). */
export type OidcSettings = OidcConfig;

export interface OidcIdentity {
  subject: string;
  /** The value of the name claim: the huiyan user to match on first sign-in. */
  name: string | null;
}

export interface OidcLogin {
  label: string;
  /** The provider's URL to send the browser to, and the state key the callback will present. */
  start(): Promise<{ url: string; state: string }>;
  finish(callbackUrl: URL, state: string): Promise<OidcIdentity>;
}

/** `pending`: where sign-ins under way wait for their callback (server/access/oidc-pending.ts). */
export async function oidcLogin(s: OidcSettings, pending: PendingStore = memoryPending()): Promise<OidcLogin> {
  const config = await client.discovery(
    new URL(s.issuer),
    s.clientId,
    s.clientSecret,
    undefined,
    s.allowHttp ? { execute: [client.allowInsecureRequests] } : undefined,
  );
  return {
    label: s.label,
    async start() {
      const state = randomBytes(18).toString('base64url');
      const verifier = client.randomPKCECodeVerifier();
      const nonce = client.randomNonce();
      await pending.put(state, { verifier, nonce });
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: s.redirectUri,
        scope: 'openid profile',
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return { url: url.href, state };
    },
    async finish(callbackUrl, state) {
      const p = await pending.take(state);
      if (!p) throw new CodedError('UNAUTHENTICATED', 'This sign-in has expired or was not started here: try again');
      // A fresh URL: the server's own may come from a fetch ponyfill, which the client's instanceof refuses.
      const tokens = await client.authorizationCodeGrant(config, new URL(callbackUrl.href), {
        pkceCodeVerifier: p.verifier,
        expectedState: state,
        expectedNonce: p.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new CodedError('UNAUTHENTICATED', 'The identity provider returned no ID token');
      const name = claims[s.nameClaim];
      return { subject: `${claims.iss}#${claims.sub}`, name: typeof name === 'string' ? name : null };
    },
  };
}
