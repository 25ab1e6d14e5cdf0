import { useState } from 'react';
import type { AppError } from '../../../shared/contract';

/** Why the rows could not be shown, in plain words, with the detail on demand and a retry. */
export function PreviewError(props: { error: AppError; onRetry(): void }) {
  const [details, setDetails] = useState(false);
  const { error } = props;
  const heading =
    error.code === 'forbidden' || error.code === 'insufficient_scope'
      ? "You can't preview the rows of this table"
      : error.code === 'not_found'
        ? 'Table not found'
        : "The preview couldn't load";
  return (
    <div className="pv-error" role="alert">
      <strong>{heading}</strong>
      <p>{error.message}</p>
      {error.code === 'forbidden' ? (
        <p className="muted">Ask the dataset&apos;s administrators for data access to see rows here.</p>
      ) : null}
      <div className="pv-error-actions">
        {error.action === 'retry' || error.code === 'network' ? (
          <button type="button" onClick={props.onRetry}>
            Try again
          </button>
        ) : null}
        {error.detail ? (
          <button type="button" className="link" aria-expanded={details} onClick={() => setDetails(!details)}>
            {details ? 'Hide details' : 'Show details'}
          </button>
        ) : null}
      </div>
      {details && error.detail ? <pre className="pv-error-detail">{error.detail}</pre> : null}
    </div>
  );
}
