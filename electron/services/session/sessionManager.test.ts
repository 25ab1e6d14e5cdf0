import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventName } from '../../../shared/contract';
import { EventBus } from '../host/eventBus';
import type { Ports, SecretStore } from '../ports';
import { memorySettings } from '../settings/settingsStore';
import { AccountStore, accountIdFor } from './accountStore';
import { FakeOAuthServer, oauthError, tokenReply } from './testing/fakeOAuthServer';
import { SessionManager } from './sessionManager';

function memorySecrets(): SecretStore & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return {
    values,
    protection: () => 'os_keychain',
    get: async (key) => values.get(key),
    set: async (key, value) => void values.set(key, value),
    delete: async (key) => void values.delete(key),
  };
}

/** A session whose remembered account (with a refresh token) talks to the fake server. */
async function sessionWithAccount(fake: FakeOAuthServer, expiresAt = Date.now() + 3_600_000) {
  const settings = memorySettings();
  const secrets = memorySecrets();
  const accounts = new AccountStore(settings, secrets);
  const record = {
    id: accountIdFor(fake.apiBase, 'demo_user'),
    server: fake.apiBase,
    userName: 'demo_user',
    method: 'browser' as const,
    scopes: ['public', 'data.data'],
  };
  await accounts.save(record, {
    accessToken: 'old-access',
    refreshToken: 'the-refresh',
    expiresAt,
    scopes: record.scopes,
  });
  accounts.setActive(record.id);
  const events = new EventBus();
  const seen: { event: EventName; payload: unknown }[] = [];
  events.attach((event, payload) => seen.push({ event, payload }));
  const ports = { secrets, openExternal: async () => undefined } as unknown as Ports;
  const session = new SessionManager({
    config: {
      mode: 'browser',
      appVersion: 't',
      dataDir: '/nonexistent',
      defaultApiEndpoint: 'https://redivis.com/api/v1',
    },
    ports,
    settings,
    events,
  });
  return { session, secrets, seen };
}

describe('session tokens', () => {
  let fake: FakeOAuthServer;
  beforeEach(async () => {
    fake = await new FakeOAuthServer().start();
  });
  afterEach(() => fake.close());

  it('restores the remembered account and its server after a restart', async () => {
    const { session } = await sessionWithAccount(fake);
    expect(session.apiBase()).toBe(fake.apiBase);
    expect(await session.accessToken()).toBe('old-access');
    expect(fake.seen).toHaveLength(0);
  });

  it('refreshes once for concurrent 401s and keeps the refresh token when it is not rotated', async () => {
    fake.script('/oauth/token', tokenReply({ access_token: 'new-access', refresh_token: undefined }));
    const { session, secrets } = await sessionWithAccount(fake);
    const results = await Promise.all([
      session.refreshAfterUnauthorized(),
      session.refreshAfterUnauthorized(),
    ]);
    expect(results).toEqual([true, true]);
    expect(fake.requests('/oauth/token')).toHaveLength(1);
    expect(fake.requests('/oauth/token')[0]?.body.get('grant_type')).toBe('refresh_token');
    expect(fake.requests('/oauth/token')[0]?.body.get('refresh_token')).toBe('the-refresh');
    expect(await session.accessToken()).toBe('new-access');
    const stored = JSON.parse([...secrets.values.values()][0] ?? '{}') as { refreshToken: string };
    expect(stored.refreshToken).toBe('the-refresh');
  });

  it('refreshes before use when the access token is about to expire', async () => {
    fake.script('/oauth/token', tokenReply({ access_token: 'fresh' }));
    const { session } = await sessionWithAccount(fake, Date.now() + 10_000);
    expect(await session.accessToken()).toBe('fresh');
  });

  it('ends the session when the server refuses the refresh token', async () => {
    fake.script('/oauth/token', oauthError('invalid_grant'));
    const { session, secrets, seen } = await sessionWithAccount(fake);
    const heard: unknown[] = [];
    session.onChanged((view) => heard.push(view));
    expect(await session.refreshAfterUnauthorized()).toBe(false);
    expect(heard).toEqual([null]);
    expect(secrets.values.size).toBe(0);
    expect(seen.at(-1)).toEqual({ event: 'session.changed', payload: { session: null } });
    expect(await session.accessToken()).toBeUndefined();
  });

  it('keeps the session when the refresh fails for a passing reason', async () => {
    fake.script('/oauth/token', oauthError('server_error', 503));
    const { session, secrets, seen } = await sessionWithAccount(fake);
    expect(await session.refreshAfterUnauthorized()).toBe(false);
    expect(secrets.values.size).toBe(1);
    expect(seen).toHaveLength(0);
    expect(await session.accessToken()).toBe('old-access');
  });
});
