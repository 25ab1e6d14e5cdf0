import type { FileEntry } from '../../../shared/contract/filesModel';
import { previewKindOf } from '../../../shared/contract/filesModel';
import { client } from '../../ui/client';
import { formatBytes } from '../catalog/catalogFormat';
import { ErrorPanel, Loading } from '../catalog/catalogStates';
import { useLoad } from '../catalog/usePageLoad';
import { FileTablePreview } from './FileTablePreview';

/**
 * One file, shown by its type: text and code (the first megabyte), images, PDFs (the browser's
 * viewer), audio and video (streamed, seekable), CSV/Parquet/Arrow as a table. Bytes come from
 * an address the Node side hands out for this file; the page never holds a token or a path.
 */
export function FilePreview({
  tableRef,
  file,
  onClose,
  onDownload,
}: {
  tableRef: string;
  file: FileEntry;
  onClose(): void;
  onDownload(): void;
}) {
  const kind = previewKindOf(file.name, file.contentType);
  return (
    <aside className="file-preview" aria-label={`Preview of ${file.name}`}>
      <header className="file-preview-header">
        <h3 title={file.name}>{file.name.slice(file.name.lastIndexOf('/') + 1)}</h3>
        <span className="muted">
          {formatBytes(file.size)} · {file.contentType}
        </span>
        <div className="file-preview-actions">
          <button type="button" onClick={onDownload}>
            Download
          </button>
          <button type="button" aria-label="Close preview" onClick={onClose}>
            ✕
          </button>
        </div>
      </header>
      <div className="file-preview-body">
        {kind === 'text' ? (
          <TextPreview tableRef={tableRef} file={file} />
        ) : kind === 'table' ? (
          <FileTablePreview tableRef={tableRef} file={file} />
        ) : kind === 'none' ? (
          <p className="muted">There is no preview for this kind of file. Download it to open it.</p>
        ) : (
          <MediaPreview tableRef={tableRef} file={file} />
        )}
      </div>
    </aside>
  );
}

function TextPreview({ tableRef, file }: { tableRef: string; file: FileEntry }) {
  const text = useLoad(`text:${tableRef}:${file.id}`, () =>
    client().files.readText({ tableRef, fileId: file.id }),
  );
  if (text.status === 'loading') return <Loading label="Loading text…" />;
  if (text.status === 'error') return <ErrorPanel error={text.error} onRetry={text.reload} compact />;
  return (
    <>
      {text.value.truncated ? (
        <p className="muted" role="note">
          Showing the first megabyte of {formatBytes(text.value.size)}.
        </p>
      ) : null}
      <pre className="file-text" data-testid="file-text">
        {text.value.text}
      </pre>
    </>
  );
}

function MediaPreview({ tableRef, file }: { tableRef: string; file: FileEntry }) {
  const content = useLoad(`content:${tableRef}:${file.id}`, () =>
    client().files.content({ tableRef, fileId: file.id }),
  );
  if (content.status === 'loading') return <Loading label="Loading…" />;
  if (content.status === 'error')
    return <ErrorPanel error={content.error} onRetry={content.reload} compact />;
  const { url, kind } = content.value;
  const name = file.name.slice(file.name.lastIndexOf('/') + 1);
  if (kind === 'image') return <img className="file-image" src={url} alt={name} />;
  if (kind === 'pdf') return <iframe className="file-pdf" src={url} title={name} />;
  if (kind === 'audio') return <audio className="file-audio" src={url} controls aria-label={name} />;
  return <video className="file-video" src={url} controls aria-label={name} />;
}
