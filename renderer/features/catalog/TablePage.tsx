import type { TableDetail } from '../../../shared/contract/catalogModel';
import { withVersion } from '../../../shared/contract/catalogReference';
import { client } from '../../ui/client';
import { ExportButton } from '../jobs/ExportButton';
import { FilesView } from '../files/FilesView';
import { QueryTableButton } from './QueryActions';
import { TablePreview } from '../preview/TablePreview';
import { usePreviewStore, viewKey } from '../preview/previewStore';
import { UploadButton } from '../uploads/UploadButton';
import { Breadcrumbs, ownerOfRef, type Crumb } from './Breadcrumbs';
import {
  accessExplanation,
  canReadRows,
  canReadVariables,
  formatBytes,
  formatCount,
  formatTemporal,
  versionLabel,
} from './catalogFormat';
import { ErrorPanel, Loading } from './catalogStates';
import { useLoad, usePageView } from './usePageLoad';
import { useUploadsFinished } from './useUploadsFinished';
import { VariableList } from './VariableList';

/** A table: its facts, what the user may do with it, its variables and an instant row preview. */
export function TablePage({ tableRef }: { tableRef: string }) {
  const loadId = usePageView();
  const refresh = useUploadsFinished();
  const table = useLoad(tableRef, () => client().catalog.getTable({ tableRef, loadId }), refresh);
  if (table.status === 'loading') return <Loading label="Loading table…" />;
  if (table.status === 'error') {
    return (
      <div className="catalog-page-body">
        <Breadcrumbs items={[{ label: tableRef }]} />
        <ErrorPanel error={table.error} onRetry={table.reload} />
      </div>
    );
  }
  return <TableView table={table.value} loadId={loadId} refresh={refresh} />;
}

function crumbsOf(table: TableDetail): Crumb[] {
  const owner = table.owner;
  const crumbs: Crumb[] = [
    owner
      ? {
          label: owner.fullName ?? owner.name,
          route: { kind: 'owner', owner: owner.name, ownerKind: owner.kind },
        }
      : { label: ownerOfRef(table.ref) },
  ];
  const { container, version } = table;
  if (container?.kind === 'dataset') {
    crumbs.push({
      label: container.name,
      route: { kind: 'dataset', datasetRef: withVersion(container.ref, undefined) },
    });
    if (version)
      crumbs.push({
        label: versionLabel(version.tag, version.isReleased),
        route: { kind: 'dataset', datasetRef: version.datasetRef },
      });
  } else if (container?.kind === 'workflow') {
    crumbs.push({ label: container.name, route: { kind: 'workflow', workflowRef: container.ref } });
  }
  crumbs.push({ label: table.name });
  return crumbs;
}

function TableView({ table, loadId, refresh }: { table: TableDetail; loadId: string; refresh: number }) {
  const explanation = accessExplanation(table.accessLevel);
  const rowsReadable = canReadRows(table.accessLevel);
  const unreleased = table.version ? !table.version.isReleased : false;
  const crumbs = crumbsOf(table);
  // An export keeps the columns the user chose in the preview.
  const selectedVariables = usePreviewStore((state) => state.views[viewKey(table.ref)]?.selectedVariables);
  return (
    // A workspace: the rows fill the pane beside a panel with the table's details and variables.
    <article
      className={`catalog-page-body table-workspace${rowsReadable ? '' : ' table-workspace-no-rows'}`}
      aria-labelledby="table-title"
    >
      <div className="table-workspace-head">
        <Breadcrumbs items={crumbs} />
        <header className="page-header">
          <h1 id="table-title">{table.name}</h1>
          <p className="muted">
            Table · <code>{table.ref}</code>
          </p>
          <div className="page-actions">
            {rowsReadable ? (
              <ExportButton
                tableRef={table.ref}
                tableName={table.name}
                selectedVariables={selectedVariables}
              />
            ) : null}
            {rowsReadable ? <QueryTableButton tableRef={table.ref} tableName={table.name} /> : null}
            {unreleased ? (
              <UploadButton target={{ kind: 'table', tableRef: table.ref, tableName: table.name }} />
            ) : null}
          </div>
        </header>
        {explanation ? (
          <p className="access-notice" role="note">
            {explanation}
          </p>
        ) : null}
      </div>
      {rowsReadable ? (
        <div className="table-workspace-main">
          {table.isFileIndex ? <FilesView tableRef={table.ref} refresh={refresh} /> : null}
          <div className="preview-section">
            {/* Remounted after an upload finishes, so new rows show at once. */}
            <TablePreview key={`${table.ref}#${refresh}`} tableRef={table.ref} />
          </div>
        </div>
      ) : null}
      <aside className="table-workspace-side" aria-label="About this table">
        {table.description ? <p className="description">{table.description}</p> : null}
        <dl className="facts">
          <div>
            <dt>Rows</dt>
            <dd>{formatCount(table.numRows)}</dd>
          </div>
          <div>
            <dt>Variables</dt>
            <dd>{formatCount(table.variableCount)}</dd>
          </div>
          <div>
            <dt>Size</dt>
            <dd>{formatBytes(table.numBytes)}</dd>
          </div>
          {table.entityName ? (
            <div>
              <dt>Each row is a</dt>
              <dd>{table.entityName}</dd>
            </div>
          ) : null}
          {table.accessLevel ? (
            <div>
              <dt>Your access</dt>
              <dd>{table.accessLevel}</dd>
            </div>
          ) : null}
          {table.temporal ? (
            <div>
              <dt>Temporal coverage</dt>
              <dd>{formatTemporal(table.temporal)}</dd>
            </div>
          ) : null}
        </dl>
        {canReadVariables(table.accessLevel) ? (
          <VariableList tableRef={table.ref} loadId={loadId} refresh={refresh} />
        ) : null}
      </aside>
    </article>
  );
}
