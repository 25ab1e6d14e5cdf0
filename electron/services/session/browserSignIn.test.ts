import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/contract/errors';
import { signInWithBrowser } from './browserSignIn';
import { FakeOAuthServer, oauthError, s256, tokenReply } from './testing/fakeOAuthServer';
import { createOAuthServer } from './oauthServer';

const TOKEN = '/oauth/token';

async function failureOf(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppFailure) return error.appError;
    throw error;
  }
  throw new Error('expected a failure');
}

/**
 * Starts a browser sign-in whose "browser" is this function: it receives the authorize URL and
 * answers the loopback redirect with whatever query `answer` builds from the request.
 */
function signIn(
  fake: FakeOAuthServer,
  answer: (authorize: URL) => Record<string, string>,
  extra: { signal?: AbortSignal; timeoutMs?: number; clientId?: string } = {},
) {
  const visits: { authorize: URL; status: number; page: string }[] = [];
  const result = signInWithBrowser({
    server: createOAuthServer(fake.apiBase, extra.clientId),
    scopes: ['public', 'data.data'],
    signal: extra.signal,
    timeoutMs: extra.timeoutMs,
    openBrowser: async (url) => {
      const authorize = new URL(url);
      const callback = new URL(authorize.searchParams.get('redirect_uri') ?? '');
      for (const [key, value] of Object.entries(answer(authorize))) callback.searchParams.set(key, value);
      // The browser follows the redirect a moment later, like a real one.
      setTimeout(() => {
        void fetch(callback).then(async (response) => {
          visits.push({ authorize, status: response.status, page: await response.text() });
        });
      }, 1);
    },
  });
  return { result, visits };
}

const approve = (authorize: URL) => ({ code: 'the-code', state: authorize.searchParams.get('state') ?? '' });

describe('browser sign-in', () => {
  let fake: FakeOAuthServer;
  beforeEach(async () => {
    fake = await new FakeOAuthServer().start();
  });
  afterEach(() => fake.close());

  it('asks for PKCE S256 with a random state and exchanges the code with the verifier', async () => {
    fake.script(TOKEN, tokenReply({ expires_at: 2_000_000_000 }));
    const { result, visits } = signIn(fake, approve);
    const tokens = await result;
    expect(tokens).toEqual({
      accessToken: 'access-1',
      refreshToken: 'refresh-1',
      expiresAt: 2_000_000_000_000,
      scopes: ['public', 'data.data'],
    });
    await expect.poll(() => visits.length).toBe(1);
    const { authorize, status, page } = visits[0] ?? { authorize: new URL('http://x'), status: 0, page: '' };
    expect(status).toBe(200);
    expect(page).toContain('return to Redivis Desktop');
    expect(authorize.origin + authorize.pathname).toBe(`${new URL(fake.apiBase).origin}/oauth/authorize`);
    expect(authorize.searchParams.get('response_type')).toBe('code');
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('scope')).toBe('public data.data');
    expect(authorize.searchParams.has('client_id')).toBe(false);
    expect(authorize.searchParams.get('state')?.length).toBeGreaterThanOrEqual(32);
    const redirect = new URL(authorize.searchParams.get('redirect_uri') ?? '');
    expect(redirect.hostname).toBe('127.0.0.1');
    const [exchange] = fake.requests(TOKEN);
    expect(exchange?.body.get('grant_type')).toBe('authorization_code');
    expect(exchange?.body.get('code')).toBe('the-code');
    expect(exchange?.body.get('redirect_uri')).toBe(redirect.toString());
    expect(s256(exchange?.body.get('code_verifier') ?? '')).toBe(
      authorize.searchParams.get('code_challenge'),
    );
    // The listener is gone once the attempt is over.
    await expect(fetch(redirect)).rejects.toThrow();
  });

  it('uses a new verifier and state for every attempt', async () => {
    fake.script(TOKEN, tokenReply());
    const first = signIn(fake, approve);
    await first.result;
    const second = signIn(fake, approve);
    await second.result;
    await expect.poll(() => first.visits.length + second.visits.length).toBe(2);
    const a = first.visits[0]?.authorize.searchParams;
    const b = second.visits[0]?.authorize.searchParams;
    expect(a?.get('state')).not.toBe(b?.get('state'));
    expect(a?.get('code_challenge')).not.toBe(b?.get('code_challenge'));
  });

  it('sends a registered client id in the authorize URL and the exchange', async () => {
    fake.script(TOKEN, tokenReply());
    const { result, visits } = signIn(fake, approve, { clientId: 'desktop-client' });
    await result;
    await expect.poll(() => visits.length).toBe(1);
    expect(visits[0]?.authorize.searchParams.get('client_id')).toBe('desktop-client');
    expect(fake.requests(TOKEN)[0]?.body.get('client_id')).toBe('desktop-client');
  });

  it('ignores an answer with the wrong state and never exchanges its code', async () => {
    const { result, visits } = signIn(fake, () => ({ code: 'stolen', state: 'forged' }));
    const error = await failureOf(result);
    expect(error.code).toBe('invalid_request');
    expect(error.message).toContain('does not belong to this sign-in');
    await expect.poll(() => visits[0]?.status).toBe(400);
    expect(visits[0]?.page).toContain('does not belong to this sign-in');
    expect(fake.requests(TOKEN)).toHaveLength(0);
  });

  it('ends when access is denied in the browser', async () => {
    const { result, visits } = signIn(fake, (authorize) => ({
      error: 'access_denied',
      state: authorize.searchParams.get('state') ?? '',
    }));
    const error = await failureOf(result);
    expect(error.code).toBe('forbidden');
    expect(error.message).toContain('denied');
    await expect.poll(() => visits[0]?.page).toContain('denied');
    expect(fake.requests(TOKEN)).toHaveLength(0);
  });

  it('ends when the answer has no code', async () => {
    const { result } = signIn(fake, (authorize) => ({ state: authorize.searchParams.get('state') ?? '' }));
    const error = await failureOf(result);
    expect(error).toMatchObject({
      code: 'invalid_request',
      message: 'The browser came back without a sign-in code.',
    });
  });

  it('shows a failure page when the server refuses the code', async () => {
    fake.script(TOKEN, oauthError('invalid_grant'));
    const { result, visits } = signIn(fake, approve);
    const error = await failureOf(result);
    expect(error.code).toBe('unauthenticated');
    await expect.poll(() => visits[0]?.status).toBe(400);
    expect(visits[0]?.page).toContain('did not complete');
  });

  it('times out when the browser never comes back', async () => {
    const result = signInWithBrowser({
      server: createOAuthServer(fake.apiBase),
      scopes: ['public'],
      timeoutMs: 30,
      openBrowser: async () => undefined,
    });
    expect((await failureOf(result)).code).toBe('timeout');
  });

  it('keeps waiting when the browser could not be opened, and reports the URL to offer it again', async () => {
    const controller = new AbortController();
    const offered: string[] = [];
    const result = signInWithBrowser({
      server: createOAuthServer(fake.apiBase),
      scopes: ['public'],
      signal: controller.signal,
      openBrowser: async () => {
        throw new Error('no browser');
      },
      onWaiting: (url) => {
        offered.push(url);
        controller.abort();
      },
    });
    expect((await failureOf(result)).code).toBe('cancelled');
    expect(offered[0]).toContain('/oauth/authorize?');
  });
});
