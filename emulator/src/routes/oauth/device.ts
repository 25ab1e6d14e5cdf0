/**
 * Device authorization (RFC 8628): `POST /oauth/device_authorization` (form or JSON) and the
 * verification page `GET|POST /oauth/device`. A request carrying a valid Bearer token asks for
 * a scope upgrade: the new grant keeps the old token's scopes plus the requested ones.
 */
import type { RequestContext, RouteModule } from '../../http/routeModule.js';
import { verifyBearer } from '../../auth/tokens.js';
import { consentPage, escapeHtml, page } from './consentPage.js';
import { DEVICE_INTERVAL_SECONDS, DEVICE_TTL_SECONDS, grantsOf, parseScopes } from './oauthGrants.js';
import { readOAuthBody } from './oauthBody.js';
import { sendHtml } from './htmlResponse.js';

function existingScopes(ctx: RequestContext): string[] {
  const match = /^Bearer\s+(\S+)/i.exec(ctx.headers.authorization ?? '');
  if (!match?.[1]) return [];
  const verified = verifyBearer(ctx.deps.store, match[1], ctx.deps.now());
  return typeof verified === 'string' ? [] : verified.scopes;
}

function enterCodePage(message = ''): string {
  return page(
    'Connect a device',
    `<h1>Connect a device</h1>${message ? `<p>${escapeHtml(message)}</p>` : ''}
<form method="get" action="/oauth/device"><p><label for="user_code">Code</label>
<input id="user_code" name="user_code" autocomplete="off"></p><button type="submit">Continue</button></form>`,
  );
}

export const deviceRoutes: RouteModule = {
  register(router, deps) {
    router.add('POST', '/oauth/device_authorization', async (ctx) => {
      const body = await readOAuthBody(ctx);
      const requested = parseScopes(body.scope);
      if (!requested) {
        ctx.sendJson(400, {
          error: 'invalid_scope',
          error_description: 'Unknown scope requested',
          status: 400,
        });
        return;
      }
      if (body.code_challenge && body.code_challenge_method && body.code_challenge_method !== 'S256') {
        ctx.sendJson(400, {
          error: 'invalid_request',
          error_description: 'code_challenge_method must be S256',
          status: 400,
        });
        return;
      }
      const scopes = [...new Set([...existingScopes(ctx), ...requested])];
      const grant = grantsOf(deps).createDevice({
        scopes,
        clientId: body.client_id ?? null,
        codeChallenge: body.code_challenge ?? null,
        expiresAt: deps.now() + DEVICE_TTL_SECONDS * 1000,
        interval: DEVICE_INTERVAL_SECONDS,
      });
      const verificationUri = `${deps.origin()}/oauth/device`;
      ctx.sendJson(200, {
        device_code: grant.deviceCode,
        user_code: grant.userCode,
        verification_uri: verificationUri,
        verification_uri_complete: `${verificationUri}?user_code=${encodeURIComponent(grant.userCode)}`,
        expires_in: DEVICE_TTL_SECONDS,
        interval: grant.interval,
      });
    });

    router.add('GET', '/oauth/device', (ctx) => {
      const userCode = ctx.query.get('user_code');
      if (!userCode) return sendHtml(ctx.res, 200, enterCodePage());
      const grant = grantsOf(deps).deviceByUserCode(userCode);
      if (!grant || grant.status !== 'pending' || grant.expiresAt <= deps.now()) {
        return sendHtml(ctx.res, 404, enterCodePage('That code is unknown or has expired.'));
      }
      const users = Object.values(deps.store.state.users).sort((a, b) => a.name.localeCompare(b.name));
      sendHtml(
        ctx.res,
        200,
        consentPage({
          action: '/oauth/device',
          hidden: { user_code: grant.userCode },
          scopes: grant.scopes,
          users,
          selectedUser: 'demo_user',
        }),
      );
    });

    router.add('POST', '/oauth/device', async (ctx) => {
      const body = await readOAuthBody(ctx);
      const grant = grantsOf(deps).deviceByUserCode(body.user_code ?? '');
      if (!grant || grant.status !== 'pending' || grant.expiresAt <= deps.now()) {
        return sendHtml(ctx.res, 404, enterCodePage('That code is unknown or has expired.'));
      }
      if (body.decision === 'approve') {
        grant.status = 'approved';
        grant.userName = body.user && deps.store.state.users[body.user] ? body.user : 'demo_user';
        return sendHtml(
          ctx.res,
          200,
          page('Device connected', '<h1>Device connected</h1><p>You can return to your application.</p>'),
        );
      }
      grant.status = 'denied';
      sendHtml(
        ctx.res,
        200,
        page('Access denied', '<h1>Access denied</h1><p>The device was not connected.</p>'),
      );
    });
  },
};
