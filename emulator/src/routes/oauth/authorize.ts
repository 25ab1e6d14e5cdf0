/**
 * `GET /oauth/authorize` shows the consent page; `POST /oauth/authorize` receives the decision.
 * redirect_uri must be a loopback http URL with a port (`http://127.0.0.1:P/…` or
 * `http://localhost:P/…`) or the out-of-band `urn:ietf:wg:oauth:2.0:oob` (the code is then
 * shown on a page). Bad redirect URIs get an error page, never a redirect; other request
 * errors are redirected per RFC 6749. PKCE S256 is required; client_id is optional.
 */
import type { RequestContext, RouteModule } from '../../http/routeModule.js';
import { consentPage, escapeHtml, page } from './consentPage.js';
import { CODE_TTL_MS, grantsOf, parseScopes } from './oauthGrants.js';
import { readOAuthBody } from './oauthBody.js';
import { redirect, sendHtml } from './htmlResponse.js';

const OOB = 'urn:ietf:wg:oauth:2.0:oob';
const DEFAULT_USER = 'demo_user';

export function isAllowedRedirect(uri: string): boolean {
  if (uri === OOB) return true;
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return false;
  }
  return (
    url.protocol === 'http:' &&
    (url.hostname === '127.0.0.1' || url.hostname === 'localhost') &&
    url.port !== '' &&
    url.username === '' &&
    url.password === '' &&
    url.hash === ''
  );
}

function withParams(uri: string, params: Record<string, string>): string {
  const url = new URL(uri);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.toString();
}

type Params = Record<string, string | undefined>;

/** Validates the request; returns an error page/redirect already sent, or the checked values. */
function validate(ctx: RequestContext, p: Params): { redirectUri: string; scopes: string[] } | null {
  const redirectUri = p.redirect_uri ?? '';
  if (!isAllowedRedirect(redirectUri)) {
    sendHtml(
      ctx.res,
      400,
      page(
        'Invalid redirect URI',
        `<h1>Invalid redirect URI</h1><p>The redirect_uri <code>${escapeHtml(redirectUri || '(missing)')}</code> is not allowed. Use a loopback address such as http://127.0.0.1:PORT/callback.</p>`,
      ),
    );
    return null;
  }
  const fail = (error: string, description: string): null => {
    if (redirectUri === OOB) {
      sendHtml(
        ctx.res,
        400,
        page(
          'Sign-in error',
          `<h1>Sign-in error</h1><p>${escapeHtml(error)}: ${escapeHtml(description)}</p>`,
        ),
      );
    } else {
      redirect(
        ctx.res,
        withParams(redirectUri, { error, error_description: description, state: p.state ?? '' }),
      );
    }
    return null;
  };
  if (p.response_type !== 'code') return fail('unsupported_response_type', 'response_type must be "code"');
  if (!p.code_challenge || !/^[A-Za-z0-9_-]{43,128}$/.test(p.code_challenge)) {
    return fail('invalid_request', 'A PKCE code_challenge (S256) is required');
  }
  if (p.code_challenge_method !== 'S256')
    return fail('invalid_request', 'code_challenge_method must be S256');
  const scopes = parseScopes(p.scope);
  if (!scopes) return fail('invalid_scope', 'Unknown scope requested');
  return { redirectUri, scopes };
}

const FIELDS = [
  'response_type',
  'client_id',
  'redirect_uri',
  'scope',
  'state',
  'code_challenge',
  'code_challenge_method',
];

export const authorizeRoutes: RouteModule = {
  register(router, deps) {
    router.add('GET', '/oauth/authorize', (ctx) => {
      const p: Params = Object.fromEntries(ctx.query);
      const checked = validate(ctx, p);
      if (!checked) return;
      const hidden: Record<string, string> = {};
      for (const field of FIELDS) if (p[field] !== undefined) hidden[field] = p[field] ?? '';
      const users = Object.values(deps.store.state.users).sort((a, b) => a.name.localeCompare(b.name));
      sendHtml(
        ctx.res,
        200,
        consentPage({
          action: '/oauth/authorize',
          hidden,
          scopes: checked.scopes,
          users,
          selectedUser: p.login_hint && deps.store.state.users[p.login_hint] ? p.login_hint : DEFAULT_USER,
        }),
      );
    });

    router.add('POST', '/oauth/authorize', async (ctx) => {
      const p: Params = await readOAuthBody(ctx);
      const checked = validate(ctx, p);
      if (!checked) return;
      const state = p.state ?? '';
      if (p.decision !== 'approve') {
        if (checked.redirectUri === OOB) {
          sendHtml(ctx.res, 200, page('Access denied', '<h1>Access denied</h1>'));
          return;
        }
        redirect(ctx.res, withParams(checked.redirectUri, { error: 'access_denied', state }));
        return;
      }
      const userName = p.user && deps.store.state.users[p.user] ? p.user : DEFAULT_USER;
      const code = grantsOf(deps).issueCode({
        userName,
        scopes: checked.scopes,
        redirectUri: checked.redirectUri,
        codeChallenge: p.code_challenge ?? '',
        clientId: p.client_id ?? null,
        expiresAt: deps.now() + CODE_TTL_MS,
      });
      if (checked.redirectUri === OOB) {
        sendHtml(
          ctx.res,
          200,
          page(
            'Authorization code',
            `<h1>Authorization code</h1><p>Paste this code into your application:</p><p><code id="code">${escapeHtml(code)}</code></p>`,
          ),
        );
        return;
      }
      redirect(ctx.res, withParams(checked.redirectUri, { code, state }));
    });
  },
};
