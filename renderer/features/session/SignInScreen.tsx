import { useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { SessionView } from '../../../shared/contract/sessionChannels';
import { client } from '../../ui/client';
import { toAppError } from '../../ui/errorText';
import { ErrorMessage } from './ErrorMessage';
import { ProtectionWarning } from './ProtectionWarning';
import { ServerChoice } from './ServerChoice';
import { SignInWaiting } from './SignInWaiting';
import { TokenForm } from './TokenForm';
import { chosenServer, useSession } from './sessionStore';
import './session.css';

type Busy = 'browser' | 'device' | 'token' | undefined;

/** Signed-out screen: server, access level, and the three ways to sign in. */
export function SignInScreen() {
  const status = useSession((s) => s.status);
  const allowEditing = useSession((s) => s.allowEditing);
  const setAllowEditing = useSession((s) => s.setAllowEditing);
  const addingAccount = useSession((s) => s.addingAccount);
  const setAddingAccount = useSession((s) => s.setAddingAccount);
  const [busy, setBusy] = useState<Busy>();
  const [panel, setPanel] = useState<'choose' | 'token'>('choose');
  const [error, setError] = useState<AppError>();
  const [lastTry, setLastTry] = useState<() => void>();

  const run = (kind: Exclude<Busy, undefined>, start: () => Promise<SessionView>) => {
    const attempt = () => {
      setBusy(kind);
      setError(undefined);
      start().then(
        () => {
          setBusy(undefined);
          setPanel('choose');
          setAddingAccount(false);
        },
        (failure: unknown) => {
          setBusy(undefined);
          const appError = toAppError(failure);
          // Cancelling is the user's own choice, not an error to report.
          if (appError.code !== 'cancelled') setError(appError);
        },
      );
    };
    setLastTry(() => attempt);
    attempt();
  };
  const server = () => chosenServer(useSession.getState());
  const accessLevel = allowEditing ? ('edit' as const) : ('read' as const);
  const remembered = (status?.accounts ?? []).filter((a) => a.accountId !== status?.session?.accountId);
  const waiting = busy !== undefined || status?.signIn != null;

  return (
    <main className="sign-in" aria-labelledby="sign-in-title">
      <div className="sign-in-card">
        <h1 id="sign-in-title">Sign in to Redivis</h1>
        <p className="muted">
          Browse, preview and download the data you have access to. Sign-in happens in your browser; this app
          never sees your password.
        </p>
        <ServerChoice disabled={waiting} />
        <fieldset className="session-fieldset" disabled={waiting}>
          <legend>Access</legend>
          <label className="session-choice">
            <input
              type="checkbox"
              checked={allowEditing}
              onChange={(event) => setAllowEditing(event.target.checked)}
            />
            <span>Allow editing and uploads</span>
          </label>
          <p className="muted">
            {allowEditing
              ? 'The app may also create datasets and upload files for you.'
              : 'Read-only: the app can see and read data, but not change anything.'}
          </p>
        </fieldset>
        {waiting ? (
          <SignInWaiting progress={status?.signIn ?? null} kind={busy ?? status?.signIn?.kind ?? 'browser'} />
        ) : panel === 'token' ? (
          <TokenForm
            busy={false}
            protection={status?.protection}
            onBack={() => setPanel('choose')}
            onSubmit={(token) =>
              run('token', () => client().session.signInWithToken({ server: server(), token }))
            }
          />
        ) : (
          <div className="sign-in-methods">
            <button
              type="button"
              className="primary"
              onClick={() =>
                run('browser', () => client().session.signInWithBrowser({ server: server(), accessLevel }))
              }
            >
              Sign in with browser
            </button>
            <button
              type="button"
              onClick={() =>
                run('device', () => client().session.signInWithDevice({ server: server(), accessLevel }))
              }
            >
              Use a device code
            </button>
            <button type="button" onClick={() => setPanel('token')}>
              Paste an API token
            </button>
          </div>
        )}
        {error ? (
          <ErrorMessage error={error} onRetry={lastTry} onDismiss={() => setError(undefined)} />
        ) : null}
        {status ? <ProtectionWarning protection={status.protection} /> : null}
        {remembered.length > 0 && !waiting ? (
          <section className="session-remembered" aria-label="Remembered accounts">
            <h2>Remembered accounts</h2>
            <ul>
              {remembered.map((account) => (
                <li key={account.accountId}>
                  <button
                    type="button"
                    className="link"
                    onClick={() => {
                      setError(undefined);
                      client()
                        .session.switchAccount({ accountId: account.accountId })
                        .then(
                          () => setAddingAccount(false),
                          (failure: unknown) => setError(toAppError(failure)),
                        );
                    }}
                  >
                    {account.fullName ?? account.userName} ({account.serverLabel})
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {addingAccount && status?.session && !waiting ? (
          <button type="button" className="link" onClick={() => setAddingAccount(false)}>
            Back to {status.session.fullName ?? status.session.userName}
          </button>
        ) : null}
      </div>
    </main>
  );
}
