import type * as oauth from 'oauth4webapi';

/** What is kept (encrypted) per account. Lives only in the Node side. */
export interface StoredTokens {
  accessToken: string;
  refreshToken?: string;
  /** Epoch milliseconds; undefined when the server gave no lifetime (API tokens). */
  expiresAt?: number;
  scopes: string[];
}

/**
 * Scopes from a JWT access token's `scope` claim, as the official clients read them.
 * Undefined when the token is opaque or the claim is missing.
 */
export function jwtScopes(token: string): string[] | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    const scope = (claims as { scope?: unknown } | null)?.scope;
    return typeof scope === 'string' ? scope.split(/\s+/).filter(Boolean) : undefined;
  } catch {
    return undefined;
  }
}

function expiryOf(response: oauth.TokenEndpointResponse, now: number): number | undefined {
  // Redivis adds expires_at in epoch seconds; fall back to the standard expires_in.
  const expiresAt = response.expires_at;
  if (typeof expiresAt === 'number' && Number.isFinite(expiresAt)) return expiresAt * 1000;
  if (typeof response.expires_in === 'number') return now + response.expires_in * 1000;
  return undefined;
}

export function tokensFromResponse(
  response: oauth.TokenEndpointResponse,
  requestedScopes: string[],
  now = Date.now(),
): StoredTokens {
  const scopes =
    response.scope?.split(/\s+/).filter(Boolean) ?? jwtScopes(response.access_token) ?? requestedScopes;
  return {
    accessToken: response.access_token,
    refreshToken: response.refresh_token,
    expiresAt: expiryOf(response, now),
    scopes,
  };
}

/** A refresh answer replaces the access token; the refresh token stays unless it was rotated. */
export function mergeRefreshed(
  previous: StoredTokens,
  response: oauth.TokenEndpointResponse,
  now = Date.now(),
): StoredTokens {
  const next = tokensFromResponse(response, previous.scopes, now);
  return { ...next, refreshToken: next.refreshToken ?? previous.refreshToken };
}

export function isStoredTokens(value: unknown): value is StoredTokens {
  const v = value as Partial<StoredTokens> | null;
  return !!v && typeof v.accessToken === 'string' && Array.isArray(v.scopes);
}
