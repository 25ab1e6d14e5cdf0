/**
 * Token issuing and verification.
 *  - Access tokens are JWTs (HS256 with the store's secret) carrying `sub`, `scope`
 *    (space-separated), `iat`, `exp` and `iat_ms` (so `expireTokens` can cut at millisecond
 *    precision). They are not stored.
 *  - Static API tokens and refresh tokens are opaque random strings; only their sha256 is
 *    stored. Refresh tokens live in the state; static tokens are one small file each under
 *    `<dataDir>/tokens/`, so `npm run emulator -- token` can add one while a server runs.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../store/atomicFile.js';
import type { Store } from '../store/store.js';
import type { TokenRecord, UserRecord } from '../store/model.js';

export interface VerifiedToken {
  user: UserRecord;
  scopes: string[];
  kind: 'oauth' | 'static';
}

export type TokenFailure = 'malformed' | 'expired' | 'unknown_user' | 'revoked';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function sign(secret: string, data: string): string {
  return createHmac('sha256', secret).update(data).digest('base64url');
}

export function normalizeScopes(scopes: readonly string[]): string[] {
  const set = new Set(scopes.filter(Boolean));
  set.add('public');
  return [...set];
}

export function issueAccessToken(
  store: Store,
  userName: string,
  scopes: readonly string[],
  ttlSeconds: number,
  nowMs: number,
): { token: string; expiresAt: number } {
  const iat = Math.floor(nowMs / 1000);
  const exp = iat + ttlSeconds;
  const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
  const payload = Buffer.from(
    JSON.stringify({
      iss: 'redivis-emulator',
      sub: userName,
      scope: normalizeScopes(scopes).join(' '),
      iat,
      exp,
      iat_ms: nowMs,
      jti: randomBytes(8).toString('hex'),
    }),
  ).toString('base64url');
  const signature = sign(store.state.secret, `${header}.${payload}`);
  return { token: `${header}.${payload}.${signature}`, expiresAt: exp };
}

interface AccessClaims {
  sub: string;
  scope: string;
  exp: number;
  iat_ms: number;
}

function verifyJwt(store: Store, token: string, nowMs: number): VerifiedToken | TokenFailure {
  const [header, payload, signature] = token.split('.');
  if (!header || !payload || !signature) return 'malformed';
  const expected = Buffer.from(sign(store.state.secret, `${header}.${payload}`));
  const actual = Buffer.from(signature);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return 'malformed';
  let claims: AccessClaims;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as AccessClaims;
  } catch {
    return 'malformed';
  }
  if (claims.exp * 1000 <= nowMs || claims.iat_ms < store.state.accessTokensNotBefore) {
    return 'expired';
  }
  const user = store.state.users[claims.sub];
  if (!user) return 'unknown_user';
  return { user, scopes: claims.scope.split(' ').filter(Boolean), kind: 'oauth' };
}

export function findOpaqueToken(
  store: Store,
  token: string,
  kind: TokenRecord['kind'],
): TokenRecord | undefined {
  const hash = hashToken(token);
  return Object.values(store.state.tokens).find((t) => t.hash === hash && t.kind === kind);
}

const TOKENS_DIR = 'tokens';

function readStaticToken(store: Store, token: string): TokenRecord | undefined {
  if (!/^[A-Za-z0-9_-]{10,200}$/.test(token)) return undefined;
  try {
    const text = readFileSync(join(store.dataDir, TOKENS_DIR, `${hashToken(token)}.json`), 'utf8');
    return JSON.parse(text) as TokenRecord;
  } catch {
    return undefined;
  }
}

export function verifyBearer(store: Store, token: string, nowMs: number): VerifiedToken | TokenFailure {
  if (token.split('.').length === 3) return verifyJwt(store, token, nowMs);
  const record = readStaticToken(store, token);
  if (!record) return 'malformed';
  if (record.revokedAt !== null) return 'revoked';
  if (record.expiresAt !== null && record.expiresAt <= nowMs) return 'expired';
  const user = store.state.users[record.userName];
  if (!user) return 'unknown_user';
  return { user, scopes: normalizeScopes(record.scopes), kind: 'static' };
}

/** Creates an opaque token (static API token or refresh token) and stores its hash. */
export async function createOpaqueToken(
  store: Store,
  kind: TokenRecord['kind'],
  userName: string,
  scopes: readonly string[],
  nowMs: number,
): Promise<string> {
  const prefix = kind === 'static' ? 'rdvs_api_' : 'rdvs_refresh_';
  const token = `${prefix}${randomBytes(24).toString('base64url')}`;
  const record: TokenRecord = {
    id: store.newId(),
    kind,
    userName,
    scopes: normalizeScopes(scopes),
    hash: hashToken(token),
    createdAt: nowMs,
    expiresAt: null,
    revokedAt: null,
  };
  if (kind === 'static') {
    await mkdir(join(store.dataDir, TOKENS_DIR), { recursive: true });
    await writeFileAtomic(join(store.dataDir, TOKENS_DIR, `${record.hash}.json`), JSON.stringify(record));
    return token;
  }
  await store.update((state) => {
    state.tokens[record.id] = record;
  });
  return token;
}
