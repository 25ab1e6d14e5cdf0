import type {
  CatalogPage,
  CatalogUser,
  CatalogVariable,
  DatasetDetail,
  DatasetSummary,
  DatasetVersion,
  Owner,
  TableDetail,
  TableSummary,
  VariableStatistics,
  WorkflowSummary,
} from '../../../shared/contract/catalogModel';
import { withVersion } from '../../../shared/contract/catalogReference';
import type { RedivisApiClient } from '../redivis/apiClient';
import { sleep } from '../redivis/retryPolicy';
import {
  toDatasetDetail,
  toDatasetSummary,
  toStatistics,
  toTableDetail,
  toTableSummary,
  toUser,
  toVariable,
  toVersion,
  toWorkflow,
} from './catalogMapping';
import { unlessCancelled } from './pageLoads';
import type {
  RawDataset,
  RawStatistics,
  RawTable,
  RawUser,
  RawVariable,
  RawVersion,
  RawWorkflow,
} from './redivisResources';
import { ResponseCache } from './responseCache';

export interface CatalogApiOptions {
  /** Rows per list page; variables come in bigger pages, as the official clients ask. */
  pageSize?: number;
  variablePageSize?: number;
  /** Statistics are computed on demand; poll this often while the server is still working. */
  statisticsPollMs?: number;
  statisticsMaxPolls?: number;
  cache?: ResponseCache;
}

type OwnerRef = Pick<Owner, 'kind' | 'name'>;
const seg = (value: string) => encodeURIComponent(value);
const ownerPath = (owner: OwnerRef) =>
  `/${owner.kind === 'organization' ? 'organizations' : 'users'}/${seg(owner.name)}`;

/**
 * Typed access to every catalog resource the UI shows (spec 3.1-3.3, 3.8). Each call takes
 * the page view's AbortSignal; a cancelled call always ends as a `cancelled` AppFailure.
 */
export class CatalogApi {
  private readonly cache: ResponseCache;

  constructor(
    private readonly api: RedivisApiClient,
    private readonly options: CatalogApiOptions = {},
  ) {
    this.cache = options.cache ?? new ResponseCache();
  }

  me(signal?: AbortSignal): Promise<CatalogUser> {
    return this.fetch<RawUser>('/users/me', 'your account', signal).then(toUser);
  }

  listDatasets(owner: OwnerRef, pageToken?: string | null, signal?: AbortSignal) {
    return this.list<RawDataset, DatasetSummary>(
      `${ownerPath(owner)}/datasets`,
      `the datasets of ${owner.name}`,
      (raw) => toDatasetSummary(raw),
      pageToken,
      signal,
    );
  }

  listWorkflows(owner: OwnerRef, pageToken?: string | null, signal?: AbortSignal) {
    return this.list<RawWorkflow, WorkflowSummary>(
      `${ownerPath(owner)}/workflows`,
      `the workflows of ${owner.name}`,
      (raw) => toWorkflow(raw),
      pageToken,
      signal,
    );
  }

  async getDataset(datasetRef: string, signal?: AbortSignal): Promise<DatasetDetail> {
    const raw = await this.fetch<RawDataset>(`/datasets/${seg(datasetRef)}`, 'this dataset', signal);
    return toDatasetDetail(raw, datasetRef);
  }

  listVersions(datasetRef: string, pageToken?: string | null, signal?: AbortSignal) {
    const baseRef = withVersion(datasetRef, undefined);
    return this.list<RawVersion, DatasetVersion>(
      `/datasets/${seg(baseRef)}/versions`,
      'the versions of this dataset',
      (raw) => toVersion(raw, baseRef),
      pageToken,
      signal,
    );
  }

  async getVersion(datasetRef: string, tag: string, signal?: AbortSignal): Promise<DatasetVersion> {
    const baseRef = withVersion(datasetRef, undefined);
    const raw = await this.fetch<RawVersion>(
      `/datasets/${seg(baseRef)}/versions/${seg(tag)}`,
      `version ${tag}`,
      signal,
    );
    return toVersion(raw, baseRef);
  }

  listTables(
    container: { kind: 'dataset' | 'workflow'; ref: string },
    pageToken?: string | null,
    signal?: AbortSignal,
  ): Promise<CatalogPage<TableSummary>> {
    const root = container.kind === 'dataset' ? 'datasets' : 'workflows';
    return this.list<RawTable, TableSummary>(
      `/${root}/${seg(container.ref)}/tables`,
      `the tables of this ${container.kind}`,
      (raw) => toTableSummary(raw),
      pageToken,
      signal,
    );
  }

  async getTable(tableRef: string, signal?: AbortSignal): Promise<TableDetail> {
    const raw = await this.fetch<RawTable>(`/tables/${seg(tableRef)}`, 'this table', signal);
    return toTableDetail(raw, tableRef);
  }

  listVariables(tableRef: string, pageToken?: string | null, signal?: AbortSignal) {
    return this.list<RawVariable, CatalogVariable>(
      `/tables/${seg(tableRef)}/variables`,
      'the variables of this table',
      toVariable,
      pageToken,
      signal,
      this.options.variablePageSize ?? 1000,
    );
  }

  async getVariable(tableRef: string, name: string, signal?: AbortSignal): Promise<CatalogVariable> {
    const raw = await this.fetch<RawVariable>(
      `/tables/${seg(tableRef)}/variables/${seg(name)}`,
      `variable ${name}`,
      signal,
    );
    return toVariable(raw);
  }

  /** Statistics may still be computing (status queued/running): poll until they are ready. */
  async getVariableStatistics(
    tableRef: string,
    name: string,
    signal?: AbortSignal,
  ): Promise<VariableStatistics> {
    const path = `/tables/${seg(tableRef)}/variables/${seg(name)}/statistics`;
    const maxPolls = this.options.statisticsMaxPolls ?? 30;
    for (let poll = 1; ; poll++) {
      const raw = await unlessCancelled(signal, () =>
        this.api.get<RawStatistics>(path, { signal, what: `the statistics of ${name}` }),
      );
      const stats = toStatistics(raw ?? {});
      if ((stats.status !== 'queued' && stats.status !== 'running') || poll >= maxPolls) return stats;
      await unlessCancelled(signal, () => sleep(this.options.statisticsPollMs ?? 1000, signal));
    }
  }

  async getWorkflow(workflowRef: string, signal?: AbortSignal): Promise<WorkflowSummary> {
    const raw = await this.fetch<RawWorkflow>(`/workflows/${seg(workflowRef)}`, 'this workflow', signal);
    return toWorkflow(raw, workflowRef);
  }

  /** Drops cached answers, e.g. after the account or server changed. */
  forget(): void {
    this.cache.clear();
  }

  private fetch<T>(path: string, what: string, signal?: AbortSignal): Promise<T> {
    const load = () => unlessCancelled(signal, () => this.api.get<T>(path, { signal, what }));
    if (!ResponseCache.cacheable(path)) return load();
    return this.cache.get(`${this.api.baseUrl()} ${path}`, load);
  }

  private async list<R, T>(
    path: string,
    what: string,
    map: (raw: R) => T,
    pageToken: string | null | undefined,
    signal: AbortSignal | undefined,
    maxResults = this.options.pageSize ?? 100,
  ): Promise<CatalogPage<T>> {
    const load = () =>
      unlessCancelled(signal, () => this.api.page<R>(path, { signal, what, pageToken, maxResults }));
    const key = `${this.api.baseUrl()} ${path}?${maxResults}&${pageToken ?? ''}`;
    const page = ResponseCache.cacheable(path) ? await this.cache.get(key, load) : await load();
    return { items: page.results.map(map), nextPageToken: page.nextPageToken };
  }
}
