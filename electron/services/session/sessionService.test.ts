import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../emulator/src/index';
import { answerConsent, approveDevice } from './testing/emulatorConsent';
import { consenting, errorOf, harness, type Harness } from './testing/sessionHarness';

describe('sign-in against the emulator', () => {
  let emulator: RunningEmulator;
  let emulatorDir: string;
  let h: Harness;

  beforeAll(async () => {
    emulatorDir = await mkdtemp(join(tmpdir(), 'rd-session-emu-'));
    emulator = await startEmulator({ dataDir: emulatorDir, largeRows: 20_000, faults: true });
  });
  afterAll(async () => {
    await emulator.close();
    await rm(emulatorDir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    h = await harness(emulator);
  });
  afterEach(async () => {
    h.services.dispose();
    await rm(h.dataDir, { recursive: true, force: true });
  });

  it('starts signed out, offering the local demo server first', async () => {
    const status = (await h.call('session.status')) as {
      session: unknown;
      servers: { kind: string }[];
      defaultServer: string;
    };
    expect(status.session).toBeNull();
    expect(status.servers[0]).toMatchObject({ kind: 'demo', label: 'Local demo server' });
    expect(status.defaultServer).toBe(emulator.apiBase);
    expect(await h.services.context.session.accessToken()).toBeUndefined();
  });

  it('signs in through the browser with read-only access and shows the user', async () => {
    const pages: { status: number; page: string }[] = [];
    h.browser.current = consenting('approve', 'demo_user', pages);
    const view = await h.call('session.signInWithBrowser', { server: emulator.apiBase, accessLevel: 'read' });
    expect(view).toMatchObject({
      userName: 'demo_user',
      fullName: 'Demo User',
      server: emulator.apiBase,
      serverLabel: 'Local demo server',
      method: 'browser',
      protection: 'plain_file',
    });
    expect([...(view as { scopes: string[] }).scopes].sort()).toEqual([
      'data.data',
      'data.metadata',
      'data.overview',
      'public',
    ]);
    expect(new URL(h.opened[0] ?? '').pathname).toBe('/oauth/authorize');
    await expect.poll(() => pages[0]?.status).toBe(200);
    expect(h.events.filter((e) => e.event === 'session.changed').at(-1)?.payload).toEqual({ session: view });
    // Other services now call Redivis as this user.
    const me = await h.services.context.api.get<{ name: string }>('/users/me');
    expect(me.name).toBe('demo_user');
    const status = (await h.call('session.status')) as { session: unknown; signIn: unknown };
    expect(status.session).toEqual(view);
    expect(status.signIn).toBeNull();
  });

  it('asks for data.edit only when editing is turned on', async () => {
    h.browser.current = consenting('approve');
    const view = (await h.call('session.signInWithBrowser', {
      server: emulator.apiBase,
      accessLevel: 'edit',
    })) as { scopes: string[] };
    expect(view.scopes).toContain('data.edit');
    expect(new URL(h.opened[0] ?? '').searchParams.get('scope')).toContain('data.edit');
  });

  it('ends cleanly when the user denies access', async () => {
    const pages: { status: number; page: string }[] = [];
    h.browser.current = consenting('deny', 'demo_user', pages);
    const error = await errorOf(
      h.call('session.signInWithBrowser', { server: emulator.apiBase, accessLevel: 'read' }),
    );
    expect(error.code).toBe('forbidden');
    await expect.poll(() => pages[0]?.page).toContain('denied');
    expect(((await h.call('session.status')) as { session: unknown }).session).toBeNull();
    expect(h.events.filter((e) => e.event === 'session.signInProgress').at(-1)?.payload).toEqual({
      progress: null,
    });
  });

  it('cancels a waiting sign-in', async () => {
    const attempt = h.call('session.signInWithBrowser', { server: emulator.apiBase, accessLevel: 'read' });
    await expect.poll(() => h.events.some((e) => e.event === 'session.signInProgress')).toBe(true);
    const waiting = (await h.call('session.status')) as { signIn: { kind: string; authorizeUrl: string } };
    expect(waiting.signIn.kind).toBe('browser');
    await h.call('session.cancelSignIn');
    expect((await errorOf(attempt)).code).toBe('cancelled');
    // The listener is closed: the consent answer can no longer reach the app.
    await expect(answerConsent(waiting.signIn.authorizeUrl, 'approve')).rejects.toThrow();
  });

  it('signs in with a device code', async () => {
    const attempt = h.call('session.signInWithDevice', { server: emulator.apiBase, accessLevel: 'read' });
    await expect
      .poll(() =>
        h.events.some((e) => (e.payload as { progress?: { kind?: string } }).progress?.kind === 'device'),
      )
      .toBe(true);
    const status = (await h.call('session.status')) as {
      signIn: { userCode: string; verificationUriComplete: string };
    };
    expect(status.signIn.userCode).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
    await h.call('session.openDeviceVerification');
    expect(h.opened).toEqual([status.signIn.verificationUriComplete]);
    await approveDevice(status.signIn.verificationUriComplete);
    expect(await attempt).toMatchObject({ userName: 'demo_user', method: 'device' });
  });

  it('signs in with a pasted API token, and refuses a bad one in plain words', async () => {
    const token = await emulator.createApiToken('alice', ['public', 'data.data']);
    const view = await h.call('session.signInWithToken', { server: emulator.apiBase, token });
    expect(view).toMatchObject({ userName: 'alice', fullName: 'Alice Analyst', method: 'api_token' });
    const error = await errorOf(
      h.call('session.signInWithToken', { server: emulator.apiBase, token: 'rdvs_api_nope' }),
    );
    expect(error).toMatchObject({
      code: 'unauthenticated',
      message: 'The server did not accept that API token.',
    });
    expect(((await h.call('session.status')) as { session: { userName: string } }).session.userName).toBe(
      'alice',
    );
  });

  it('refuses a server address that is not https or local', async () => {
    const error = await errorOf(
      h.call('session.signInWithToken', { server: 'http://example.com/api/v1', token: 'x' }),
    );
    expect(error.code).toBe('bad_input');
  });
});
