import type { DatasetDetail } from '../../../shared/contract/catalogModel';
import { versionOfRef } from '../../../shared/contract/catalogReference';
import { client } from '../../ui/client';
import { DatasetVersions } from '../uploads/DatasetVersions';
import { UploadButton } from '../uploads/UploadButton';
import { Breadcrumbs } from './Breadcrumbs';
import {
  accessExplanation,
  formatBytes,
  formatCount,
  formatDate,
  formatGeoBBox,
  formatTemporal,
  versionLabel,
} from './catalogFormat';
import { ErrorPanel, Loading } from './catalogStates';
import { TableList } from './TableList';
import { useUploadsFinished } from './useUploadsFinished';
import { usePageView, useLoad } from './usePageLoad';
import { VersionPicker } from './VersionPicker';
import { useNavigation } from './navigationStore';
import { useState } from 'react';
import { QueryDatasetButton } from './QueryActions';

/** A dataset: who owns it, what it covers, its versions and the tables of the version shown. */
export function DatasetPage({ datasetRef }: { datasetRef: string }) {
  const loadId = usePageView();
  const uploads = useUploadsFinished();
  // Bumped when versions change on this page: the dataset, its versions and tables are read again.
  const [versionsChanged, setVersionsChanged] = useState(0);
  const refresh = uploads + versionsChanged;
  const dataset = useLoad(datasetRef, () => client().catalog.getDataset({ datasetRef, loadId }), refresh);
  const onVersionsChanged = () => {
    // A page addressed at a version that a release or unrelease just removed (`:next` after a
    // release, `:v2_0` after its unrelease) moves to the dataset itself, which always exists.
    const shown = dataset.status === 'ready' ? dataset.value : undefined;
    if (shown && versionOfRef(datasetRef)) {
      useNavigation.getState().replace({ kind: 'dataset', datasetRef: shown.baseRef });
      return;
    }
    setVersionsChanged((n) => n + 1);
  };
  if (dataset.status === 'loading') return <Loading label="Loading dataset…" />;
  if (dataset.status === 'error') {
    return (
      <div className="catalog-page-body">
        <Breadcrumbs items={[{ label: datasetRef }]} />
        <ErrorPanel error={dataset.error} onRetry={dataset.reload} />
      </div>
    );
  }
  return (
    <DatasetView
      dataset={dataset.value}
      datasetRef={datasetRef}
      loadId={loadId}
      refresh={refresh}
      onVersionsChanged={onVersionsChanged}
    />
  );
}

function DatasetView({
  dataset,
  datasetRef,
  loadId,
  refresh,
  onVersionsChanged,
}: {
  dataset: DatasetDetail;
  datasetRef: string;
  loadId: string;
  refresh: number;
  onVersionsChanged(): void;
}) {
  const { owner, version } = dataset;
  const unreleased = version !== null && !version.isReleased;
  const explanation = accessExplanation(dataset.accessLevel);
  return (
    <article className="catalog-page-body" aria-labelledby="dataset-title">
      <Breadcrumbs
        items={[
          {
            label: owner.fullName ?? owner.name,
            route: { kind: 'owner', owner: owner.name, ownerKind: owner.kind },
          },
          ...(versionOfRef(datasetRef) && version
            ? [
                { label: dataset.name, route: { kind: 'dataset' as const, datasetRef: dataset.baseRef } },
                { label: versionLabel(version.tag, version.isReleased) },
              ]
            : [{ label: dataset.name }]),
        ]}
      />
      <header className="page-header">
        <h1 id="dataset-title">{dataset.name}</h1>
        <p className="muted">
          Dataset by {owner.fullName ?? owner.name} · <code>{dataset.baseRef}</code>
        </p>
        <div className="page-actions">
          <VersionPicker baseRef={dataset.baseRef} shown={version} loadId={loadId} refresh={refresh} />
          <QueryDatasetButton datasetRef={datasetRef} datasetName={dataset.name} />
          {unreleased ? (
            <UploadButton target={{ kind: 'dataset', datasetRef, datasetName: dataset.name }} />
          ) : null}
        </div>
      </header>
      <DatasetVersions datasetRef={dataset.baseRef} onChanged={onVersionsChanged} />
      {explanation ? (
        <p className="access-notice" role="note">
          {explanation}
        </p>
      ) : null}
      {dataset.description ? <p className="description">{dataset.description}</p> : null}
      <dl className="facts">
        <div>
          <dt>Tables</dt>
          <dd>{formatCount(dataset.tableCount)}</dd>
        </div>
        <div>
          <dt>Size</dt>
          <dd>{formatBytes(dataset.numBytes)}</dd>
        </div>
        {dataset.accessLevel ? (
          <div>
            <dt>Your access</dt>
            <dd>{dataset.accessLevel}</dd>
          </div>
        ) : null}
        {version?.releasedAt ? (
          <div>
            <dt>Released</dt>
            <dd>{formatDate(version.releasedAt)}</dd>
          </div>
        ) : null}
        {dataset.temporal ? (
          <div>
            <dt>Temporal coverage</dt>
            <dd>{formatTemporal(dataset.temporal)}</dd>
          </div>
        ) : null}
        {dataset.geoBBox ? (
          <div>
            <dt>Geographic coverage</dt>
            <dd>{formatGeoBBox(dataset.geoBBox)}</dd>
          </div>
        ) : null}
      </dl>
      <TableList container={{ kind: 'dataset', ref: datasetRef }} loadId={loadId} refresh={refresh} />
      {dataset.methodology || dataset.usage ? (
        <details className="documentation">
          <summary>Documentation</summary>
          {dataset.methodology ? <p className="prewrap">{dataset.methodology}</p> : null}
          {dataset.usage ? <p className="prewrap">{dataset.usage}</p> : null}
        </details>
      ) : null}
    </article>
  );
}
