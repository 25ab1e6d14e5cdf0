import type { Destination, DestinationTable } from '../../../shared/contract/uploadModel';
import { AppFailure, fail } from '../../../shared/contract/errors';
import { datasetRefParts, nextTableRef, tableRefParts } from '../../../shared/contract/catalogReference';
import type { RedivisApiClient } from '../redivis/apiClient';
import { allDatasets, getDataset } from '../redivis/api/datasets';
import { allNamedTables, getTable, type ApiTable } from '../redivis/api/tables';
import { getMe } from '../redivis/api/users';
import { createNextVersion, releaseNextVersion, unreleaseCurrentVersion } from '../redivis/api/versions';

const UNRELEASE_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

/** Datasets as upload destinations: their versions, and the version actions around uploads. */
export class Destinations {
  constructor(private readonly api: RedivisApiClient) {}

  /** Resolves a table or dataset reference to its dataset and the tables of its next version. */
  async describe(ref: string, kind: 'table' | 'dataset', signal?: AbortSignal): Promise<Destination> {
    if (kind === 'dataset') return this.load(datasetRefParts(ref).datasetRef, signal);
    const { datasetRef, tableName } = tableRefParts(ref);
    return { ...(await this.load(datasetRef, signal)), tableName };
  }

  /** The signed-in user's own datasets they can edit (organisation datasets are reached by page). */
  async editable(): Promise<{ datasetRef: string; name: string }[]> {
    const me = await getMe(this.api, { what: 'your account' });
    const owner = me.userName ?? me.name;
    if (!owner) return [];
    const datasets: { datasetRef: string; name: string }[] = [];
    for await (const dataset of allDatasets(
      this.api,
      { kind: 'user', name: owner },
      { what: 'your datasets' },
    )) {
      if (dataset.accessLevel !== 'edit' || !dataset.qualifiedReference) continue;
      const { datasetRef } = datasetRefParts(dataset.qualifiedReference);
      datasets.push({ datasetRef, name: dataset.name ?? datasetRef });
    }
    return datasets;
  }

  async createNextVersion(datasetRef: string): Promise<Destination> {
    const { datasetRef: base } = datasetRefParts(datasetRef);
    await createNextVersion(this.api, base);
    return this.load(base);
  }

  async release(datasetRef: string, releaseNotes: string): Promise<Destination> {
    const { datasetRef: base } = datasetRefParts(datasetRef);
    await releaseNextVersion(this.api, base, releaseNotes.trim());
    return this.load(base);
  }

  async unrelease(datasetRef: string): Promise<Destination> {
    const { datasetRef: base } = datasetRefParts(datasetRef);
    await unreleaseCurrentVersion(this.api, base);
    return this.load(base);
  }

  /** Fails with a clear message when the dataset has no unreleased version (any more). */
  async requireNextVersion(datasetRef: string, signal?: AbortSignal): Promise<void> {
    const dataset = await getDataset(this.api, datasetRef, { signal, what: 'this dataset' });
    if (!dataset.nextVersion) {
      fail(
        'conflict',
        `${dataset.name ?? datasetRef} has no unreleased version; it may have just been released.`,
        {
          detail: 'Create a new version to upload into.',
        },
      );
    }
  }

  table(tableRef: string, signal?: AbortSignal): Promise<ApiTable> {
    return getTable(this.api, tableRef, { signal, what: 'this table' });
  }

  private async load(datasetRef: string, signal?: AbortSignal): Promise<Destination> {
    const dataset = await getDataset(this.api, datasetRef, { signal, what: 'this dataset' });
    const canEdit = dataset.accessLevel === 'edit';
    const current = dataset.version?.isReleased ? dataset.version : null;
    const tables = dataset.nextVersion ? await this.nextTables(datasetRef, signal) : [];
    return {
      datasetRef,
      datasetName: dataset.name ?? datasetRef,
      canEdit,
      nextVersion: dataset.nextVersion ? { tag: dataset.nextVersion.tag ?? 'next' } : null,
      currentVersion: current
        ? {
            tag: current.tag ?? 'current',
            releasedAt: current.releasedAt ?? undefined,
            canUnrelease:
              canEdit && !dataset.nextVersion && Date.now() - (current.releasedAt ?? 0) < UNRELEASE_WINDOW_MS,
          }
        : null,
      tables,
    };
  }

  private async nextTables(datasetRef: string, signal?: AbortSignal): Promise<DestinationTable[]> {
    const tables: DestinationTable[] = [];
    try {
      for await (const table of allNamedTables(
        this.api,
        { kind: 'dataset', ref: `${datasetRef}:next` },
        { signal, what: 'the tables of the next version', quiet: true },
      )) {
        tables.push({
          name: table.name,
          tableRef: nextTableRef(datasetRef, table.name),
          isFileIndex: Boolean(table.isFileIndex),
          uploadMergeStrategy: table.uploadMergeStrategy === 'replace' ? 'replace' : 'append',
          numRows: table.numRows,
        });
      }
    } catch (error) {
      // The next version vanished between the two requests (released meanwhile): no tables.
      if (error instanceof AppFailure && error.appError.code === 'not_found') return [];
      throw error;
    }
    return tables;
  }
}
