import type { ChannelHandlers } from '../host/handlers';
import { createSessionHandlers } from './sessionHandlers';
import { SessionManager, type SessionDeps } from './sessionManager';
import type { SessionService } from './sessionService';
import { SignInAttempts } from './signInAttempts';

export type { SessionDeps, SessionOptions } from './sessionManager';

/**
 * The signed-in state and its channels. Settings: `session.oauthClientId` (a registered OAuth
 * client id; without one the app signs in as an unregistered public client) and
 * `session.signInTimeoutMs` (how long a browser sign-in waits, 5 minutes by default).
 */
export function createSessionService(deps: SessionDeps): {
  service: SessionService;
  handlers: ChannelHandlers['session'];
} {
  const clientId = deps.settings.get('session.oauthClientId');
  const timeoutMs = deps.settings.get('session.signInTimeoutMs');
  const session = new SessionManager({
    ...deps,
    options: {
      clientId: typeof clientId === 'string' && clientId ? clientId : undefined,
      signInTimeoutMs: typeof timeoutMs === 'number' && timeoutMs > 0 ? timeoutMs : undefined,
      ...deps.options,
    },
  });
  const attempts = new SignInAttempts(session);
  const dispose = session.dispose.bind(session);
  session.dispose = () => {
    attempts.cancel();
    dispose();
  };
  return { service: session, handlers: createSessionHandlers(session, attempts) };
}
