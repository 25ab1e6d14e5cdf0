import { useCallback, useEffect, useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { QueryHistoryEntry, SavedQuery } from '../../../shared/contract/queryModel';
import { client } from '../../ui/client';
import { toAppError } from '../../ui/errorText';
import { openQueryTab, useQueries } from './queriesStore';

function firstLine(sql: string): string {
  const line = sql.trim().split('\n')[0] ?? '';
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

function when(ms: number): string {
  return new Date(ms).toLocaleString();
}

/** Every run, newest first, searchable; a click opens it in a new tab. */
function HistoryList() {
  const [search, setSearch] = useState('');
  const [entries, setEntries] = useState<QueryHistoryEntry[]>([]);
  const [error, setError] = useState<AppError>();
  // Reload when a run of any tab changes state.
  const runsVersion = useQueries((state) =>
    Object.values(state.runs)
      .map((r) => `${r?.runId}:${r?.status}`)
      .join(),
  );
  const load = useCallback(() => {
    client()
      .queries.history({ search: search || undefined, limit: 200 })
      .then(setEntries, (failure: unknown) => setError(toAppError(failure)));
  }, [search]);
  useEffect(() => {
    const timer = setTimeout(load, 150);
    return () => clearTimeout(timer);
  }, [load, runsVersion]);
  return (
    <div className="qw-side-section">
      <input
        type="search"
        aria-label="Search history"
        placeholder="Search history"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      {error ? <p role="alert">{error.message}</p> : null}
      {entries.length === 0 ? (
        <p className="muted">{search ? 'No run matches.' : 'Runs appear here.'}</p>
      ) : null}
      <ul className="qw-history" aria-label="Query history">
        {entries.map((entry) => (
          <li key={entry.runId}>
            <button
              type="button"
              className="qw-history-item"
              title={entry.sql}
              onClick={() => openQueryTab({ sql: entry.sql, defaultDataset: entry.defaultDataset })}
            >
              <code>{firstLine(entry.sql)}</code>
              <span className="muted">
                {when(entry.startedAt)} · {entry.status}
                {entry.outputNumRows === undefined
                  ? ''
                  : ` · ${entry.outputNumRows.toLocaleString('en-US')} rows`}
                {entry.durationMs === undefined ? '' : ` · ${(entry.durationMs / 1000).toFixed(1)} s`}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {entries.length > 0 && !search ? (
        <button
          type="button"
          className="link"
          onClick={() =>
            void client()
              .queries.clearHistory()
              .then(load)
              .catch(() => undefined)
          }
        >
          Clear history
        </button>
      ) : null}
    </div>
  );
}

/** The `.sql` files in the queries folder; a click opens one in a new tab. */
function SavedList() {
  const [saved, setSaved] = useState<{ folder: string; files: SavedQuery[] }>();
  const [error, setError] = useState<AppError>();
  const load = useCallback(() => {
    client()
      .queries.listSaved()
      .then(setSaved, (failure: unknown) => setError(toAppError(failure)));
  }, []);
  const tabsVersion = useQueries((state) => state.tabs.map((t) => t.fileName ?? '').join());
  useEffect(load, [load, tabsVersion]);
  const open = async (fileName: string) => {
    try {
      const { sql } = await client().queries.open({ fileName });
      openQueryTab({ sql, fileName });
    } catch (failure) {
      setError(toAppError(failure));
    }
  };
  return (
    <div className="qw-side-section">
      {error ? <p role="alert">{error.message}</p> : null}
      {saved && saved.files.length === 0 ? <p className="muted">Saved queries appear here.</p> : null}
      <ul className="qw-saved" aria-label="Saved queries">
        {saved?.files.map((file) => (
          <li key={file.fileName}>
            <button type="button" className="qw-history-item" onClick={() => void open(file.fileName)}>
              <code>{file.fileName}</code>
              <span className="muted">{when(file.modifiedAt)}</span>
            </button>
          </li>
        ))}
      </ul>
      {saved ? (
        <p className="muted qw-folder" title={saved.folder}>
          Folder: <code>{saved.folder}</code>{' '}
          <button
            type="button"
            className="link"
            onClick={() =>
              void client()
                .queries.openFolder()
                .catch((failure: unknown) => setError(toAppError(failure)))
            }
          >
            Open folder
          </button>
        </p>
      ) : null}
    </div>
  );
}

export function QuerySidePanel() {
  const [view, setView] = useState<'history' | 'saved'>('history');
  return (
    <aside className="qw-side" aria-label="History and saved queries">
      <div className="qw-side-switch" role="group" aria-label="Show">
        <button type="button" aria-pressed={view === 'history'} onClick={() => setView('history')}>
          History
        </button>
        <button type="button" aria-pressed={view === 'saved'} onClick={() => setView('saved')}>
          Saved
        </button>
      </div>
      {view === 'history' ? <HistoryList /> : <SavedList />}
    </aside>
  );
}
