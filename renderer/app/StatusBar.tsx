import { useEffect, useState } from 'react';
import type { EventPayload } from '../../shared/contract';
import { client } from '../ui/client';
import { concernsPage } from './noticeScope';
import { JobsStatus } from '../features/jobs/JobsStatus';
import { routeKey, useNavigation, type Route } from '../features/catalog/navigationStore';

type Notice = EventPayload<'app.notice'> & { page: string };

/** The table or dataset a page shows, for matching notices to it. */
function pageRef(route: Route): string | undefined {
  if (route.kind === 'table') return route.tableRef;
  if (route.kind === 'dataset') return route.datasetRef;
  return undefined;
}

/**
 * The bottom bar: server notices on the left, jobs on the right. A server warning about a
 * table or dataset is shown on that page only (however late it arrives, e.g. from the previous
 * page's last requests); other notices on the page they arrived on. Each is shown once.
 */
export function StatusBar() {
  const [notices, setNotices] = useState<Notice[]>([]);
  const current = useNavigation((state) => state.current);
  const page = routeKey(current);
  useEffect(
    () =>
      client().on('app.notice', (payload) => {
        const here = routeKey(useNavigation.getState().current);
        setNotices((all) => [
          ...all.filter((n) => n.message !== payload.message).slice(-20),
          { ...payload, page: here },
        ]);
      }),
    [],
  );
  const shown = notices.filter((notice) =>
    notice.about ? concernsPage(notice.about, pageRef(current)) : notice.page === page,
  );
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
