import * as oauth from 'oauth4webapi';
import { AppFailure, appError } from '../../../shared/contract/errors';
import type { OAuthServer } from './oauthServer';
import { toSignInFailure } from './oauthErrors';
import { tokensFromResponse, type StoredTokens } from './tokenSet';

export interface DeviceCode {
  userCode: string;
  verificationUri: string;
  verificationUriComplete?: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

export interface DeviceSignInOptions {
  server: OAuthServer;
  scopes: string[];
  /** Shows the code and the page to enter it on. */
  onCode(code: DeviceCode): void;
  signal?: AbortSignal;
  /** Milliseconds per second of the server's interval; only tests shorten it. */
  secondMs?: number;
  /** Time source and wait; tests pass a virtual clock. */
  clock?: DeviceClock;
}

export interface DeviceClock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

const realClock: DeviceClock = { now: () => Date.now(), sleep: (ms, signal) => wait(ms, signal) };

const DEFAULT_INTERVAL_SECONDS = 5;
/** RFC 8628 §3.5: each slow_down adds five seconds to the polling interval. */
const SLOW_DOWN_SECONDS = 5;

function wait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const cancelled = () => new AppFailure(appError('cancelled', 'Sign-in was cancelled.'));
    if (signal?.aborted) return reject(cancelled());
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelled());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

const expired = () =>
  new AppFailure(
    appError('timeout', 'The code expired before it was approved. Start the sign-in again.', {
      action: 'retry',
    }),
  );

/**
 * The device authorization flow (RFC 8628) with PKCE, as the Python and R clients use it: the
 * user enters a short code on the server's page while the app polls the token endpoint at the
 * given interval, slowing down when told to, until approval, denial or expiry.
 */
export async function signInWithDevice(options: DeviceSignInOptions): Promise<StoredTokens> {
  const { server, signal } = options;
  const secondMs = options.secondMs ?? 1000;
  const clock = options.clock ?? realClock;
  const verifier = oauth.generateRandomCodeVerifier();
  const challenge = await oauth.calculatePKCECodeChallenge(verifier);
  try {
    const response = await oauth.deviceAuthorizationRequest(
      server.as,
      server.client,
      server.clientAuth,
      {
        scope: options.scopes.join(' '),
        code_challenge: challenge,
        code_challenge_method: 'S256',
        access_type: 'offline',
      },
      server.requestOptions(signal),
    );
    const device = await oauth.processDeviceAuthorizationResponse(server.as, server.client, response);
    const expiresAt = clock.now() + device.expires_in * 1000;
    options.onCode({
      userCode: device.user_code,
      verificationUri: device.verification_uri,
      verificationUriComplete: device.verification_uri_complete,
      expiresAt,
    });
    let interval = device.interval ?? DEFAULT_INTERVAL_SECONDS;
    for (;;) {
      await clock.sleep(interval * secondMs, signal);
      if (clock.now() >= expiresAt) throw expired();
      const poll = await oauth.deviceCodeGrantRequest(
        server.as,
        server.client,
        server.clientAuth,
        device.device_code,
        { ...server.requestOptions(signal), additionalParameters: { code_verifier: verifier } },
      );
      try {
        const tokens = await oauth.processDeviceCodeResponse(server.as, server.client, poll);
        return tokensFromResponse(tokens, options.scopes);
      } catch (error) {
        if (!(error instanceof oauth.ResponseBodyError)) throw error;
        if (error.error === 'authorization_pending') continue;
        if (error.error === 'slow_down') {
          interval += SLOW_DOWN_SECONDS;
          continue;
        }
        throw error;
      }
    }
  } catch (error) {
    throw toSignInFailure(error, signal);
  }
}
