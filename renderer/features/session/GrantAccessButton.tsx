import { useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import { toAppError } from '../../ui/errorText';
import { grantAccessFor } from './grantAccess';

/**
 * The button for an AppError with action 'grant_access': signs in again in the browser for
 * the missing access, then calls `onGranted` (typically: retry what failed).
 */
export function GrantAccessButton({ error, onGranted }: { error: AppError; onGranted?: () => void }) {
  const [waiting, setWaiting] = useState(false);
  const [failure, setFailure] = useState<AppError>();
  if (error.action !== 'grant_access') return null;
  const grant = () => {
    setWaiting(true);
    setFailure(undefined);
    grantAccessFor(error).then(
      () => {
        setWaiting(false);
        onGranted?.();
      },
      (reason: unknown) => {
        setWaiting(false);
        const appError = toAppError(reason);
        if (appError.code !== 'cancelled') setFailure(appError);
      },
    );
  };
  return (
    <span className="grant-access">
      <button type="button" onClick={grant} disabled={waiting}>
        {waiting ? 'Waiting for your browser…' : 'Grant more access'}
      </button>
      {failure ? <span role="alert"> {failure.message}</span> : null}
    </span>
  );
}
