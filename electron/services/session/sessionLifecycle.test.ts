import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../emulator/src/index';
import { approveDevice } from './testing/emulatorConsent';
import { consenting, harness, storedTokens, type Harness } from './testing/sessionHarness';

describe('session lifecycle against the emulator', () => {
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

  it('refreshes the token when the server expires it mid-session, and the next call still succeeds', async () => {
    h.browser.current = consenting('approve');
    await h.call('session.signInWithBrowser', { server: emulator.apiBase, accessLevel: 'read' });
    const before = storedTokens(h)[0];
    await emulator.faults.expireTokens();
    const me = await h.services.context.api.get<{ name: string }>('/users/me');
    expect(me.name).toBe('demo_user');
    const after = storedTokens(h)[0];
    expect(after?.accessToken).not.toBe(before?.accessToken);
    expect(after?.refreshToken).toBe(before?.refreshToken);
    expect(((await h.call('session.refreshProfile')) as { fullName: string }).fullName).toBe('Demo User');
  });

  it('offers "grant access" on insufficient_scope and re-runs the sign-in for the missing scope', async () => {
    h.browser.current = consenting('approve');
    await h.call('session.signInWithBrowser', { server: emulator.apiBase, accessLevel: 'read' });
    const create = () =>
      h.services.context.api.json('POST', '/users/demo_user/datasets', { body: { name: 'Granted' } });
    const refused = await create().catch(
      (error: { appError: { code: string; action?: string; detail?: string } }) => error.appError,
    );
    expect(refused).toMatchObject({ code: 'insufficient_scope', action: 'grant_access' });
    const view = (await h.call('session.grantAccess', { scopes: ['data.edit'] })) as { scopes: string[] };
    expect(view.scopes).toEqual(expect.arrayContaining(['data.data', 'data.edit']));
    expect(new URL(h.opened.at(-1) ?? '').searchParams.get('scope')?.split(' ')).toEqual(
      expect.arrayContaining(['data.overview', 'data.metadata', 'data.data', 'data.edit']),
    );
    await expect(create()).resolves.toBeTruthy();
  });

  it('remembers several accounts and switches between them', async () => {
    h.browser.current = consenting('approve');
    const demo = (await h.call('session.signInWithBrowser', {
      server: emulator.apiBase,
      accessLevel: 'read',
    })) as { accountId: string };
    const token = await emulator.createApiToken('bob', ['public', 'data.data']);
    await h.call('session.signInWithToken', { server: emulator.apiBase, token });
    const status = (await h.call('session.status')) as {
      accounts: { userName: string }[];
      session: { userName: string };
    };
    expect(status.session.userName).toBe('bob');
    expect(status.accounts.map((a) => a.userName).sort()).toEqual(['bob', 'demo_user']);
    expect((await h.services.context.api.get<{ name: string }>('/users/me')).name).toBe('bob');
    await h.call('session.switchAccount', { accountId: demo.accountId });
    expect((await h.services.context.api.get<{ name: string }>('/users/me')).name).toBe('demo_user');
    expect(h.events.filter((e) => e.event === 'session.changed')).toHaveLength(3);
  });

  it('signs out: deletes the tokens and the per-user cache, and tells every window', async () => {
    h.browser.current = consenting('approve');
    await h.call('session.signInWithBrowser', { server: emulator.apiBase, accessLevel: 'read' });
    const cacheDir = h.services.context.session.userCacheDir() ?? '';
    expect(cacheDir.startsWith(h.dataDir)).toBe(true);
    await mkdir(cacheDir, { recursive: true });
    await writeFile(join(cacheDir, 'cached.json'), '{}');
    await h.call('session.signOut');
    expect(h.secrets.values.size).toBe(0);
    await expect(stat(cacheDir)).rejects.toThrow();
    expect(h.events.at(-1)).toEqual({ event: 'session.changed', payload: { session: null } });
    const status = (await h.call('session.status')) as { session: unknown; accounts: unknown[] };
    expect(status).toMatchObject({ session: null, accounts: [] });
    expect(await h.services.context.session.accessToken()).toBeUndefined();
  });

  it('never lets a token reach a renderer-facing payload or a log', async () => {
    const logged: unknown[] = [];
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args));
    }
    try {
      h.browser.current = consenting('approve');
      await h.call('session.signInWithBrowser', { server: emulator.apiBase, accessLevel: 'edit' });
      await emulator.faults.expireTokens();
      await h.call('session.refreshProfile');
      await h.call('session.status');
      const device = h.call('session.signInWithDevice', { server: emulator.apiBase, accessLevel: 'read' });
      await expect
        .poll(() =>
          h.events.some((e) => (e.payload as { progress?: { kind?: string } }).progress?.kind === 'device'),
        )
        .toBe(true);
      const { signIn } = (await h.call('session.status')) as { signIn: { verificationUriComplete: string } };
      await approveDevice(signIn.verificationUriComplete, 'alice');
      await device;
      await h.call('session.status');
      await h.call('session.signOut');
    } finally {
      vi.restoreAllMocks();
    }
    const secrets = h.secrets.everWritten.flatMap((value) => {
      const parsed = JSON.parse(value) as { accessToken: string; refreshToken?: string };
      return [parsed.accessToken, parsed.refreshToken].filter((t): t is string => Boolean(t));
    });
    expect(secrets.length).toBeGreaterThanOrEqual(4);
    const visible = JSON.stringify([h.outcomes, h.events, logged]);
    for (const secret of secrets) expect(visible).not.toContain(secret);
  });
});

describe('session service with short-lived tokens and REDIVIS_API_TOKEN', () => {
  let emulator: RunningEmulator;
  let emulatorDir: string;

  beforeAll(async () => {
    emulatorDir = await mkdtemp(join(tmpdir(), 'rd-session-emu-'));
    emulator = await startEmulator({
      dataDir: emulatorDir,
      largeRows: 20_000,
      faults: true,
      accessTokenTtlSeconds: 30,
    });
  });
  afterAll(async () => {
    await emulator.close();
    await rm(emulatorDir, { recursive: true, force: true });
  });

  it('refreshes before the access token expires', async () => {
    const h = await harness(emulator);
    h.browser.current = consenting('approve');
    await h.call('session.signInWithBrowser', { server: emulator.apiBase, accessLevel: 'read' });
    const first = storedTokens(h)[0]?.accessToken;
    // The token lives 30 s, inside the one-minute margin: asking for it refreshes first.
    const token = await h.services.context.session.accessToken();
    expect(token).not.toBe(first);
    expect(storedTokens(h)[0]?.accessToken).toBe(token);
    h.services.dispose();
    await rm(h.dataDir, { recursive: true, force: true });
  });

  it('uses a token from REDIVIS_API_TOKEN without saving it, and can sign it out', async () => {
    const envApiToken = await emulator.createApiToken('demo_user', ['public', 'data.data']);
    const h = await harness(emulator, { envApiToken });
    const status = (await h.call('session.status')) as {
      session: { userName: string; method: string; protection: string };
    };
    expect(status.session).toMatchObject({
      userName: 'demo_user',
      method: 'env_token',
      protection: 'memory',
    });
    expect(h.secrets.values.size).toBe(0);
    expect(await h.services.context.session.accessToken()).toBe(envApiToken);
    await h.call('session.signOut');
    expect(((await h.call('session.status')) as { session: unknown }).session).toBeNull();
    h.services.dispose();
    await rm(h.dataDir, { recursive: true, force: true });
  });
});
