import { useEffect, useId, useRef, useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import { client } from '../../ui/client';
import { toAppError } from '../../ui/errorText';
import { ErrorMessage } from './ErrorMessage';
import { ProtectionWarning } from './ProtectionWarning';
import { useSession } from './sessionStore';
import './session.css';

/** The signed-in user's name, and a menu to switch account or server and to sign out. */
export function AccountMenu() {
  const session = useSession((s) => s.status?.session);
  const accounts = useSession((s) => s.status?.accounts ?? []);
  const setAddingAccount = useSession((s) => s.setAddingAccount);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<AppError>();
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    // Refresh the name from the server each time the menu opens.
    let current = true;
    client()
      .session.refreshProfile()
      .then(
        () => useSession.getState().load(),
        (failure: unknown) => current && setError(toAppError(failure)),
      );
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && setOpen(false);
    const onClick = (event: MouseEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onClick);
    return () => {
      current = false;
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onClick);
    };
  }, [open]);

  if (!session) return null;
  const name = session.fullName ?? session.userName;
  const others = accounts.filter((a) => a.accountId !== session.accountId);
  const act = (action: () => Promise<unknown>) => {
    setError(undefined);
    action().then(
      () => setOpen(false),
      (failure: unknown) => setError(toAppError(failure)),
    );
  };
  const access = session.scopes.includes('data.edit')
    ? 'Editing and uploads allowed'
    : session.scopes.length > 0
      ? 'Read-only access'
      : 'Access set by the API token';

  return (
    <div className="account-menu" ref={root}>
      <button
        type="button"
        className="account-button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={`Account: ${name}`}
        onClick={() => setOpen(!open)}
      >
        <span className="account-name">{name}</span>
        <span className="muted account-server">{session.serverLabel}</span>
      </button>
      {open ? (
        <div id={panelId} className="account-panel" role="region" aria-label="Account">
          <p>
            Signed in as <strong>{name}</strong> ({session.userName})
          </p>
          <p className="muted">
            {session.serverLabel} · {access}
          </p>
          <ProtectionWarning protection={session.protection} />
          {session.protection === 'memory' ? (
            <p className="muted">Signed in with the token from REDIVIS_API_TOKEN; it is not saved.</p>
          ) : null}
          {others.length > 0 ? (
            <ul className="account-others" aria-label="Other accounts">
              {others.map((account) => (
                <li key={account.accountId}>
                  <button
                    type="button"
                    className="link"
                    onClick={() =>
                      act(() => client().session.switchAccount({ accountId: account.accountId }))
                    }
                  >
                    Switch to {account.fullName ?? account.userName} ({account.serverLabel})
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          <div className="session-row">
            <button
              type="button"
              onClick={() => {
                setOpen(false);
                setAddingAccount(true);
              }}
            >
              Add account or server
            </button>
            <button type="button" onClick={() => act(() => client().session.signOut())}>
              Sign out
            </button>
          </div>
          {error ? <ErrorMessage error={error} onDismiss={() => setError(undefined)} /> : null}
        </div>
      ) : null}
    </div>
  );
}
