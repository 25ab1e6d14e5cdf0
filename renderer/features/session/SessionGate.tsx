import { useEffect, useState, type ReactNode } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import { client } from '../../ui/client';
import { toAppError } from '../../ui/errorText';
import { DelayedSpinner } from '../../ui/DelayedSpinner';
import { ErrorMessage } from './ErrorMessage';
import { SignInScreen } from './SignInScreen';
import { useSession } from './sessionStore';

/** Shows the sign-in screen until an account is signed in (or while adding another one). */
export function SessionGate({ children }: { children: ReactNode }) {
  const status = useSession((s) => s.status);
  const addingAccount = useSession((s) => s.addingAccount);
  const [error, setError] = useState<AppError>();

  useEffect(() => {
    const session = useSession.getState();
    const reload = () =>
      void session.load().then(
        () => setError(undefined),
        (failure: unknown) => setError(toAppError(failure)),
      );
    reload();
    const offChanged = client().on('session.changed', reload);
    const offProgress = client().on('session.signInProgress', ({ progress }) =>
      session.setProgress(progress),
    );
    return () => {
      offChanged();
      offProgress();
    };
  }, []);

  if (!status) {
    return (
      <div className="session-loading">
        {error ? (
          <ErrorMessage error={error} onRetry={() => void useSession.getState().load()} />
        ) : (
          <DelayedSpinner label="Loading your account" />
        )}
      </div>
    );
  }
  if (!status.session || addingAccount) return <SignInScreen />;
  return <>{children}</>;
}
