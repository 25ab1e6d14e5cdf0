import { useEffect, useState } from 'react';
import type { EventPayload } from '../../shared/contract';
import { client } from './client';
import { JobsStatus } from '../features/jobs/JobsStatus';
import { routeKey, useNavigation } from '../features/catalog/navigationStore';

type Notice = EventPayload<'app.notice'> & { page: string };

/**
 * The bottom bar: server notices on the left, jobs on the right. A notice belongs to the page
 * it arrived on (a warning about an unreleased version names that page's dataset or table): the
 * page's notices are shown there, each once, and are gone once the user moves on.
 */
export function StatusBar() {
  const [notices, setNotices] = useState<Notice[]>([]);
  const page = useNavigation((state) => routeKey(state.current));
  useEffect(
    () =>
      client().on('app.notice', (payload) => {
        const here = routeKey(useNavigation.getState().current);
        setNotices((all) => [
          ...all.filter((n) => n.page === here && n.message !== payload.message),
          { ...payload, page: here },
        ]);
      }),
    [],
  );
  const shown = notices.filter((notice) => notice.page === page);
  return (
    <footer className="status-bar" aria-label="Status">
      <div className="status-notice" role="status" aria-live="polite">
        {shown.map((notice) => (
          <span key={notice.message} className={`notice notice-${notice.level}`}>
            {notice.message}
            <button
              type="button"
              className="link"
              onClick={() => setNotices((all) => all.filter((n) => n !== notice))}
              aria-label="Dismiss notice"
            >
              ×
            </button>
          </span>
        ))}
      </div>
      <JobsStatus />
    </footer>
  );
}
