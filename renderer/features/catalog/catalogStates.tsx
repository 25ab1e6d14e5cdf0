import { useState, type ReactNode } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import { GrantAccessButton } from '../session/GrantAccessButton';
import { useSession } from '../session/sessionStore';
import { useDelayedFlag } from './usePageLoad';
import './catalogStates.css';

/** A loading placeholder whose spinner appears only if loading takes more than ~300 ms. */
export function Loading({ label }: { label: string }) {
  const show = useDelayedFlag(true);
  return (
    <div className="catalog-loading" role="status" aria-live="polite" aria-busy="true">
      {show ? (
        <>
          <span className="spinner" aria-hidden="true" />
          <span>{label}</span>
        </>
      ) : (
        <span className="visually-hidden">{label}</span>
      )}
    </div>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="catalog-empty">{children}</p>;
}

/**
 * A failure in plain words: the message, the technical detail on demand, and a button for
 * the next step the error suggests (try again, sign in again, grant more access).
 */
export function ErrorPanel({
  error,
  onRetry,
  compact,
}: {
  error: AppError;
  onRetry?: () => void;
  compact?: boolean;
}) {
  const [showDetail, setShowDetail] = useState(false);
  return (
    <div className={compact ? 'catalog-error compact' : 'catalog-error'} role="alert">
      <p className="catalog-error-message">{error.message}</p>
      <div className="catalog-error-actions">
        {error.action === 'grant_access' ? (
          <GrantAccessButton error={error} onGranted={onRetry} />
        ) : error.action === 'sign_in' ? (
          // The sign-in screen, keeping the account; signing in again replaces its tokens.
          <button type="button" onClick={() => useSession.getState().setAddingAccount(true)}>
            Sign in again
          </button>
        ) : onRetry ? (
          <button type="button" onClick={onRetry}>
            Try again
          </button>
        ) : null}
        {error.detail ? (
          <button
            type="button"
            className="link"
            aria-expanded={showDetail}
            onClick={() => setShowDetail((shown) => !shown)}
          >
            {showDetail ? 'Hide details' : 'Details'}
          </button>
        ) : null}
      </div>
      {showDetail && error.detail ? <p className="catalog-error-detail">{error.detail}</p> : null}
    </div>
  );
}
