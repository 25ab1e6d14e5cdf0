import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/contract/errors';
import { signInWithDevice, type DeviceClock, type DeviceCode } from './deviceSignIn';
import { FakeOAuthServer, oauthError, s256, tokenReply } from './testing/fakeOAuthServer';
import { createOAuthServer } from './oauthServer';

const AUTHZ = '/oauth/device_authorization';
const TOKEN = '/oauth/token';

const deviceReply = (extra: Record<string, unknown> = {}) => ({
  status: 200,
  body: {
    device_code: 'dev-code',
    user_code: 'BCDF-GHJK',
    verification_uri: 'http://127.0.0.1/oauth/device',
    verification_uri_complete: 'http://127.0.0.1/oauth/device?user_code=BCDF-GHJK',
    expires_in: 600,
    interval: 2,
    ...extra,
  },
});

/** A virtual clock: sleeping advances time instantly and records how long each wait was. */
function virtualClock(): DeviceClock & { waits: number[] } {
  let now = 1_000_000;
  const waits: number[] = [];
  return {
    waits,
    now: () => now,
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw new AppFailure({ code: 'cancelled', message: 'Sign-in was cancelled.' });
      waits.push(ms);
      now += ms;
    },
  };
}

async function failureOf(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppFailure) return error.appError;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('device sign-in', () => {
  let fake: FakeOAuthServer;
  beforeEach(async () => {
    fake = await new FakeOAuthServer().start();
  });
  afterEach(() => fake.close());

  it('shows the code, polls through authorization_pending and returns the tokens', async () => {
    fake.script(AUTHZ, deviceReply());
    fake.script(
      TOKEN,
      oauthError('authorization_pending'),
      oauthError('authorization_pending'),
      tokenReply(),
    );
    const codes: DeviceCode[] = [];
    const clock = virtualClock();
    const tokens = await signInWithDevice({
      server: createOAuthServer(fake.apiBase),
      scopes: ['public', 'data.data'],
      onCode: (code) => codes.push(code),
      clock,
    });
    expect(tokens).toMatchObject({
      accessToken: 'access-1',
      refreshToken: 'refresh-1',
      scopes: ['public', 'data.data'],
    });
    expect(codes).toEqual([
      {
        userCode: 'BCDF-GHJK',
        verificationUri: 'http://127.0.0.1/oauth/device',
        verificationUriComplete: 'http://127.0.0.1/oauth/device?user_code=BCDF-GHJK',
        expiresAt: 1_000_000 + 600_000,
      },
    ]);
    // Polls wait the server's interval each time.
    expect(clock.waits).toEqual([2000, 2000, 2000]);
    const [authz] = fake.requests(AUTHZ);
    expect(authz?.body.get('scope')).toBe('public data.data');
    expect(authz?.body.get('code_challenge_method')).toBe('S256');
    expect(authz?.body.has('client_id')).toBe(false);
    const polls = fake.requests(TOKEN);
    expect(polls).toHaveLength(3);
    const verifier = polls[0]?.body.get('code_verifier') ?? '';
    expect(verifier.length).toBeGreaterThanOrEqual(43);
    expect(s256(verifier)).toBe(authz?.body.get('code_challenge'));
    expect(polls[0]?.body.get('grant_type')).toBe('urn:ietf:params:oauth:grant-type:device_code');
    expect(polls[0]?.body.get('device_code')).toBe('dev-code');
  });

  it('sends a registered client id when one is configured', async () => {
    fake.script(AUTHZ, deviceReply());
    fake.script(TOKEN, tokenReply());
    await signInWithDevice({
      server: createOAuthServer(fake.apiBase, 'desktop-client'),
      scopes: ['public'],
      onCode: () => undefined,
      clock: virtualClock(),
    });
    expect(fake.requests(AUTHZ)[0]?.body.get('client_id')).toBe('desktop-client');
    expect(fake.requests(TOKEN)[0]?.body.get('client_id')).toBe('desktop-client');
  });

  it('waits five seconds longer after each slow_down', async () => {
    fake.script(AUTHZ, deviceReply({ interval: 1 }));
    fake.script(TOKEN, oauthError('slow_down'), oauthError('slow_down'), tokenReply());
    const clock = virtualClock();
    await signInWithDevice({
      server: createOAuthServer(fake.apiBase),
      scopes: ['public'],
      onCode: () => undefined,
      clock,
    });
    expect(clock.waits).toEqual([1000, 6000, 11000]);
  });

  it('uses a five second interval when the server gives none', async () => {
    fake.script(AUTHZ, deviceReply({ interval: undefined }));
    fake.script(TOKEN, tokenReply());
    const clock = virtualClock();
    await signInWithDevice({
      server: createOAuthServer(fake.apiBase),
      scopes: ['public'],
      onCode: () => undefined,
      clock,
    });
    expect(clock.waits).toEqual([5000]);
  });

  it('ends with a clear message when the server says the code expired', async () => {
    fake.script(AUTHZ, deviceReply());
    fake.script(TOKEN, oauthError('authorization_pending'), oauthError('expired_token'));
    const error = await failureOf(
      signInWithDevice({
        server: createOAuthServer(fake.apiBase),
        scopes: ['public'],
        onCode: () => undefined,
        clock: virtualClock(),
      }),
    );
    expect(error).toMatchObject({ code: 'timeout' });
    expect(error.message).toContain('expired');
  });

  it('stops polling on its own once the code has expired', async () => {
    fake.script(AUTHZ, deviceReply({ expires_in: 5, interval: 2 }));
    fake.script(TOKEN, oauthError('authorization_pending'));
    const error = await failureOf(
      signInWithDevice({
        server: createOAuthServer(fake.apiBase),
        scopes: ['public'],
        onCode: () => undefined,
        clock: virtualClock(),
      }),
    );
    expect(error.code).toBe('timeout');
    // Polled at 2 s and 4 s; at 6 s the code is past its 5 s life, so no third poll.
    expect(fake.requests(TOKEN)).toHaveLength(2);
  });

  it('ends when the user denies access', async () => {
    fake.script(AUTHZ, deviceReply());
    fake.script(TOKEN, oauthError('access_denied'));
    const error = await failureOf(
      signInWithDevice({
        server: createOAuthServer(fake.apiBase),
        scopes: ['public'],
        onCode: () => undefined,
        clock: virtualClock(),
      }),
    );
    expect(error).toMatchObject({ code: 'forbidden' });
    expect(error.message).toContain('denied');
  });

  it('ends when cancelled while waiting, with no further polls', async () => {
    fake.script(AUTHZ, deviceReply({ interval: 1 }));
    fake.script(TOKEN, oauthError('authorization_pending'));
    const controller = new AbortController();
    const error = await failureOf(
      signInWithDevice({
        server: createOAuthServer(fake.apiBase),
        scopes: ['public'],
        onCode: () => undefined,
        signal: controller.signal,
        secondMs: 1,
        clock: {
          now: () => Date.now(),
          sleep: async (_ms, signal) => {
            // Cancel during the second wait.
            if (fake.requests(TOKEN).length === 1) controller.abort();
            if (signal?.aborted)
              throw new AppFailure({ code: 'cancelled', message: 'Sign-in was cancelled.' });
          },
        },
      }),
    );
    expect(error.code).toBe('cancelled');
    expect(fake.requests(TOKEN)).toHaveLength(1);
  });

  it('really waits between polls with the default clock, and cancels mid-wait', async () => {
    fake.script(AUTHZ, deviceReply({ interval: 60 }));
    fake.script(TOKEN, oauthError('authorization_pending'));
    const controller = new AbortController();
    const attempt = signInWithDevice({
      server: createOAuthServer(fake.apiBase),
      scopes: ['public'],
      signal: controller.signal,
      onCode: () => controller.abort(),
    });
    expect((await failureOf(attempt)).code).toBe('cancelled');
    expect(fake.requests(TOKEN)).toHaveLength(0);
  });

  it('reports a refused device authorization request', async () => {
    fake.script(AUTHZ, oauthError('invalid_scope'));
    const error = await failureOf(
      signInWithDevice({
        server: createOAuthServer(fake.apiBase),
        scopes: ['nope'],
        onCode: () => undefined,
        clock: virtualClock(),
      }),
    );
    expect(error).toMatchObject({ code: 'invalid_request', detail: 'invalid_scope: invalid_scope happened' });
  });

  it('reports any other token error without retrying', async () => {
    fake.script(AUTHZ, deviceReply());
    fake.script(TOKEN, oauthError('server_error', 500));
    const error = await failureOf(
      signInWithDevice({
        server: createOAuthServer(fake.apiBase),
        scopes: ['public'],
        onCode: () => undefined,
        clock: virtualClock(),
      }),
    );
    expect(error.code).toBe('server');
    expect(fake.requests(TOKEN)).toHaveLength(1);
  });

  it('reports an unreachable server as a network problem', async () => {
    const base = fake.apiBase;
    await fake.close();
    const error = await failureOf(
      signInWithDevice({
        server: createOAuthServer(base),
        scopes: ['public'],
        onCode: () => undefined,
        clock: virtualClock(),
      }),
    );
    expect(error.code).toBe('network');
    fake = await new FakeOAuthServer().start();
  });
});
