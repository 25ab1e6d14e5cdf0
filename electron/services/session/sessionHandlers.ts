import type { ChannelHandlers } from '../host/handlers';
import type { SessionManager } from './sessionManager';
import type { SignInAttempts } from './signInAttempts';

/** The session channels: sign-in in its three forms, status, switching and signing out. */
export function createSessionHandlers(
  session: SessionManager,
  attempts: SignInAttempts,
): ChannelHandlers['session'] {
  return {
    status: async () => ({ ...(await session.status()), signIn: attempts.progress() }),
    signInWithBrowser: ({ server, accessLevel }) => attempts.browser(server, accessLevel),
    signInWithDevice: ({ server, accessLevel }) => attempts.device(server, accessLevel),
    openDeviceVerification: () => attempts.openDeviceVerification(),
    signInWithToken: ({ server, token }) => attempts.token(server, token),
    cancelSignIn: () => attempts.cancel(),
    grantAccess: ({ scopes }) => attempts.grantAccess(scopes),
    refreshProfile: () => session.refreshProfile(),
    switchAccount: ({ accountId }) => session.switchTo(accountId),
    forgetAccount: ({ accountId }) => session.forget(accountId),
    signOut: () => session.signOut(),
  };
}
