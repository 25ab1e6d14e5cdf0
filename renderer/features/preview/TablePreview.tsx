import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  emptyPreviewView,
  MAX_PREVIEW_ROW_CAP,
  type PreviewColumn,
} from '../../../shared/contract/previewModel';
import {
  reordersOrFilters,
  tableViewSchema,
  type ViewBackend,
  type ViewFilter,
} from '../../../shared/contract/tableViewModel';
import { CellMenu } from './CellMenu';
import { ColumnChooser } from './ColumnChooser';
import { DelayedSpinner } from '../../ui/DelayedSpinner';
import { FilterChips } from './FilterChips';
import { filterKindOf, filterText, parseFilterText } from './filterText';
import { LoadedViewRows, RedivisViewRows, type GridRows } from './gridRows';
import { PreviewError } from './PreviewError';
import { PreviewGrid, type CellMenuTarget, type OpenCell } from './PreviewGrid';
import { PreviewRows } from './previewRows';
import { ProfilePanel } from './ProfilePanel';
import { RowCapInput } from './RowCapInput';
import { usePreviewStore, viewKey } from './previewStore';
import { useColumnProfiles } from './useColumnProfiles';
import { useDebouncedValue } from './useDebouncedValue';
import { useLocalOrder } from './useLocalOrder';
import { usePreviewStream } from './usePreviewStream';
import { useTableDescription } from './useTableDescription';
import { tableViewOf } from './viewColumns';
import { ViewWindows } from './viewWindows';
import { backendText, countText, viewCountText } from './viewStatusText';
import './preview.css';

/** How long the view waits after a change before asking for it (typing, shift-clicking sorts). */
const VIEW_DEBOUNCE_MS = 300;

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
  const [menu, setMenu] = useState<CellMenuTarget | undefined>();
  const [profileColumn, setProfileColumn] = useState<string | undefined>();
  const [notice, setNotice] = useState('');
  const [windowVersion, setWindowVersion] = useState(0);
  const description = useTableDescription(tableRef);
  const { profiles, onVisibleColumns } = useColumnProfiles(tableRef);

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

  // The view as asked for, settled: a newer change supersedes an older one before it is sent.
  const wantedView = view ? JSON.stringify(tableViewOf(view)) : '';
  const debouncedView = useDebouncedValue(wantedView, VIEW_DEBOUNCE_MS);
  // The remembered view applies at once when the table opens; only later changes wait.
  const settledView = debouncedView === '' ? wantedView : debouncedView;
  const tableView = useMemo(
    () => (settledView ? tableViewSchema.parse(JSON.parse(settledView)) : undefined),
    [settledView],
  );
  const tableRows = description?.numRows;
  // Every row is here when the table fits under the row limit: then views are computed locally.
  const wholeTableLoads = tableRows !== undefined && tableRows <= rowCap;
  const reorders = !!tableView && reordersOrFilters(tableView);
  const backend: ViewBackend = reorders && !wholeTableLoads ? 'redivis' : 'loaded';
  // Until the table's size is known, a sorted or filtered view waits to know where to run.
  const ready = optionsReady && view !== undefined && !!tableView && (!reorders || description !== undefined);
  const request = ready
    ? {
        tableRef,
        maxRows: rowCap,
        selectedVariables: tableView.columns,
        view: backend === 'redivis' ? tableView : undefined,
        mirrorToWorker: wholeTableLoads,
        attempt,
      }
    : undefined;
  const [stream, cancel] = usePreviewStream(request);
  const updateView = (change: Parameters<ReturnType<typeof usePreviewStore.getState>['updateView']>[1]) =>
    usePreviewStore.getState().updateView(tableRef, change);

  const streaming = !stream || stream.status === 'starting' || stream.status === 'streaming';
  const localOrder = useLocalOrder(
    backend === 'loaded' && reorders ? stream?.previewId : undefined,
    tableView,
    stream?.rowsLoaded ?? 0,
    stream?.status === 'complete',
  );

  // Windows deep in a Redivis view belong to the stream they extend.
  const windows = useMemo(
    () =>
      stream && backend === 'redivis' && tableView
        ? new ViewWindows(
            tableRef,
            tableView,
            () => setWindowVersion((n) => n + 1),
            (message) => setNotice(message),
          )
        : undefined,
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [stream?.previewId, backend],
  );
  useEffect(() => () => windows?.dispose(), [windows]);

  const gridRows: GridRows = useMemo(() => {
    // Between one view's stream and the next there are no rows, but the grid stays mounted.
    if (!stream) return new LoadedViewRows(new PreviewRows());
    if (backend === 'redivis' && windows) {
      return new RedivisViewRows(
        stream.rows,
        stream.viewRows ?? stream.numRows ?? stream.rowsLoaded,
        windows,
      );
    }
    return new LoadedViewRows(stream.rows, reorders ? localOrder?.order : undefined);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stream, stream?.version, backend, windows, localOrder, reorders]);

  const streamRows = stream?.rows;
  const onVisibleRows = useCallback(
    (first: number, last: number) => windows?.request(first, last, streamRows?.numRows ?? 0),
    [windows, streamRows],
  );

  const columns = useMemo(() => new Map((description?.columns ?? []).map((c) => [c.name, c])), [description]);
  const chooserColumns: PreviewColumn[] = useMemo(() => {
    if (description?.columns.length) return description.columns;
    return (stream?.rows.columnNames() ?? []).map((name) => ({ name, type: '' }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [description, stream?.rows, stream?.version]);

  const filters = view?.filters ?? [];
  const filterTexts = useMemo(() => {
    const texts = new Map<string, string>();
    for (const filter of view?.filters ?? [])
      if (!texts.has(filter.column)) texts.set(filter.column, filterText(filter));
    return texts;
  }, [view?.filters]);
  const setFilters = (change: (filters: ViewFilter[]) => ViewFilter[]) =>
    updateView((v) => ({ ...v, filters: change(v.filters ?? []) }));
  const onFilterText = (column: string, text: string) => {
    const parsed = parseFilterText(column, filterKindOf(columns.get(column)?.type), text);
    if (parsed === undefined) {
      setNotice(`“${text}” is not a filter the app can read; try =x, <10, a..b, null or text.`);
      return;
    }
    setNotice('');
    setFilters((current) => [...current.filter((f) => f.column !== column), ...(parsed ? [parsed] : [])]);
  };
  const addFilter = (filter: ViewFilter) =>
    setFilters((current) => [
      // Filtering to a value replaces the column's other filters; excluding adds to them.
      ...current.filter(
        (f) => !(filter.op === 'eq' || filter.op === 'in' ? f.column === filter.column : false),
      ),
      filter,
    ]);

  const hasRows = (stream?.rowsLoaded ?? 0) > 0;
  // The grid (and its filter row) stays while a new view is computed, or when none of its rows match.
  const fallbackColumns = useMemo(
    () => view?.selectedVariables ?? (description?.columns ?? []).map((c) => c.name),
    [view?.selectedVariables, description],
  );
  const redivisWaiting = backend === 'redivis' && stream?.status === 'starting';
  const localWorking = backend === 'loaded' && reorders && (!localOrder || !localOrder.fresh);
  const pendingChange = wantedView !== settledView;
  const viewState = pendingChange || redivisWaiting || streaming || localWorking ? 'working' : 'ready';
  const viewRows = gridRows?.numRows ?? 0;
  const profileShown = profileColumn ? profiles.get(profileColumn) : undefined;

  return (
    <section className="pv" aria-label={`Preview of ${tableRef}`}>
      <div className="pv-toolbar">
        <span
          className="pv-count"
          role="status"
          aria-live="polite"
          data-testid="preview-count"
          data-view-state={viewState}
          data-backend={reorders ? backend : 'table'}
        >
          {stream && stream.status !== 'starting'
            ? reorders && tableView && (backend === 'redivis' || tableView.filters.length > 0)
              ? viewCountText(backend, viewRows, stream.rowsLoaded, tableRows)
              : countText(stream, tableRows)
            : reorders && backend === 'redivis'
              ? 'Sorting and filtering the whole table on Redivis…'
              : 'Loading rows…'}
          {stream?.status === 'cancelled' ? ' — stopped' : ''}
        </span>
        {reorders && tableView ? (
          <span className="pv-backend" data-testid="view-backend">
            {backendText(tableView, backend, wholeTableLoads)}
          </span>
        ) : null}
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
      <FilterChips
        filters={filters}
        onRemove={(index) => setFilters((current) => current.filter((_, i) => i !== index))}
        onClear={() => setFilters(() => [])}
      />
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
      {profileColumn ? (
        <ProfilePanel
          column={profileColumn}
          profile={profileShown}
          valueLabels={columns.get(profileColumn)?.valueLabels}
          onFilter={addFilter}
          onClose={() => setProfileColumn(undefined)}
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
        <div className="empty-state pv-empty">
          {reorders ? 'No rows match these filters.' : 'This table has no rows.'}
        </div>
      ) : null}
      {streaming && !hasRows && stream?.status !== 'failed' ? (
        <DelayedSpinner
          showLabel
          label={
            backend === 'redivis' ? 'Sorting and filtering the whole table on Redivis…' : 'Loading preview…'
          }
        />
      ) : null}
      {view && stream?.status !== 'failed' && (hasRows || fallbackColumns.length > 0) ? (
        <PreviewGrid
          rows={gridRows}
          fallbackColumns={fallbackColumns}
          version={(stream?.version ?? 0) * 1000 + windowVersion}
          view={view}
          onViewChange={updateView}
          columns={columns}
          onOpenCell={setOpenCell}
          onNotice={setNotice}
          tableRows={tableRows}
          profiles={profiles}
          onVisibleRows={backend === 'redivis' ? onVisibleRows : undefined}
          // Profiles wait for the first rows, so they never compete with them on the server.
          onVisibleColumns={hasRows ? onVisibleColumns : undefined}
          onOpenProfile={setProfileColumn}
          filterTexts={filterTexts}
          onFilterText={onFilterText}
          onCellMenu={setMenu}
        />
      ) : null}
      {menu ? <CellMenu target={menu} onFilter={addFilter} onClose={() => setMenu(undefined)} /> : null}
    </section>
  );
}
