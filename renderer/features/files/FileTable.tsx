import type { FileEntry } from '../../../shared/contract/filesModel';
import { formatBytes } from '../catalog/catalogFormat';
import { FileDragHandle } from './FileDragHandle';
import type { FolderNode } from './fileTree';

/** Rows drawn at once; a bigger folder says so and search narrows it. */
export const MAX_SHOWN_FILES = 2000;

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A file's type in a word: its extension, or its content type's subtype. */
export function typeLabel(file: FileEntry): string {
  const base = file.name.slice(file.name.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toUpperCase() : (file.contentType.split('/')[1] ?? 'file');
}

/** The folders and files of the current folder (or the search hits), with the index's columns. */
export function FileTable(props: {
  tableRef: string;
  files: FileEntry[];
  folders: FolderNode[];
  extraColumns: string[];
  /** Shown names are relative to this folder. */
  baseFolder: string;
  open: string | null;
  selected: string[];
  onOpenFolder(path: string): void;
  onOpenFile(id: string): void;
  onToggle(id: string): void;
  onDownload(file: FileEntry): void;
}) {
  const { files, folders, extraColumns, baseFolder } = props;
  const prefix = baseFolder ? `${baseFolder}/` : '';
  if (files.length === 0 && folders.length === 0) {
    return <p className="catalog-empty">No files here.</p>;
  }
  return (
    <div className="files-table-wrap">
      <table className="files-table" aria-label="Files">
        <thead>
          <tr>
            <th aria-label="Selected" />
            <th>Name</th>
            <th className="number">Size</th>
            <th>Type</th>
            <th>Added</th>
            {extraColumns.map((name) => (
              <th key={name}>{name}</th>
            ))}
            <th aria-label="Actions" />
          </tr>
        </thead>
        <tbody>
          {folders.map((folder) => (
            <tr key={`folder:${folder.path}`} className="folder-entry">
              <td />
              <td>
                <button type="button" className="link-button" onClick={() => props.onOpenFolder(folder.path)}>
                  {folder.name}/
                </button>
              </td>
              <td className="number">{formatBytes(folder.size)}</td>
              <td className="muted">{folder.fileCount} files</td>
              <td />
              {extraColumns.map((name) => (
                <td key={name} />
              ))}
              <td />
            </tr>
          ))}
          {files.slice(0, MAX_SHOWN_FILES).map((file) => {
            const shownName = file.name.startsWith(prefix) ? file.name.slice(prefix.length) : file.name;
            return (
              <tr
                key={file.id}
                className={props.open === file.id ? 'file-entry open' : 'file-entry'}
                aria-selected={props.open === file.id}
              >
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Select ${file.name}`}
                    checked={props.selected.includes(file.id)}
                    onChange={() => props.onToggle(file.id)}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    className="link-button"
                    title={file.name}
                    onClick={() => props.onOpenFile(file.id)}
                  >
                    {shownName}
                  </button>
                </td>
                <td className="number">{formatBytes(file.size)}</td>
                <td>{typeLabel(file)}</td>
                <td>{file.addedAt === null ? '' : dateFormat.format(file.addedAt)}</td>
                {extraColumns.map((name) => (
                  <td key={name}>{file.extra[name] ?? ''}</td>
                ))}
                <td className="file-row-actions">
                  <button
                    type="button"
                    aria-label={`Download ${file.name}`}
                    onClick={() => props.onDownload(file)}
                  >
                    Download
                  </button>
                  <FileDragHandle tableRef={props.tableRef} file={file} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {files.length > MAX_SHOWN_FILES ? (
        <p className="muted" role="note">
          Showing the first {MAX_SHOWN_FILES.toLocaleString()} of {files.length.toLocaleString()} files; find
          files by name to narrow the list, or download the whole folder.
        </p>
      ) : null}
    </div>
  );
}
