import { useEffect, useMemo, useState } from 'react';
import type { AppError } from '../../../shared/contract';
import {
  emptyPreviewView,
  MAX_PREVIEW_ROW_CAP,
  type PreviewColumn,
} from '../../../shared/contract/previewModel';
import { ColumnChooser } from './ColumnChooser';
import { DelayedSpinner } from './DelayedSpinner';
import { PreviewGrid, type OpenCell } from './PreviewGrid';
import { RowCapInput } from './RowCapInput';
import { usePreviewStore, viewKey } from './previewStore';
import { usePreviewStream, type PreviewStream } from './usePreviewStream';
import { useTableDescription } from './useTableDescription';
import '../../styles/preview.css';

function countText(stream: PreviewStream, tableRows: number | undefined): string {
  const loaded = stream.rowsLoaded.toLocaleString();
  const target = stream.numRows ?? (stream.status === 'complete' ? stream.rowsLoaded : undefined);
  let text = target === undefined ? `${loaded} rows` : `${loaded} of ${target.toLocaleString()} rows`;
  if (tableRows !== undefined && target !== undefined && tableRows > target) {
    text += ` (preview limit; the table has ${tableRows.toLocaleString()})`;
  }
  return text;
}

function PreviewError(props: { error: AppError; onRetry(): void }) {
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

/** The streaming row preview of one table. */
export function TablePreview(props: { tableRef: string }) {
  // Keyed by table so that moving to another table starts from a clean slate.
  return <TablePreviewBody key={viewKey(props.tableRef)} tableRef={props.tableRef} />;
}

function TablePreviewBody(props: { tableRef: string }) {
  const { tableRef } = props;
  const key = viewKey(tableRef);
  const rowCap = usePreviewStore((state) => state.rowCap);
  const view = usePreviewStore((state) => state.views[key]);
  const [optionsReady, setOptionsReady] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [chooserOpen, setChooserOpen] = useState(false);
  const [openCell, setOpenCell] = useState<OpenCell | undefined>();
  const [notice, setNotice] = useState('');
  const description = useTableDescription(tableRef);

  useEffect(() => {
    void usePreviewStore
      .getState()
      .loadOptions()
      .catch(() => undefined)
      .finally(() => setOptionsReady(true));
  }, []);
  useEffect(() => {
    void usePreviewStore.getState().loadView(tableRef);
  }, [tableRef]);

  const ready = optionsReady && view !== undefined;
  const request = ready
    ? { tableRef, maxRows: rowCap, selectedVariables: view.selectedVariables, attempt }
    : undefined;
  const [stream, cancel] = usePreviewStream(request);
  const updateView = (change: Parameters<ReturnType<typeof usePreviewStore.getState>['updateView']>[1]) =>
    usePreviewStore.getState().updateView(tableRef, change);

  const columns = useMemo(() => new Map((description?.columns ?? []).map((c) => [c.name, c])), [description]);
  const chooserColumns: PreviewColumn[] = useMemo(() => {
    if (description?.columns.length) return description.columns;
    return (stream?.rows.columnNames() ?? []).map((name) => ({ name, type: '' }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [description, stream?.rows, stream?.version]);

  const streaming = !stream || stream.status === 'starting' || stream.status === 'streaming';
  const hasRows = (stream?.rowsLoaded ?? 0) > 0;

  return (
    <section className="pv" aria-label={`Preview of ${tableRef}`}>
      <div className="pv-toolbar">
        <span className="pv-count" role="status" aria-live="polite" data-testid="preview-count">
          {stream && stream.status !== 'starting' ? countText(stream, description?.numRows) : 'Loading rows…'}
          {stream?.status === 'cancelled' ? ' — stopped' : ''}
        </span>
        {streaming ? (
          <button type="button" onClick={cancel}>
            Stop loading
          </button>
        ) : (
          <button type="button" onClick={() => setAttempt((n) => n + 1)}>
            Reload preview
          </button>
        )}
        <RowCapInput
          key={rowCap}
          value={rowCap}
          max={MAX_PREVIEW_ROW_CAP}
          onCommit={(value) =>
            void usePreviewStore
              .getState()
              .setRowCap(value)
              .catch(() => undefined)
          }
        />
        <button type="button" aria-expanded={chooserOpen} onClick={() => setChooserOpen(!chooserOpen)}>
          Columns{view?.hidden.length ? ` (${view.hidden.length} hidden)` : ''}
        </button>
        {view?.sorting.length ? (
          <button type="button" onClick={() => updateView((v) => ({ ...v, sorting: [] }))}>
            Clear sort
          </button>
        ) : null}
        <button type="button" onClick={() => updateView(() => emptyPreviewView())}>
          Reset layout
        </button>
        <span className="pv-notice muted" role="status" aria-live="polite">
          {notice}
        </span>
      </div>
      {chooserOpen && view ? (
        <ColumnChooser
          columns={chooserColumns}
          hidden={view.hidden}
          selectedVariables={view.selectedVariables}
          onHiddenChange={(hidden) => updateView((v) => ({ ...v, hidden }))}
          onSelectedVariablesChange={(selectedVariables) => updateView((v) => ({ ...v, selectedVariables }))}
          onClose={() => setChooserOpen(false)}
        />
      ) : null}
      {openCell ? (
        <div className="pv-cell-detail" role="region" aria-label="Full value">
          <div className="pv-cell-detail-head">
            <strong>
              {openCell.column}, row {openCell.row.toLocaleString()}
            </strong>
            {openCell.label ? <span className="muted"> — {openCell.label}</span> : null}
            <button type="button" onClick={() => setOpenCell(undefined)} aria-label="Close full value">
              ×
            </button>
          </div>
          <pre>{openCell.text}</pre>
        </div>
      ) : null}
      {stream?.status === 'failed' && stream.error ? (
        <PreviewError error={stream.error} onRetry={() => setAttempt((n) => n + 1)} />
      ) : null}
      {stream?.status === 'complete' && !hasRows ? (
        <div className="empty-state pv-empty">This table has no rows.</div>
      ) : null}
      {streaming && !hasRows && stream?.status !== 'failed' ? (
        <DelayedSpinner label="Loading preview…" />
      ) : null}
      {stream && view && hasRows ? (
        <PreviewGrid
          rows={stream.rows}
          version={stream.version}
          loading={streaming}
          view={view}
          onViewChange={updateView}
          columns={columns}
          onOpenCell={setOpenCell}
          onNotice={setNotice}
        />
      ) : null}
    </section>
  );
}
