import { useMemo } from 'react';
import type { FileEntry, FileListing } from '../../../shared/contract/filesModel';
import { client } from '../../ui/client';
import { formatBytes } from '../catalog/catalogFormat';
import { ErrorPanel, Loading } from '../catalog/catalogStates';
import { useLoad } from '../catalog/usePageLoad';
import { FilePreview } from './FilePreview';
import { FileTable } from './FileTable';
import { FolderTree } from './FolderTree';
import { buildTree, folderAt, searchFiles } from './fileTree';
import { useFilesStore, useFilesView } from './filesStore';
import { useFileDownload } from './useFileDownload';
import './files.css';

/**
 * The files of a file-index table as a file browser: a folder tree from the names, search by
 * name, the index's columns beside each file, a preview pane and downloads as jobs.
 */
export function FilesView({ tableRef, refresh }: { tableRef: string; refresh: number }) {
  // After an upload into this table (refresh > 0) the listing is revalidated at once.
  const listing = useLoad(
    `files:${tableRef}`,
    () => client().files.list({ tableRef, refresh: refresh > 0 }),
    refresh,
  );
  if (listing.status === 'loading') return <Loading label="Loading files…" />;
  if (listing.status === 'error') return <ErrorPanel error={listing.error} onRetry={listing.reload} />;
  return <FilesBrowser tableRef={tableRef} listing={listing.value} />;
}

function FilesBrowser({ tableRef, listing }: { tableRef: string; listing: FileListing }) {
  const view = useFilesView(tableRef);
  const update = useFilesStore((s) => s.update);
  const root = useMemo(() => buildTree(listing.files), [listing.files]);
  const folder = folderAt(root, view.folder) ?? root;
  const searching = view.query.trim() !== '';
  const shown: FileEntry[] = searching ? searchFiles(listing.files, view.query, folder.path) : folder.files;
  const openFile = listing.files.find((f) => f.id === view.open);
  const { download, error, started } = useFileDownload(tableRef);
  const selected = view.selected.filter((id) => listing.files.some((f) => f.id === id));
  const crumbs = folder.path ? folder.path.split('/') : [];
  return (
    <section className="files-view" aria-labelledby="files-heading">
      <div className="section-header files-header">
        <h2 id="files-heading">Files</h2>
        <span className="muted">
          {listing.totalFiles.toLocaleString()} files
          {listing.totalFiles > listing.files.length
            ? ` (the first ${listing.files.length.toLocaleString()} by name are listed; folder downloads include all)`
            : ` · ${formatBytes(root.size)}`}
        </span>
        <input
          type="search"
          className="files-search"
          placeholder="Find files by name"
          aria-label="Find files by name"
          value={view.query}
          onChange={(event) => update(tableRef, { query: event.target.value })}
        />
      </div>
      <div className="files-body">
        <FolderTree
          root={root}
          current={folder.path}
          onOpen={(path) => update(tableRef, { folder: path, query: '' })}
        />
        <div className="files-main">
          <nav className="files-crumbs" aria-label="Folder">
            <button type="button" onClick={() => update(tableRef, { folder: '' })}>
              All files
            </button>
            {crumbs.map((part, i) => (
              <span key={i}>
                {' / '}
                <button
                  type="button"
                  onClick={() => update(tableRef, { folder: crumbs.slice(0, i + 1).join('/') })}
                >
                  {part}
                </button>
              </span>
            ))}
          </nav>
          <div className="files-actions">
            <button
              type="button"
              disabled={folder.fileCount === 0}
              onClick={() => download(undefined, folder.path)}
            >
              {folder.path ? `Download folder “${folder.name}”` : 'Download all files'}
            </button>
            <button
              type="button"
              disabled={selected.length === 0}
              onClick={() => download(selected, folder.path)}
            >
              Download selected ({selected.length})
            </button>
            {started ? (
              <span className="muted" role="status">
                Downloading {started} — see Jobs
              </span>
            ) : null}
          </div>
          {error ? <ErrorPanel error={error} compact /> : null}
          <FileTable
            tableRef={tableRef}
            files={shown}
            folders={searching ? [] : folder.folders}
            extraColumns={listing.extraColumns}
            baseFolder={searching ? '' : folder.path}
            open={view.open}
            selected={selected}
            onOpenFolder={(path) => update(tableRef, { folder: path })}
            onOpenFile={(id) => update(tableRef, { open: id })}
            onToggle={(id) => useFilesStore.getState().toggleSelected(tableRef, id)}
            onDownload={(file) => download([file.id], '')}
          />
        </div>
        {openFile ? (
          <FilePreview
            key={openFile.id}
            tableRef={tableRef}
            file={openFile}
            onClose={() => update(tableRef, { open: null })}
            onDownload={() => download([openFile.id], '')}
          />
        ) : null}
      </div>
    </section>
  );
}
