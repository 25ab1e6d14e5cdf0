import type { AppError } from '../../../shared/contract/errors';

/** An error in plain words, its detail on demand, and a button for its next step. */
export function ErrorMessage({
  error,
  onRetry,
  onDismiss,
}: {
  error: AppError;
  onRetry?: () => void;
  onDismiss?: () => void;
}) {
  return (
    <div className="session-error" role="alert">
      <p>{error.message}</p>
      {error.detail ? (
        <details>
          <summary>Details</summary>
          <p className="muted">{error.detail}</p>
        </details>
      ) : null}
      <div className="session-row">
        {onRetry && error.action === 'retry' ? (
          <button type="button" onClick={onRetry}>
            Try again
          </button>
        ) : null}
        {onDismiss ? (
          <button type="button" className="link" onClick={onDismiss}>
            Dismiss
          </button>
        ) : null}
      </div>
    </div>
  );
}
