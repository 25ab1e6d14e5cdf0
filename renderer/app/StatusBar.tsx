import { useEffect, useState } from 'react';
import type { EventPayload } from '../../shared/contract';
import { client } from './client';
import { JobsStatus } from '../features/jobs/JobsStatus';

/** The bottom bar: server notices on the left, jobs on the right. */
export function StatusBar() {
  const [notice, setNotice] = useState<EventPayload<'app.notice'> | undefined>();
  useEffect(() => client().on('app.notice', setNotice), []);
  return (
    <footer className="status-bar" aria-label="Status">
      <div className="status-notice" role="status" aria-live="polite">
        {notice ? (
          <span className={`notice notice-${notice.level}`}>
            {notice.message}
            <button
              type="button"
              className="link"
              onClick={() => setNotice(undefined)}
              aria-label="Dismiss notice"
            >
              ×
            </button>
          </span>
        ) : null}
      </div>
      <JobsStatus />
    </footer>
  );
}
