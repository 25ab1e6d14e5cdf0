import { useEffect, useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import {
  exportFormatDetails,
  exportFormats,
  type ExportFormat,
  type ExportTableInfo,
} from '../../../shared/contract/exportModel';
import { client } from '../../ui/client';
import { toAppError } from '../../ui/errorText';
import { ColumnPicker } from './ColumnPicker';
import { ExportFolderPicker } from '../settings/ExportFolderPicker';
import { defaultFileName, partsFolderName } from './exportNaming';
import { useJobsView } from './jobsStore';
import { useExportDestination } from './useExportDestination';
import { useDelayed } from '../../ui/useDelayed';
import { Dialog } from '../../ui/Dialog';
import { describeFilter, reordersOrFilters } from '../../../shared/contract/tableViewModel';
import type { PreviewView } from '../../../shared/contract/previewModel';
import { usePreviewStore, viewKey } from '../preview/previewStore';
import { shownColumns, tableViewOf } from '../preview/viewColumns';
import './jobs.css';

interface Props {
  tableRef: string;
  tableName: string;
  selectedVariables?: string[];
  onClose(): void;
}

const numbers = new Intl.NumberFormat();

/** Format, columns, row limit and destination for one table; starts a job and shows it in the jobs panel. */
export function ExportDialog({ tableRef, tableName, selectedVariables, onClose }: Props) {
  const [info, setInfo] = useState<ExportTableInfo>();
  const [loadError, setLoadError] = useState<AppError>();
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [limitRows, setLimitRows] = useState(false);
  const [maxRows, setMaxRows] = useState('1000');
  const [replace, setReplace] = useState(false);
  const [replaceFolder, setReplaceFolder] = useState(false);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<AppError>();
  const destination = useExportDestination();
  const showSpinner = useDelayed(!info && !loadError);
  // The preview's choice is taken once, when the dialog opens.
  const [initialSelection] = useState(selectedVariables);
  // So is its view: sorted or filtered, it is offered as what to export.
  const [gridView] = useState(() => usePreviewStore.getState().views[viewKey(tableRef)]);
  const offerView = !!gridView && reordersOrFilters(tableViewOf(gridView));
  const [exportView, setExportView] = useState(offerView);
  const [viewResult, setViewResult] = useState<{ source: string; numRows: number; columns: string[] }>();
  const [viewError, setViewError] = useState<AppError>();

  // The app gets the chosen format's writer ready while the rest of the dialog is filled in.
  useEffect(() => {
    client()
      .jobs.prepareExport({ format })
      .catch(() => undefined);
  }, [format]);

  useEffect(() => {
    let live = true;
    client()
      .jobs.describeExport({ tableRef })
      .then(
        (described) => {
          if (!live) return;
          setInfo(described);
          const all = described.variables.map((v) => v.name);
          // What the grid shows, in its order; else the preview's chosen variables; else all.
          const wanted = new Set(
            (gridView ? shownColumns(gridView, all) : (initialSelection ?? [])).map((n) => n.toLowerCase()),
          );
          setChosen(new Set(wanted.size ? all.filter((n) => wanted.has(n.toLowerCase())) : all));
        },
        (failure: unknown) => live && setLoadError(toAppError(failure)),
      );
    return () => {
      live = false;
    };
  }, [tableRef, initialSelection, gridView]);

  // The view's rows, computed on Redivis once the table's columns are known.
  useEffect(() => {
    if (!exportView || !gridView || !info || viewResult || viewError) return undefined;
    let live = true;
    const columns = shownColumns(
      gridView,
      info.variables.map((v) => v.name),
    );
    client()
      .preview.viewResult({ tableRef, view: { ...tableViewOf(gridView), columns } })
      .then(
        (result) => live && setViewResult({ ...result, columns }),
        (failure: unknown) => live && setViewError(toAppError(failure)),
      );
    return () => {
      live = false;
    };
  }, [exportView, gridView, info, tableRef, viewResult, viewError]);

  // Columns are listed, and written, in the grid's order: shown ones first, then the rest.
  const orderedVariables = info ? inGridOrder(info.variables, gridView) : [];
  const sorting = gridView?.sorting ?? [];
  const madeByServer = exportFormatDetails[format].madeBy === 'server';
  const rowLimit = limitRows ? Number(maxRows) : undefined;
  const rowLimitValid = rowLimit === undefined || (Number.isInteger(rowLimit) && rowLimit > 0);
  const ready =
    info?.canDownload &&
    (exportView ? !!viewResult && !madeByServer : chosen.size > 0) &&
    rowLimitValid &&
    destination.directory &&
    destination.fileName.trim() &&
    // Only a name the Node side has checked, as it is now, and found usable.
    destination.checked &&
    !destination.error &&
    (!destination.exists || replace) &&
    !starting;

  async function start() {
    if (!info || !destination.directory) return;
    setStarting(true);
    setStartError(undefined);
    try {
      const picked = orderedVariables.map((v) => v.name).filter((n) => chosen.has(n));
      const tableOrder = info.variables.map((v) => v.name).filter((n) => chosen.has(n));
      const all =
        chosen.size === info.variables.length && picked.join('\u0000') === tableOrder.join('\u0000');
      const view = exportView && viewResult;
      await client().jobs.startExport({
        // The view is a query result holding exactly its rows and columns, in order.
        tableRef: view ? view.source : tableRef,
        title: `${tableName}${view ? ' (view)' : ''} → ${destination.fileName.trim()}`,
        format,
        selectedVariables: view || all ? undefined : picked,
        keepRowOrder: view ? true : undefined,
        maxRows: rowLimit,
        destination: { directory: destination.directory, fileName: destination.fileName.trim() },
        overwrite: destination.exists && replace,
        replacePartsFolder: madeByServer && destination.partsFolderExists && replaceFolder,
      });
      onClose();
      useJobsView.getState().openPanel();
    } catch (failure) {
      setStartError(toAppError(failure));
      setStarting(false);
    }
  }

  return (
    <Dialog title={`Export ${tableName}`} className="export-dialog" onClose={onClose}>
      {loadError ? <ErrorLine error={loadError} /> : null}
      {!info && !loadError && showSpinner ? (
        <p className="muted" role="status">
          Loading table…
        </p>
      ) : null}
      {info && !info.canDownload ? (
        <p className="export-blocked" role="alert">
          {info.cannotDownloadReason ?? 'This table cannot be downloaded.'}
        </p>
      ) : null}
      {info?.canDownload ? (
        <form
          className="export-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (ready) void start();
          }}
        >
          <p className="muted">
            {numbers.format(info.numRows)} rows · {info.variables.length} columns
          </p>
          {offerView && gridView ? (
            <div className="export-view">
              <label>
                <input
                  type="checkbox"
                  checked={exportView}
                  onChange={(event) => setExportView(event.target.checked)}
                />{' '}
                Export this view: the rows and columns the grid shows, in its order
              </label>
              {exportView ? (
                <p className="muted" role="status" data-testid="export-view-summary">
                  {[
                    ...gridView.sorting.map((s) => `sorted by ${s.id}${s.desc ? ' descending' : ''}`),
                    ...(gridView.filters ?? []).map(describeFilter),
                  ].join(' · ')}
                  {' — '}
                  {viewResult
                    ? `${numbers.format(viewResult.numRows)} rows · ${viewResult.columns.length} columns`
                    : viewError
                      ? ''
                      : 'counting rows on Redivis…'}
                </p>
              ) : null}
              {exportView && viewError ? <ErrorLine error={viewError} /> : null}
            </div>
          ) : null}
          {sorting.length > 0 ? (
            <p className="muted export-note" role="note" data-testid="export-order-note">
              {exportView
                ? `The file keeps the grid's order (${sortText(sorting)}).`
                : `The grid is ${sortText(sorting)}; the file keeps the table's order instead. Export this view to keep the grid's.`}
            </p>
          ) : null}
          <label className="export-field">
            Format
            <select
              value={format}
              autoFocus
              onChange={(event) => {
                const next = event.target.value as ExportFormat;
                destination.changeFormat(format, next);
                setFormat(next);
              }}
            >
              {exportFormats
                // A view is a query result: the app writes it (Redivis makes its formats for tables only).
                .filter((f) => !exportView || exportFormatDetails[f].madeBy === 'app')
                .map((f) => (
                  <option key={f} value={f}>
                    {exportFormatDetails[f].label}
                  </option>
                ))}
            </select>
          </label>
          {exportFormatDetails[format].madeBy === 'server' ? (
            <p className="muted export-note">
              Redivis prepares this format on its servers; large exports may arrive as a folder of parts.
            </p>
          ) : null}
          {exportView ? null : (
            <ColumnPicker variables={orderedVariables} chosen={chosen} onChange={setChosen} />
          )}
          <div className="export-row">
            <label>
              <input type="checkbox" checked={limitRows} onChange={(e) => setLimitRows(e.target.checked)} />{' '}
              Limit rows
            </label>
            {limitRows ? (
              <label className="export-field inline">
                Maximum rows
                <input
                  type="number"
                  min={1}
                  step={1}
                  value={maxRows}
                  aria-invalid={!rowLimitValid}
                  onChange={(e) => setMaxRows(e.target.value)}
                />
              </label>
            ) : null}
          </div>
          <div className="export-destination">
            <button
              type="button"
              onClick={() => void destination.choose(defaultFileName(tableName, format), format)}
            >
              {destination.directory ? 'Change location…' : 'Choose location…'}
            </button>
            {/* Browser mode only: a typed or browsed folder, checked by the Node side. */}
            <ExportFolderPicker
              directory={destination.directory}
              onChoose={(folder) =>
                void destination.choose(
                  destination.fileName.trim() || defaultFileName(tableName, format),
                  format,
                  folder,
                )
              }
            />
            {destination.directory ? (
              <>
                <div className="muted export-folder" title={destination.directory}>
                  Folder: {destination.directory}
                </div>
                <label className="export-field">
                  File name
                  <input
                    value={destination.fileName}
                    onChange={(e) => {
                      setReplace(false);
                      setReplaceFolder(false);
                      destination.setFileName(e.target.value);
                    }}
                  />
                </label>
              </>
            ) : null}
            {destination.exists ? (
              <label className="export-replace">
                <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} /> A
                file with this name exists. Replace it
              </label>
            ) : null}
            {madeByServer && destination.partsFolderExists ? (
              <label className="export-replace">
                <input
                  type="checkbox"
                  checked={replaceFolder}
                  onChange={(e) => setReplaceFolder(e.target.checked)}
                />{' '}
                A folder named “{partsFolderName(destination.fileName)}” exists here. If Redivis sends this
                export in parts, they go into that folder: replace it and everything in it
              </label>
            ) : null}
            {destination.error ? <ErrorLine error={destination.error} /> : null}
          </div>
          {/* The same refusal as the name check's is said once. */}
          {startError && startError.message !== destination.error?.message ? (
            <ErrorLine error={startError} />
          ) : null}
          <div className="export-buttons">
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={!ready}>
              Export
            </button>
          </div>
        </form>
      ) : (
        <div className="export-buttons">
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      )}
    </Dialog>
  );
}

function ErrorLine({ error }: { error: AppError }) {
  return (
    <div className="export-error" role="alert">
      {error.message}
      {error.detail ? (
        <details>
          <summary>Details</summary>
          <span className="muted">{error.detail}</span>
        </details>
      ) : null}
    </div>
  );
}

function sortText(sorting: readonly { id: string; desc: boolean }[]): string {
  return sorting.map((s) => `sorted by ${s.id}${s.desc ? ' descending' : ''}`).join(', then ');
}

/** The table's variables with those the grid shows first, in the grid's order. */
function inGridOrder<V extends { name: string }>(
  variables: readonly V[],
  gridView: PreviewView | undefined,
): V[] {
  if (!gridView) return [...variables];
  const byName = new Map(variables.map((v) => [v.name.toLowerCase(), v]));
  const shown = shownColumns(
    gridView,
    variables.map((v) => v.name),
  ).flatMap((name) => byName.get(name.toLowerCase()) ?? []);
  return [...shown, ...variables.filter((v) => !shown.includes(v))];
}
