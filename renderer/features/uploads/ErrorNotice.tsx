import { useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import { GrantAccessButton } from '../session/GrantAccessButton';

/** An error in plain words, its detail on demand, and a button for its action when it has one. */
export function ErrorNotice(props: { error: AppError; onRetry?: () => void }) {
  const [open, setOpen] = useState(false);
  const { error } = props;
  return (
    <div className="upload-error" role="alert">
      <span>{error.message}</span>
      {error.detail && (
        <button type="button" className="link" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Hide details' : 'Details'}
        </button>
      )}
      {error.action === 'grant_access' && <GrantAccessButton error={error} onGranted={props.onRetry} />}
      {error.action === 'retry' && props.onRetry && (
        <button type="button" onClick={props.onRetry}>
          Retry
        </button>
      )}
      {open && error.detail && <div className="upload-error-detail">{error.detail}</div>}
    </div>
  );
}
