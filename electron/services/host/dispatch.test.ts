import { describe, expect, it, vi } from 'vitest';
import { fail } from '../../../shared/contract/errors';
import { dispatch } from './dispatch';
import type { ChannelHandlers } from './handlers';

function handlers(openExternal: (params: { url: string }) => unknown): ChannelHandlers {
  return {
    app: {
      info: () => ({
        name: 'Redivis Desktop',
        version: '1',
        mode: 'browser',
        platform: 'linux',
        versions: {},
      }),
      openExternal,
    },
  } as unknown as ChannelHandlers;
}

const context = { clientId: 'test' };

describe('dispatch', () => {
  it('validates params before the handler runs', async () => {
    const handler = vi.fn();
    const outcome = await dispatch(handlers(handler), 'app.openExternal', { url: 5 }, context);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(outcome.ok ? '' : outcome.error.detail).toContain('url');
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses unknown channels', async () => {
    const outcome = await dispatch(handlers(vi.fn()), 'app.evalAnything', {}, context);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('passes service errors through as data', async () => {
    const outcome = await dispatch(
      handlers(() => fail('forbidden', 'Not that link.')),
      'app.openExternal',
      { url: 'https://x' },
      context,
    );
    expect(outcome).toEqual({ ok: false, error: { code: 'forbidden', message: 'Not that link.' } });
  });

  it('hides unexpected exceptions behind a human message', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const outcome = await dispatch(
      handlers(() => {
        throw new TypeError('x is undefined');
      }),
      'app.openExternal',
      { url: 'https://x' },
      context,
    );
    expect(outcome).toMatchObject({
      ok: false,
      error: { code: 'internal', message: 'Something went wrong inside the app.' },
    });
    spy.mockRestore();
  });

  it('checks results against the schema too', async () => {
    const bad = { app: { info: () => ({ name: 1 }) } } as unknown as ChannelHandlers;
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const outcome = await dispatch(bad, 'app.info', undefined, context);
    expect(outcome.ok).toBe(false);
    spy.mockRestore();
  });
});
