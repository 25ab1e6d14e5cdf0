/**
 * Short-lived OAuth grants (authorization codes and device grants). They live in memory:
 * codes last 60 s and device grants 10 minutes, so a restart simply restarts the sign-in.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { EmulatorDeps } from '../../http/routeModule.js';

export const KNOWN_SCOPES = [
  'public',
  'data.overview',
  'data.metadata',
  'data.data',
  'data.edit',
  'organization.read',
  'organization.write',
  'workflow.read',
  'workflow.write',
] as const;

export const CODE_TTL_MS = 60_000;
export const DEVICE_TTL_SECONDS = 600;
export const DEVICE_INTERVAL_SECONDS = 1;

export interface AuthorizationCode {
  code: string;
  userName: string;
  scopes: string[];
  redirectUri: string;
  codeChallenge: string;
  clientId: string | null;
  expiresAt: number;
}

export interface DeviceGrant {
  deviceCode: string;
  userCode: string;
  scopes: string[];
  clientId: string | null;
  codeChallenge: string | null;
  expiresAt: number;
  interval: number;
  lastPollAt: number | null;
  status: 'pending' | 'approved' | 'denied' | 'consumed';
  userName: string | null;
}

export class OAuthGrants {
  readonly codes = new Map<string, AuthorizationCode>();
  readonly devices = new Map<string, DeviceGrant>();

  issueCode(init: Omit<AuthorizationCode, 'code'>): string {
    const code = randomBytes(24).toString('base64url');
    this.codes.set(code, { ...init, code });
    return code;
  }

  /** Codes are single-use: any exchange attempt consumes them. */
  takeCode(code: string): AuthorizationCode | undefined {
    const grant = this.codes.get(code);
    this.codes.delete(code);
    return grant;
  }

  createDevice(
    init: Omit<DeviceGrant, 'deviceCode' | 'userCode' | 'lastPollAt' | 'status' | 'userName'>,
  ): DeviceGrant {
    const letters = 'BCDFGHJKLMNPQRSTVWXZ';
    const pick = (): string => {
      const bytes = randomBytes(4);
      return [...bytes].map((b) => letters[b % letters.length]).join('');
    };
    const grant: DeviceGrant = {
      ...init,
      deviceCode: randomBytes(32).toString('base64url'),
      userCode: `${pick()}-${pick()}`,
      lastPollAt: null,
      status: 'pending',
      userName: null,
    };
    this.devices.set(grant.deviceCode, grant);
    return grant;
  }

  deviceByUserCode(userCode: string): DeviceGrant | undefined {
    const wanted = userCode.trim().toUpperCase();
    return [...this.devices.values()].find((d) => d.userCode === wanted);
  }
}

export function pkceChallenge(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

const registries = new WeakMap<EmulatorDeps, OAuthGrants>();
export function grantsOf(deps: EmulatorDeps): OAuthGrants {
  let grants = registries.get(deps);
  if (!grants) registries.set(deps, (grants = new OAuthGrants()));
  return grants;
}

/** Validates a space-separated scope list; returns null if any scope is unknown. */
export function parseScopes(text: string | undefined | null): string[] | null {
  const scopes = (text ?? '').split(/[\s+]+/).filter(Boolean);
  if (scopes.some((s) => !(KNOWN_SCOPES as readonly string[]).includes(s))) return null;
  return scopes.length > 0 ? scopes : ['public'];
}
