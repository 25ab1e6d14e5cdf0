/**
 * `POST /oauth/token` (form-encoded or JSON). Grants: authorization_code (single-use code,
 * 60 s, redirect_uri must match, PKCE S256 verifier checked), refresh_token (no rotation: the
 * same refresh token is returned and stays valid), and the device code grant
 * (authorization_pending, slow_down, expired_token, access_denied).
 */
import type { RequestContext, RouteModule } from '../../http/routeModule.js';
import {
  createOpaqueToken,
  findOpaqueToken,
  issueAccessToken,
  normalizeScopes,
  verifyBearer,
} from '../../auth/tokens.js';
import { grantsOf, pkceChallenge } from './oauthGrants.js';
import { readOAuthBody } from './oauthBody.js';

const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

function bearerScopes(ctx: RequestContext, userName: string): string[] {
  const match = /^Bearer\s+(\S+)/i.exec(ctx.headers.authorization ?? '');
  if (!match?.[1]) return [];
  const verified = verifyBearer(ctx.deps.store, match[1], ctx.deps.now());
  return typeof verified !== 'string' && verified.user.name === userName ? verified.scopes : [];
}

function oauthError(ctx: RequestContext, error: string, description: string, status = 400): void {
  ctx.sendJson(status, { error, error_description: description, status }, { 'Cache-Control': 'no-store' });
}

async function sendTokens(
  ctx: RequestContext,
  userName: string,
  scopes: string[],
  refreshToken?: string,
): Promise<void> {
  const { deps } = ctx;
  const ttl = deps.config.accessTokenTtlSeconds;
  const granted = normalizeScopes(scopes);
  const access = issueAccessToken(deps.store, userName, granted, ttl, deps.now());
  const refresh =
    refreshToken ?? (await createOpaqueToken(deps.store, 'refresh', userName, granted, deps.now()));
  ctx.sendJson(
    200,
    {
      access_token: access.token,
      token_type: 'Bearer',
      expires_in: ttl,
      expires_at: access.expiresAt,
      refresh_token: refresh,
      scope: granted.join(' '),
    },
    { 'Cache-Control': 'no-store', Pragma: 'no-cache' },
  );
}

export const tokenRoutes: RouteModule = {
  register(router, deps) {
    router.add('POST', '/oauth/token', async (ctx) => {
      const body = await readOAuthBody(ctx);
      const grants = grantsOf(deps);
      switch (body.grant_type) {
        case 'authorization_code': {
          const grant = body.code ? grants.takeCode(body.code) : undefined;
          if (!grant || grant.expiresAt <= deps.now()) {
            return oauthError(
              ctx,
              'invalid_grant',
              'The authorization code is invalid, expired or already used',
            );
          }
          if (body.redirect_uri !== grant.redirectUri) {
            return oauthError(ctx, 'invalid_grant', 'redirect_uri does not match the authorization request');
          }
          if (!body.code_verifier || pkceChallenge(body.code_verifier) !== grant.codeChallenge) {
            return oauthError(
              ctx,
              'invalid_grant',
              'The PKCE code_verifier does not match the code_challenge',
            );
          }
          if (grant.clientId && body.client_id && grant.clientId !== body.client_id) {
            return oauthError(ctx, 'invalid_grant', 'client_id does not match the authorization request');
          }
          return sendTokens(ctx, grant.userName, grant.scopes);
        }
        case 'refresh_token': {
          const record = body.refresh_token
            ? findOpaqueToken(deps.store, body.refresh_token, 'refresh')
            : undefined;
          if (!record || record.revokedAt !== null || !deps.store.state.users[record.userName]) {
            return oauthError(ctx, 'invalid_grant', 'The refresh token is invalid or revoked');
          }
          let scopes = record.scopes;
          if (body.scope) {
            const wanted = body.scope.split(/\s+/).filter(Boolean);
            if (wanted.some((s) => !record.scopes.includes(s))) {
              return oauthError(ctx, 'invalid_scope', 'A refresh cannot add scopes');
            }
            scopes = wanted;
          }
          return sendTokens(ctx, record.userName, scopes, body.refresh_token);
        }
        case DEVICE_GRANT: {
          const grant = body.device_code ? grants.devices.get(body.device_code) : undefined;
          if (!grant || grant.status === 'consumed') {
            return oauthError(ctx, 'invalid_grant', 'Unknown or already used device_code');
          }
          const now = deps.now();
          if (grant.expiresAt <= now) return oauthError(ctx, 'expired_token', 'The device code has expired');
          if (
            grant.codeChallenge &&
            (!body.code_verifier || pkceChallenge(body.code_verifier) !== grant.codeChallenge)
          ) {
            return oauthError(
              ctx,
              'invalid_grant',
              'The PKCE code_verifier does not match the code_challenge',
            );
          }
          if (grant.status === 'denied') {
            grant.status = 'consumed';
            return oauthError(ctx, 'access_denied', 'The user denied the request');
          }
          if (grant.status === 'pending') {
            const tooFast = grant.lastPollAt !== null && now - grant.lastPollAt < grant.interval * 1000;
            grant.lastPollAt = now;
            if (tooFast) {
              grant.interval += 5;
              return oauthError(
                ctx,
                'slow_down',
                `Polling too fast; wait ${grant.interval} s between requests`,
              );
            }
            return oauthError(ctx, 'authorization_pending', 'The user has not yet approved the request');
          }
          grant.status = 'consumed';
          const userName = grant.userName ?? 'demo_user';
          // Scope upgrades: a poll carrying the user's current token keeps its scopes too.
          const current = bearerScopes(ctx, userName);
          return sendTokens(ctx, userName, [...new Set([...current, ...grant.scopes])]);
        }
        default:
          return oauthError(
            ctx,
            'unsupported_grant_type',
            `Unsupported grant_type "${body.grant_type ?? ''}"`,
          );
      }
    });
  },
};
