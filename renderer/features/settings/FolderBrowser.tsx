import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { FolderListing } from '../../../shared/contract/settingsChannels';
import { client } from '../../ui/client';
import { toAppError } from '../../ui/errorText';
import './settings.css';

/** `folder` + `name` with the folder's own separator (Windows paths use backslashes). */
export function childPath(folder: string, name: string): string {
  const separator = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return folder.endsWith(separator) ? `${folder}${name}` : `${folder}${separator}${name}`;
}

/**
 * The app's own folder browser, for browser mode (which has no native dialog): one folder's
 * subfolders at a time, starting at `start` or the home folder, with Up. Every control is a
 * button, so Tab and Enter drive it; opening a folder moves focus to its first entry.
 */
export function FolderBrowser(props: { start?: string; onChoose(path: string): void; onCancel(): void }) {
  const [listing, setListing] = useState<FolderListing>();
  const [error, setError] = useState<AppError>();
  const [showHidden, setShowHidden] = useState(false);
  const list = useRef<HTMLDivElement>(null);
  const moved = useRef(false);
  const open = useCallback(
    (path: string | undefined, hidden: boolean) =>
      client()
        .settings.listFolders({ path, showHidden: hidden })
        .then(
          (value) => {
            setListing(value);
            setError(undefined);
          },
          (failure: unknown) => setError(toAppError(failure)),
        ),
    [],
  );
  const start = props.start;
  useEffect(() => {
    // A start that cannot be listed (typed wrongly) falls back to the home folder.
    void client()
      .settings.listFolders({ path: start, showHidden: false })
      .catch(() => client().settings.listFolders({ showHidden: false }))
      .then(setListing, (failure: unknown) => setError(toAppError(failure)));
  }, [start]);
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    list.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, [listing]);
  const go = (path: string) => {
    moved.current = true;
    void open(path, showHidden);
  };
  return (
    <div className="folder-browser" role="group" aria-label="Folder browser">
      <div className="folder-browser-bar">
        <button
          type="button"
          disabled={!listing?.parent}
          onClick={() => listing?.parent && go(listing.parent)}
          aria-label="Up to the folder above"
        >
          ↑ Up
        </button>
        <code className="folder-browser-path" aria-label="Current folder">
          {listing?.path ?? '…'}
        </code>
      </div>
      {error ? (
        <p role="alert" className="settings-error">
          {error.message}
        </p>
      ) : null}
      <div ref={list} className="folder-browser-list">
        {listing && listing.folders.length === 0 ? <p className="muted">No folders here.</p> : null}
        <ul aria-label="Folders">
          {listing?.folders.map((name) => (
            <li key={name}>
              <button
                type="button"
                className="folder-browser-entry"
                onClick={() => go(childPath(listing.path, name))}
              >
                {name}
              </button>
            </li>
          ))}
        </ul>
      </div>
      <div className="folder-browser-actions">
        <label>
          <input
            type="checkbox"
            checked={showHidden}
            onChange={(event) => {
              setShowHidden(event.target.checked);
              void open(listing?.path, event.target.checked);
            }}
          />{' '}
          Show hidden folders
        </label>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className="primary"
          disabled={!listing}
          onClick={() => listing && props.onChoose(listing.path)}
        >
          Use this folder
        </button>
      </div>
    </div>
  );
}
