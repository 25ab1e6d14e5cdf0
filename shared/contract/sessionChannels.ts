import { z } from 'zod';
import { channel, type ChannelSpec } from './define';

/**
 * Read-only access is the default; "editing and uploads" adds data.edit. `public` is always
 * granted by Redivis, listed so the consent page shows it.
 */
export const readScopes = ['public', 'data.overview', 'data.metadata', 'data.data'] as const;
export const editScopes = [...readScopes, 'data.edit'] as const;

export const accessLevelSchema = z.enum(['read', 'edit']);
export type AccessLevel = z.infer<typeof accessLevelSchema>;

export function scopesForAccessLevel(level: AccessLevel): string[] {
  return level === 'edit' ? [...editScopes] : [...readScopes];
}

/** How the account's tokens are kept: 'memory' for a token from REDIVIS_API_TOKEN (never saved). */
export const tokenProtectionSchema = z.enum(['os_keychain', 'basic_text', 'plain_file', 'memory']);
export type TokenProtection = z.infer<typeof tokenProtectionSchema>;

export const signInMethodSchema = z.enum(['browser', 'device', 'api_token', 'env_token']);
export type SignInMethod = z.infer<typeof signInMethodSchema>;

/** The public view of a signed-in account. Never carries a token. */
export const sessionViewSchema = z.object({
  accountId: z.string(),
  userName: z.string(),
  fullName: z.string().optional(),
  /** The API base of the account's server, e.g. https://redivis.com/api/v1. */
  server: z.string(),
  serverLabel: z.string(),
  /** Scopes the token carries; empty when the server does not say (opaque API tokens). */
  scopes: z.array(z.string()),
  method: signInMethodSchema,
  protection: tokenProtectionSchema,
});
export type SessionView = z.infer<typeof sessionViewSchema>;

export const serverOptionSchema = z.object({
  label: z.string(),
  apiBase: z.string(),
  kind: z.enum(['redivis', 'demo', 'configured']),
});
export type ServerOption = z.infer<typeof serverOptionSchema>;

/** What a sign-in in progress waits for; shown with a Cancel button. */
export const signInProgressSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('browser'),
    /** The page opened in the system browser, offered again in case it did not open. */
    authorizeUrl: z.string(),
  }),
  z.object({
    kind: z.literal('device'),
    userCode: z.string(),
    verificationUri: z.string(),
    verificationUriComplete: z.string().optional(),
    /** Epoch milliseconds when the code stops working. */
    expiresAt: z.number(),
  }),
  z.object({ kind: z.literal('token') }),
]);
export type SignInProgress = z.infer<typeof signInProgressSchema>;

export const sessionStatusSchema = z.object({
  session: sessionViewSchema.nullable(),
  /** Every remembered account, the active one included. */
  accounts: z.array(sessionViewSchema),
  servers: z.array(serverOptionSchema),
  /** The server the sign-in screen preselects (the local demo server when there is one). */
  defaultServer: z.string(),
  signIn: signInProgressSchema.nullable(),
  /** How new tokens would be stored on this machine. */
  protection: tokenProtectionSchema,
});
export type SessionStatus = z.infer<typeof sessionStatusSchema>;

const serverParam = z.string().min(1).max(2048);

/** Request channels of the session domain. */
export const sessionChannels = {
  status: channel({ params: z.void(), result: sessionStatusSchema }),
  /** PKCE sign-in in the system browser; resolves when the browser comes back. */
  signInWithBrowser: channel({
    params: z.object({ server: serverParam, accessLevel: accessLevelSchema }),
    result: sessionViewSchema,
  }),
  /** Device flow; the code to enter arrives as a `session.signInProgress` event. */
  signInWithDevice: channel({
    params: z.object({ server: serverParam, accessLevel: accessLevelSchema }),
    result: sessionViewSchema,
  }),
  /** Opens the device flow's verification page in the system browser. */
  openDeviceVerification: channel({ params: z.void(), result: z.void() }),
  signInWithToken: channel({
    params: z.object({ server: serverParam, token: z.string().trim().min(1).max(8192) }),
    result: sessionViewSchema,
  }),
  cancelSignIn: channel({ params: z.void(), result: z.void() }),
  /**
   * For an AppError with action 'grant_access': signs in again in the browser asking for the
   * current scopes plus `scopes` (or editing access when none are given).
   */
  grantAccess: channel({
    params: z.object({ scopes: z.array(z.string().max(100)).max(20).optional() }),
    result: sessionViewSchema,
  }),
  /** Reloads the signed-in user's profile (GET /users/me). */
  refreshProfile: channel({ params: z.void(), result: sessionViewSchema }),
  switchAccount: channel({
    params: z.object({ accountId: z.string().min(1).max(4096) }),
    result: sessionViewSchema,
  }),
  forgetAccount: channel({
    params: z.object({ accountId: z.string().min(1).max(4096) }),
    result: z.void(),
  }),
  signOut: channel({ params: z.void(), result: z.void() }),
} satisfies Record<string, ChannelSpec>;

/** Events of the session domain. */
export const sessionEvents = {
  /** After sign-in, sign-out or a switch: features reload or clear what they show. */
  'session.changed': z.object({ session: sessionViewSchema.nullable() }),
  /** A sign-in started, moved on (device code issued) or ended (null). */
  'session.signInProgress': z.object({ progress: signInProgressSchema.nullable() }),
} satisfies Record<string, z.ZodType>;
