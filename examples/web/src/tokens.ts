import type { ApolloClient } from '@apollo/client';
import { graphql } from './gql/index.js';

const RefreshToken = graphql(`
  mutation RefreshToken($input: RefreshTokenInput!) {
    refreshToken(input: $input) {
      accessToken
      accessTokenExpiresAt
      refreshToken
      errors { code message }
    }
  }
`);

/** What `signIn` and `refreshToken` hand out. The refresh token is single use: keep the newest. */
export interface Tokens {
  readonly accessToken: string;
  readonly accessTokenExpiresAt: string;
  readonly refreshToken: string;
}

/**
 * Trades the refresh token for new tokens. Sent without the access token (the `anonymous` context, see
 * client.ts): the one in hand may have expired already, and HTTP refuses an expired bearer.
 */
export async function refreshTokens(client: ApolloClient, refreshToken: string): Promise<Tokens> {
  const result = await client.mutate({ mutation: RefreshToken, variables: { input: { refreshToken } }, context: { anonymous: true } });
  const payload = result.data?.refreshToken;
  if (!payload?.accessToken || !payload.accessTokenExpiresAt || !payload.refreshToken) {
    const reasons = payload?.errors.map((e) => `${e.code} ${e.message}`).join('; ');
    throw new Error(`refreshToken: ${reasons || 'no tokens'}`);
  }

  return { accessToken: payload.accessToken, accessTokenExpiresAt: payload.accessTokenExpiresAt, refreshToken: payload.refreshToken };
}

/**
 * How long after it arrived an access token should be renewed: its lifetime, from its own `iat` and `exp` claims
 * (the service's clock), less `renewBeforeExpiryMs`, and never sooner than a second. Measured from arrival on this
 * device's timer, so a device whose clock is minutes off still renews in time.
 */
export function renewalDelayMs(accessToken: string, renewBeforeExpiryMs: number): number {
  const claims = JSON.parse(base64UrlDecode(accessToken.split('.')[1] ?? '')) as { iat?: number; exp?: number };
  if (typeof claims.iat !== 'number' || typeof claims.exp !== 'number') {
    throw new Error('The access token carries no iat or exp claim');
  }

  return Math.max(1_000, (claims.exp - claims.iat) * 1_000 - renewBeforeExpiryMs);
}

/** `atob` for base64url, as a browser has it (a JWT's parts are base64url without padding). */
const base64UrlDecode = (text: string): string => atob(text.replace(/-/g, '+').replace(/_/g, '/'));
