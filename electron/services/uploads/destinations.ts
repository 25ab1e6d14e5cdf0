import type { Destination, DestinationTable } from '../../../shared/contract/uploadModel';
import { AppFailure, fail } from '../../../shared/contract/errors';
import type { RedivisApiClient } from '../redivis/apiClient';
import { nextTableRef, parseDatasetRef, parseTableRef, refSegment } from './redivisRefs';

const UNRELEASE_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

interface VersionJson {
  tag: string;
  isReleased?: boolean;
  releasedAt?: number | null;
}

interface DatasetJson {
  name: string;
  accessLevel?: string;
  version?: VersionJson | null;
  nextVersion?: VersionJson | null;
}

interface TableJson {
  name: string;
  isFileIndex?: boolean;
  uploadMergeStrategy?: string;
  numRows?: number;
}

/** Datasets as upload destinations: their versions, and the version actions around uploads. */
export class Destinations {
  constructor(private readonly api: RedivisApiClient) {}

  /** Resolves a table or dataset reference to its dataset and the tables of its next version. */
  async describe(ref: string, kind: 'table' | 'dataset', signal?: AbortSignal): Promise<Destination> {
    if (kind === 'dataset') return this.load(parseDatasetRef(ref).datasetRef, signal);
    const { datasetRef, tableName } = parseTableRef(ref);
    return { ...(await this.load(datasetRef, signal)), tableName };
  }

  /** The signed-in user's own datasets they can edit (organisation datasets are reached by page). */
  async editable(): Promise<{ datasetRef: string; name: string }[]> {
    const me = await this.api.get<{ userName?: string; name?: string }>('/users/me', {
      what: 'your account',
    });
    const owner = me.userName ?? me.name;
    if (!owner) return [];
    const datasets: { datasetRef: string; name: string }[] = [];
    for await (const dataset of this.api.all<DatasetJson & { qualifiedReference?: string }>(
      `/users/${encodeURIComponent(owner)}/datasets`,
      { what: 'your datasets' },
    )) {
      if (dataset.accessLevel !== 'edit' || !dataset.qualifiedReference) continue;
      datasets.push({
        datasetRef: parseDatasetRef(dataset.qualifiedReference).datasetRef,
        name: dataset.name,
      });
    }
    return datasets;
  }

  async createNextVersion(datasetRef: string): Promise<Destination> {
    const { datasetRef: base } = parseDatasetRef(datasetRef);
    await this.api.json('POST', `/datasets/${refSegment(base)}/versions`, { what: 'this dataset' });
    return this.load(base);
  }

  async release(datasetRef: string, releaseNotes: string): Promise<Destination> {
    const { datasetRef: base } = parseDatasetRef(datasetRef);
    await this.api.json('POST', `/datasets/${refSegment(base)}/versions/next/release`, {
      body: releaseNotes.trim() ? { releaseNotes: releaseNotes.trim() } : {},
      what: 'this version',
    });
    return this.load(base);
  }

  async unrelease(datasetRef: string): Promise<Destination> {
    const { datasetRef: base } = parseDatasetRef(datasetRef);
    await this.api.json('POST', `/datasets/${refSegment(base)}/versions/current/unrelease`, {
      what: 'this version',
    });
    return this.load(base);
  }

  /** Fails with a clear message when the dataset has no unreleased version (any more). */
  async requireNextVersion(datasetRef: string, signal?: AbortSignal): Promise<void> {
    const dataset = await this.api.get<DatasetJson>(`/datasets/${refSegment(datasetRef)}`, {
      signal,
      what: 'this dataset',
    });
    if (!dataset.nextVersion) {
      fail('conflict', `${dataset.name} has no unreleased version; it may have just been released.`, {
        detail: 'Create a new version to upload into.',
      });
    }
  }

  async table(tableRef: string, signal?: AbortSignal): Promise<TableJson> {
    return this.api.get<TableJson>(`/tables/${refSegment(tableRef)}`, { signal, what: 'this table' });
  }

  private async load(datasetRef: string, signal?: AbortSignal): Promise<Destination> {
    const dataset = await this.api.get<DatasetJson>(`/datasets/${refSegment(datasetRef)}`, {
      signal,
      what: 'this dataset',
    });
    const canEdit = dataset.accessLevel === 'edit';
    const current = dataset.version?.isReleased ? dataset.version : null;
    const tables = dataset.nextVersion ? await this.nextTables(datasetRef, signal) : [];
    return {
      datasetRef,
      datasetName: dataset.name,
      canEdit,
      nextVersion: dataset.nextVersion ? { tag: dataset.nextVersion.tag } : null,
      currentVersion: current
        ? {
            tag: current.tag,
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
      for await (const table of this.api.all<TableJson>(
        `/datasets/${refSegment(`${datasetRef}:next`)}/tables`,
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
