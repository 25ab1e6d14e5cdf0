import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './emulatorHarness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ faults: true, accessTokenTtlSeconds: 120 });
});
afterAll(async () => {
  await h.stop();
});

const REDIRECT = 'http://127.0.0.1:53682/callback';

function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

function authorizeQuery(challenge: string, extra: Record<string, string> = {}): string {
  return new URLSearchParams({
    response_type: 'code',
    client_id: 'redivis-desktop',
    redirect_uri: REDIRECT,
    scope: 'public data.data',
    state: 'xyz123',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...extra,
  }).toString();
}

/** Submits the consent form the way a browser would. */
async function decide(query: string, decision: 'approve' | 'deny', user = 'demo_user'): Promise<URL> {
  const form = new URLSearchParams(query);
  form.set('decision', decision);
  form.set('user', user);
  const res = await fetch(`${h.emu.origin}/oauth/authorize`, {
    method: 'POST',
    body: form,
    redirect: 'manual',
  });
  expect(res.status).toBe(302);
  return new URL(res.headers.get('location') ?? '');
}

async function token(
  body: Record<string, string>,
  json = false,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${h.emu.origin}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': json ? 'application/json' : 'application/x-www-form-urlencoded' },
    body: json ? JSON.stringify(body) : new URLSearchParams(body).toString(),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('authorization code flow', () => {
  it('shows a consent page with Approve and Deny', async () => {
    const { challenge } = pkce();
    const res = await fetch(`${h.emu.origin}/oauth/authorize?${authorizeQuery(challenge)}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Sign in to the Redivis emulator as Demo User');
    expect(html).toMatch(/<button[^>]*value="approve"[^>]*>Approve<\/button>/);
    expect(html).toMatch(/<button[^>]*value="deny"[^>]*>Deny<\/button>/);
    expect(html).toContain('data.data');
  });

  it('refuses non-loopback redirect URIs with an error page, not a redirect', async () => {
    const { challenge } = pkce();
    for (const uri of ['https://evil.example/cb', 'http://127.0.0.1/cb', 'http://10.0.0.1:80/cb']) {
      const res = await fetch(
        `${h.emu.origin}/oauth/authorize?${authorizeQuery(challenge, { redirect_uri: uri })}`,
        { redirect: 'manual' },
      );
      expect(res.status, uri).toBe(400);
      expect(res.headers.get('location')).toBeNull();
    }
  });

  it('redirects PKCE-less requests back with invalid_request', async () => {
    const res = await fetch(`${h.emu.origin}/oauth/authorize?${authorizeQuery('', { code_challenge: '' })}`, {
      redirect: 'manual',
    });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location') ?? '');
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('state')).toBe('xyz123');
  });

  it('issues tokens for an approved code, once, with the right verifier', async () => {
    const { verifier, challenge } = pkce();
    const location = await decide(authorizeQuery(challenge), 'approve');
    expect(location.origin + location.pathname).toBe(REDIRECT);
    expect(location.searchParams.get('state')).toBe('xyz123');
    const code = location.searchParams.get('code') ?? '';
    const ok = await token(
      { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: verifier },
      true,
    );
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ token_type: 'Bearer', expires_in: 120, scope: 'public data.data' });
    expect(Number(ok.body.expires_at)).toBeGreaterThan(Date.now() / 1000);
    const access = String(ok.body.access_token);
    const claims = JSON.parse(Buffer.from(access.split('.')[1] ?? '', 'base64url').toString()) as {
      scope: string;
    };
    expect(claims.scope).toBe('public data.data');
    const me = await h.json('/users/me', { token: access });
    expect(me.name).toBe('demo_user');

    const reused = await token({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      code_verifier: verifier,
    });
    expect(reused.status).toBe(400);
    expect(reused.body.error).toBe('invalid_grant');
  });

  it('rejects a wrong PKCE verifier and a mismatched redirect_uri', async () => {
    const { challenge } = pkce();
    const code = (await decide(authorizeQuery(challenge), 'approve')).searchParams.get('code') ?? '';
    const wrong = await token({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      code_verifier: pkce().verifier,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toBe('invalid_grant');
    const second = pkce();
    const code2 = (await decide(authorizeQuery(second.challenge), 'approve')).searchParams.get('code') ?? '';
    const mismatch = await token({
      grant_type: 'authorization_code',
      code: code2,
      redirect_uri: 'http://127.0.0.1:1/other',
      code_verifier: second.verifier,
    });
    expect(mismatch.body.error).toBe('invalid_grant');
  });

  it('redirects a denial with access_denied and the state', async () => {
    const location = await decide(authorizeQuery(pkce().challenge), 'deny');
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('state')).toBe('xyz123');
  });

  it('signs in as the user picked on the consent page and refreshes tokens', async () => {
    const { verifier, challenge } = pkce();
    const code = (await decide(authorizeQuery(challenge), 'approve', 'alice')).searchParams.get('code') ?? '';
    const issued = await token({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      code_verifier: verifier,
    });
    const refresh = String(issued.body.refresh_token);
    const refreshed = await token({ grant_type: 'refresh_token', refresh_token: refresh });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).toBe(refresh);
    expect((await h.json('/users/me', { token: String(refreshed.body.access_token) })).name).toBe('alice');
    const bad = await token({ grant_type: 'refresh_token', refresh_token: 'nope' });
    expect(bad.body.error).toBe('invalid_grant');
    expect((await token({ grant_type: 'password' })).body.error).toBe('unsupported_grant_type');
  });

  it('expires every issued access token on the expireTokens fault', async () => {
    const { verifier, challenge } = pkce();
    const code = (await decide(authorizeQuery(challenge), 'approve')).searchParams.get('code') ?? '';
    const issued = await token({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      code_verifier: verifier,
    });
    const access = String(issued.body.access_token);
    expect((await h.api('/users/me', { token: access })).status).toBe(200);
    await fetch(`${h.emu.origin}/__emulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ expireTokens: true }),
      headers: { 'content-type': 'application/json' },
    });
    const expired = await h.api('/users/me', { token: access });
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({ error: 'invalid_token' });
    const renewed = await token({
      grant_type: 'refresh_token',
      refresh_token: String(issued.body.refresh_token),
    });
    expect((await h.api('/users/me', { token: String(renewed.body.access_token) })).status).toBe(200);
  });
});

describe('device flow', () => {
  it('goes through pending, slow_down, approval and a single token issue', async () => {
    const { verifier, challenge } = pkce();
    const start = await fetch(`${h.emu.origin}/oauth/device_authorization`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        client_id: 'x',
        scope: 'public data.edit',
        code_challenge: challenge,
        code_challenge_method: 'S256',
      }),
    });
    const grant = (await start.json()) as Record<string, string | number>;
    expect(grant).toMatchObject({ interval: expect.any(Number), expires_in: expect.any(Number) });
    expect(String(grant.verification_uri_complete)).toContain(String(grant.user_code));
    const poll = {
      grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
      device_code: String(grant.device_code),
      code_verifier: verifier,
    };
    expect((await token(poll)).body.error).toBe('authorization_pending');
    expect((await token(poll)).body.error).toBe('slow_down');

    const page = await fetch(String(grant.verification_uri_complete));
    expect(await page.text()).toContain('>Approve</button>');
    const approve = await fetch(`${h.emu.origin}/oauth/device`, {
      method: 'POST',
      body: new URLSearchParams({
        user_code: String(grant.user_code),
        decision: 'approve',
        user: 'demo_user',
      }),
    });
    expect(approve.status).toBe(200);
    const issued = await token(poll);
    expect(issued.status).toBe(200);
    expect(issued.body.scope).toBe('public data.edit');
    expect((await token(poll)).body.error).toBe('invalid_grant');
  });

  it('reports access_denied after a denial', async () => {
    const start = await fetch(`${h.emu.origin}/oauth/device_authorization`, {
      method: 'POST',
      body: new URLSearchParams({ scope: 'public' }),
    });
    const grant = (await start.json()) as Record<string, string>;
    await fetch(`${h.emu.origin}/oauth/device`, {
      method: 'POST',
      body: new URLSearchParams({ user_code: grant.user_code ?? '', decision: 'deny' }),
    });
    const res = await token({
      grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
      device_code: grant.device_code ?? '',
    });
    expect(res.body.error).toBe('access_denied');
  });

  it('keeps the current scopes when a device poll upgrades a token', async () => {
    const current = await h.emu.createApiToken('demo_user', ['public', 'data.data']);
    const start = await fetch(`${h.emu.origin}/oauth/device_authorization`, {
      method: 'POST',
      body: new URLSearchParams({ scope: 'data.edit' }),
    });
    const grant = (await start.json()) as Record<string, string>;
    await fetch(`${h.emu.origin}/oauth/device`, {
      method: 'POST',
      body: new URLSearchParams({ user_code: grant.user_code ?? '', decision: 'approve' }),
    });
    const res = await fetch(`${h.emu.origin}/oauth/token`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${current}` },
      body: new URLSearchParams({
        grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
        device_code: grant.device_code ?? '',
      }),
    });
    const body = (await res.json()) as { scope: string };
    expect(body.scope.split(' ').sort()).toEqual(['data.data', 'data.edit', 'public']);
  });
});
