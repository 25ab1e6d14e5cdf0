import { describe, expect, it } from 'vitest';
import { AppFailure, appError } from '../../../shared/contract/errors';
import { startLoopbackListener } from './loopbackListener';

/** Settles a promise into a value or the AppError it was rejected with. */
async function outcome<T>(promise: Promise<T>): Promise<{ value?: T; code?: string; message?: string }> {
  try {
    return { value: await promise };
  } catch (error) {
    if (error instanceof AppFailure) return { code: error.appError.code, message: error.appError.message };
    throw error;
  }
}

async function isClosed(redirectUri: string): Promise<boolean> {
  return fetch(redirectUri).then(
    () => false,
    () => true,
  );
}

describe('loopback listener', () => {
  it('listens on 127.0.0.1 on a random port with one random callback path', async () => {
    const first = await startLoopbackListener({ handle: async () => 'ok', timeoutMs: 60_000 });
    const second = await startLoopbackListener({ handle: async () => 'ok', timeoutMs: 60_000 });
    const a = new URL(first.redirectUri);
    const b = new URL(second.redirectUri);
    expect(a.hostname).toBe('127.0.0.1');
    expect(a.protocol).toBe('http:');
    expect(a.port).not.toBe(b.port);
    expect(a.pathname).toMatch(/^\/callback\/[\w-]{16}$/);
    expect(a.pathname).not.toBe(b.pathname);
    await fetch(first.redirectUri);
    await fetch(second.redirectUri);
    expect(await first.result).toBe('ok');
  });

  it('hands the query to the handler, shows a success page and closes', async () => {
    const seen: string[] = [];
    const listener = await startLoopbackListener({
      handle: async (params) => {
        seen.push(params.get('code') ?? '');
        return 42;
      },
    });
    const response = await fetch(`${listener.redirectUri}?code=abc&state=xyz`);
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('Signed in');
    expect(page).toContain('return to Redivis Desktop');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await listener.result).toBe(42);
    expect(seen).toEqual(['abc']);
    expect(await isClosed(listener.redirectUri)).toBe(true);
  });

  it('shows the failure in the browser tab and ends the attempt with the same message', async () => {
    const listener = await startLoopbackListener({
      handle: async () => {
        throw new AppFailure(appError('forbidden', 'Access was denied in the browser.'));
      },
    });
    const response = await fetch(`${listener.redirectUri}?error=access_denied`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Access was denied in the browser.');
    expect(await outcome(listener.result)).toMatchObject({ code: 'forbidden' });
    expect(await isClosed(listener.redirectUri)).toBe(true);
  });

  it('reports an unexpected handler error vaguely, without its text', async () => {
    const listener = await startLoopbackListener({
      handle: async () => {
        throw new Error('secret-ish internals');
      },
    });
    const page = await (await fetch(listener.redirectUri)).text();
    expect(page).not.toContain('secret-ish');
    expect(await outcome(listener.result)).toMatchObject({ code: 'internal' });
  });

  it('accepts one callback only: a second one gets an error page and does not change the result', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let calls = 0;
    const listener = await startLoopbackListener({
      handle: async (params) => {
        calls++;
        await gate;
        return params.get('code');
      },
    });
    const first = fetch(`${listener.redirectUri}?code=first`);
    // Wait until the first callback is being handled before sending the second.
    while (calls === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await fetch(`${listener.redirectUri}?code=second`);
    expect(second.status).toBe(409);
    expect(await second.text()).toContain('already received');
    release();
    expect((await first).status).toBe(200);
    expect(await listener.result).toBe('first');
    expect(calls).toBe(1);
  });

  it('answers other paths and methods without ending the attempt', async () => {
    const listener = await startLoopbackListener({ handle: async () => 'done' });
    const origin = new URL(listener.redirectUri).origin;
    expect((await fetch(`${origin}/favicon.ico`)).status).toBe(404);
    expect((await fetch(`${origin}/callback/guess`)).status).toBe(404);
    expect((await fetch(listener.redirectUri, { method: 'POST', body: 'code=x' })).status).toBe(405);
    expect((await fetch(listener.redirectUri)).status).toBe(200);
    expect(await listener.result).toBe('done');
  });

  it('times out with a clear message and closes the listener', async () => {
    const listener = await startLoopbackListener({ handle: async () => 'never', timeoutMs: 50 });
    const result = await outcome(listener.result);
    expect(result).toMatchObject({ code: 'timeout' });
    expect(result.message).toContain('took too long');
    expect(await isClosed(listener.redirectUri)).toBe(true);
  });

  it('ends on cancel and closes the listener', async () => {
    const controller = new AbortController();
    const listener = await startLoopbackListener({ handle: async () => 'never', signal: controller.signal });
    controller.abort();
    expect(await outcome(listener.result)).toMatchObject({ code: 'cancelled' });
    expect(await isClosed(listener.redirectUri)).toBe(true);
  });

  it('ends at once when already cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const listener = await startLoopbackListener({ handle: async () => 'never', signal: controller.signal });
    expect(await outcome(listener.result)).toMatchObject({ code: 'cancelled' });
    expect(await isClosed(listener.redirectUri)).toBe(true);
  });
});
