import * as oauth from 'oauth4webapi';
import { AppFailure, appError } from '../../../shared/contract/errors';
import { startLoopbackListener } from './loopbackListener';
import type { OAuthServer } from './oauthServer';
import { toSignInFailure } from './oauthErrors';
import { tokensFromResponse, type StoredTokens } from './tokenSet';

export interface BrowserSignInOptions {
  server: OAuthServer;
  scopes: string[];
  /** Opens the authorize page in the user's browser (ports.openExternal). */
  openBrowser(url: string): Promise<void>;
  /** Called with the authorize URL once the listener is up, so the UI can offer it again. */
  onWaiting?(authorizeUrl: string): void;
  timeoutMs?: number;
  signal?: AbortSignal;
}

function checkCallback(server: OAuthServer, params: URLSearchParams, state: string): URLSearchParams {
  let checked: URLSearchParams;
  try {
    checked = oauth.validateAuthResponse(server.as, server.client, params, state);
  } catch (error) {
    if (error instanceof oauth.AuthorizationResponseError) throw toSignInFailure(error);
    // A wrong or missing state means the answer is not for this attempt (or is forged).
    throw new AppFailure(
      appError('invalid_request', 'The browser returned an answer that does not belong to this sign-in.', {
        detail: 'The state parameter did not match; the answer was ignored.',
        action: 'retry',
      }),
    );
  }
  if (!checked.get('code')) {
    throw new AppFailure(
      appError('invalid_request', 'The browser came back without a sign-in code.', { action: 'retry' }),
    );
  }
  return checked;
}

/**
 * The standard desktop sign-in (RFC 8252): PKCE S256 with a CSPRNG verifier, a random state,
 * a one-shot listener on 127.0.0.1, the authorize page in the system browser, then the code
 * exchanged for tokens. The listener is closed however the attempt ends.
 */
export async function signInWithBrowser(options: BrowserSignInOptions): Promise<StoredTokens> {
  const { server, signal } = options;
  const verifier = oauth.generateRandomCodeVerifier();
  const challenge = await oauth.calculatePKCECodeChallenge(verifier);
  const state = oauth.generateRandomState();
  let redirectUri = '';

  const listener = await startLoopbackListener({
    timeoutMs: options.timeoutMs,
    signal,
    handle: async (params) => {
      const checked = checkCallback(server, params, state);
      try {
        const response = await oauth.authorizationCodeGrantRequest(
          server.as,
          server.client,
          server.clientAuth,
          checked,
          redirectUri,
          verifier,
          server.requestOptions(signal),
        );
        const tokens = await oauth.processAuthorizationCodeResponse(server.as, server.client, response);
        return tokensFromResponse(tokens, options.scopes);
      } catch (error) {
        throw toSignInFailure(error, signal);
      }
    },
  });
  redirectUri = listener.redirectUri;

  const authorizeUrl = new URL(server.as.authorization_endpoint ?? '');
  if (server.registeredClientId) authorizeUrl.searchParams.set('client_id', server.registeredClientId);
  authorizeUrl.searchParams.set('response_type', 'code');
  authorizeUrl.searchParams.set('redirect_uri', redirectUri);
  authorizeUrl.searchParams.set('scope', options.scopes.join(' '));
  authorizeUrl.searchParams.set('state', state);
  authorizeUrl.searchParams.set('code_challenge', challenge);
  authorizeUrl.searchParams.set('code_challenge_method', 'S256');
  authorizeUrl.searchParams.set('access_type', 'offline');

  try {
    await options.openBrowser(authorizeUrl.toString());
  } catch {
    // Keep waiting: the UI offers the link again in case the browser did not open.
  }
  options.onWaiting?.(authorizeUrl.toString());
  return listener.result;
}
