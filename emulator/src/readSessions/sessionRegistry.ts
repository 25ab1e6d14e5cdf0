import { randomBytes } from 'node:crypto';
import type { EmulatorDeps } from '../http/routeModule.js';
import type { StreamPlan } from './sessionPlan.js';

export type ReadFormat = 'arrow' | 'jsonl' | 'csv';

export interface ReadStream {
  id: string;
  plan: StreamPlan;
  session: ReadSession;
}

export interface ReadSession {
  id: string;
  /** User name of the creator; null for anonymous sessions. */
  createdBy: string | null;
  allowAnonymousAccess: boolean;
  format: ReadFormat;
  /** The format as the client named it (`json` and `jsonl` both mean JSON lines). */
  formatName: string;
  createdAt: number;
  expiresAt: number;
  numRows: number;
  parentUri: string;
  streams: ReadStream[];
}

/**
 * Read sessions live in memory: they are short-lived handles onto immutable stored segments,
 * so they do not survive an emulator restart (clients then create a new session).
 */
export class SessionRegistry {
  private readonly sessions = new Map<string, ReadSession>();
  private readonly streams = new Map<string, ReadStream>();

  create(init: Omit<ReadSession, 'id' | 'streams'>, plans: StreamPlan[]): ReadSession {
    this.sweep(init.createdAt);
    const session: ReadSession = { ...init, id: randomBytes(12).toString('base64url'), streams: [] };
    session.streams = plans.map((plan) => ({ id: randomBytes(16).toString('base64url'), plan, session }));
    this.sessions.set(session.id, session);
    for (const stream of session.streams) this.streams.set(stream.id, stream);
    return session;
  }

  stream(id: string): ReadStream | undefined {
    return this.streams.get(id);
  }

  session(id: string): ReadSession | undefined {
    return this.sessions.get(id);
  }

  /** Forgets sessions expired for more than an hour (expired ones still answer "expired"). */
  private sweep(now: number): void {
    for (const session of this.sessions.values()) {
      if (session.expiresAt + 3_600_000 < now) {
        this.sessions.delete(session.id);
        for (const stream of session.streams) this.streams.delete(stream.id);
      }
    }
  }
}

const registries = new WeakMap<EmulatorDeps, SessionRegistry>();

export function sessionsOf(deps: EmulatorDeps): SessionRegistry {
  let registry = registries.get(deps);
  if (!registry) {
    registry = new SessionRegistry();
    registries.set(deps, registry);
  }
  return registry;
}
