import { useEffect, useId } from 'react';
import type { DatasetVersion } from '../../../shared/contract/catalogModel';
import { client } from '../../ui/client';
import { formatDate, versionLabel } from './catalogFormat';
import { ErrorPanel } from './catalogStates';
import { useNavigation } from './navigationStore';
import { usePagedList } from './usePagedList';

/** The released version a reference without a version means: the newest release. */
function currentTag(versions: DatasetVersion[]): string | undefined {
  const released = versions.filter((v) => v.isReleased && !v.isDeleted);
  released.sort((a, b) => (b.releasedAt ?? 0) - (a.releasedAt ?? 0));
  return released[0]?.tag;
}

/**
 * Every version of a dataset, released ones and the unreleased next one (when the user may
 * see it); choosing one opens the dataset at that version.
 */
export function VersionPicker({
  baseRef,
  shown,
  loadId,
  refresh = 0,
}: {
  baseRef: string;
  shown: DatasetVersion | null;
  loadId: string;
  /** Changes when versions were created, released or unreleased: the list is read again. */
  refresh?: number;
}) {
  const go = useNavigation((state) => state.go);
  const selectId = useId();
  const list = usePagedList(
    `versions:${baseRef}`,
    (pageToken) => client().catalog.listVersions({ datasetRef: baseRef, pageToken, loadId }),
    refresh,
  );
  const { hasMore, loadingMore, error, loadMore } = list;
  useEffect(() => {
    if (hasMore && !loadingMore && !error) loadMore();
  }, [hasMore, loadingMore, error, loadMore]);
  const versions = list.items.filter((v) => !v.isDeleted);
  const current = currentTag(versions);
  // Before the list arrives, still show the version on screen so the control never jumps.
  const options = versions.length > 0 ? versions : shown ? [shown] : [];
  if (list.error && versions.length === 0)
    return <ErrorPanel error={list.error} onRetry={list.reload} compact />;
  return (
    <div className="version-picker">
      <label htmlFor={selectId}>Version</label>
      <select
        id={selectId}
        value={shown?.tag ?? ''}
        disabled={list.loading && options.length <= 1}
        onChange={(event) => {
          const version = options.find((v) => v.tag === event.target.value);
          if (version) go({ kind: 'dataset', datasetRef: version.datasetRef });
        }}
      >
        {shown ? null : <option value="">—</option>}
        {options.map((version) => (
          <option key={version.tag} value={version.tag}>
            {versionLabel(version.tag, version.isReleased)}
            {version.tag === current ? ' (current)' : ''}
            {version.isReleased && version.releasedAt ? ` · released ${formatDate(version.releasedAt)}` : ''}
          </option>
        ))}
      </select>
      {shown && !shown.isReleased ? (
        <span className="badge warning">Unreleased: contents may change</span>
      ) : null}
      <ReleaseNotes version={versions.find((v) => v.tag === shown?.tag) ?? shown} />
    </div>
  );
}

/** The notes of the version on screen (each version has its own; the unreleased one has none yet). */
function ReleaseNotes({ version }: { version: DatasetVersion | null }) {
  if (!version?.releaseNotes?.trim()) return null;
  return (
    <p
      className="version-notes"
      aria-label={`Release notes of ${versionLabel(version.tag, version.isReleased)}`}
    >
      <span className="muted">Release notes: </span>
      {version.releaseNotes}
    </p>
  );
}
