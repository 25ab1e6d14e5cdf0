import type {
  CatalogPage,
  CatalogUser,
  CatalogVariable,
  DatasetDetail,
  DatasetSummary,
  DatasetVersion,
  TableDetail,
  TableSummary,
  VariableStatistics,
  WorkflowSummary,
} from '../../../shared/contract/catalogModel';
import { withVersion } from '../../../shared/contract/catalogReference';
import type { Page, RedivisApiClient } from '../redivis/apiClient';
import { datasetsPage, getDataset } from '../redivis/api/datasets';
import type { OwnerRef } from '../redivis/api/organizations';
import { getTable, tablesPage } from '../redivis/api/tables';
import { getMe } from '../redivis/api/users';
import { getVariable, getVariableStatistics, variablesPage } from '../redivis/api/variables';
import { getVersion, versionsPage } from '../redivis/api/versions';
import { getWorkflow, workflowsPage } from '../redivis/api/workflows';
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

const seg = (value: string) => encodeURIComponent(value);
const ownerPath = (owner: OwnerRef) =>
  `/${owner.kind === 'organization' ? 'organizations' : 'users'}/${seg(owner.name)}`;

/** A page request as the resource modules take it. */
type PageRequest = { signal?: AbortSignal; what: string; pageToken?: string | null; maxResults: number };

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
    return this.fetch('/users/me', signal, () => getMe(this.api, { signal, what: 'your account' })).then(
      toUser,
    );
  }

  listDatasets(owner: OwnerRef, pageToken?: string | null, signal?: AbortSignal) {
    return this.list<DatasetSummary>(
      `${ownerPath(owner)}/datasets`,
      `the datasets of ${owner.name}`,
      (request) =>
        datasetsPage(this.api, owner, request).then((page) => mapPage(page, (raw) => toDatasetSummary(raw))),
      pageToken,
      signal,
    );
  }

  listWorkflows(owner: OwnerRef, pageToken?: string | null, signal?: AbortSignal) {
    return this.list<WorkflowSummary>(
      `${ownerPath(owner)}/workflows`,
      `the workflows of ${owner.name}`,
      (request) =>
        workflowsPage(this.api, owner, request).then((page) => mapPage(page, (raw) => toWorkflow(raw))),
      pageToken,
      signal,
    );
  }

  async getDataset(datasetRef: string, signal?: AbortSignal): Promise<DatasetDetail> {
    const raw = await this.fetch(`/datasets/${seg(datasetRef)}`, signal, () =>
      getDataset(this.api, datasetRef, { signal, what: 'this dataset' }),
    );
    return toDatasetDetail(raw, datasetRef);
  }

  listVersions(datasetRef: string, pageToken?: string | null, signal?: AbortSignal) {
    const baseRef = withVersion(datasetRef, undefined);
    return this.list<DatasetVersion>(
      `/datasets/${seg(baseRef)}/versions`,
      'the versions of this dataset',
      (request) =>
        versionsPage(this.api, baseRef, request).then((page) =>
          mapPage(page, (raw) => toVersion(raw, baseRef)),
        ),
      pageToken,
      signal,
    );
  }

  async getVersion(datasetRef: string, tag: string, signal?: AbortSignal): Promise<DatasetVersion> {
    const baseRef = withVersion(datasetRef, undefined);
    const raw = await this.fetch(`/datasets/${seg(baseRef)}/versions/${seg(tag)}`, signal, () =>
      getVersion(this.api, baseRef, tag, { signal, what: `version ${tag}` }),
    );
    return toVersion(raw, baseRef);
  }

  listTables(
    container: { kind: 'dataset' | 'workflow'; ref: string },
    pageToken?: string | null,
    signal?: AbortSignal,
  ): Promise<CatalogPage<TableSummary>> {
    const root = container.kind === 'dataset' ? 'datasets' : 'workflows';
    return this.list<TableSummary>(
      `/${root}/${seg(container.ref)}/tables`,
      `the tables of this ${container.kind}`,
      (request) =>
        tablesPage(this.api, container, request).then((page) => mapPage(page, (raw) => toTableSummary(raw))),
      pageToken,
      signal,
    );
  }

  async getTable(tableRef: string, signal?: AbortSignal): Promise<TableDetail> {
    const raw = await this.fetch(`/tables/${seg(tableRef)}`, signal, () =>
      getTable(this.api, tableRef, { signal, what: 'this table' }),
    );
    return toTableDetail(raw, tableRef);
  }

  listVariables(tableRef: string, pageToken?: string | null, signal?: AbortSignal) {
    return this.list<CatalogVariable>(
      `/tables/${seg(tableRef)}/variables`,
      'the variables of this table',
      (request) => variablesPage(this.api, tableRef, request).then((page) => mapPage(page, toVariable)),
      pageToken,
      signal,
      this.options.variablePageSize ?? 1000,
    );
  }

  async getVariable(tableRef: string, name: string, signal?: AbortSignal): Promise<CatalogVariable> {
    const raw = await this.fetch(`/tables/${seg(tableRef)}/variables/${seg(name)}`, signal, () =>
      getVariable(this.api, tableRef, name, { signal, what: `variable ${name}` }),
    );
    return toVariable(raw);
  }

  /** Statistics may still be computing (status queued/running): poll until they are ready. */
  async getVariableStatistics(
    tableRef: string,
    name: string,
    signal?: AbortSignal,
  ): Promise<VariableStatistics> {
    const maxPolls = this.options.statisticsMaxPolls ?? 30;
    for (let poll = 1; ; poll++) {
      const raw = await unlessCancelled(signal, () =>
        getVariableStatistics(this.api, tableRef, name, { signal, what: `the statistics of ${name}` }),
      );
      const stats = toStatistics(raw);
      if ((stats.status !== 'queued' && stats.status !== 'running') || poll >= maxPolls) return stats;
      await unlessCancelled(signal, () => sleep(this.options.statisticsPollMs ?? 1000, signal));
    }
  }

  async getWorkflow(workflowRef: string, signal?: AbortSignal): Promise<WorkflowSummary> {
    const raw = await this.fetch(`/workflows/${seg(workflowRef)}`, signal, () =>
      getWorkflow(this.api, workflowRef, { signal, what: 'this workflow' }),
    );
    return toWorkflow(raw, workflowRef);
  }

  /** Drops cached answers, e.g. after the account or server changed. */
  forget(): void {
    this.cache.clear();
  }

  /** `path` keys the cache; `request` is the resource module's checked GET. */
  private fetch<T>(path: string, signal: AbortSignal | undefined, request: () => Promise<T>): Promise<T> {
    const load = () => unlessCancelled(signal, request);
    if (!ResponseCache.cacheable(path)) return load();
    return this.cache.get(`${this.api.baseUrl()} ${path}`, load);
  }

  private async list<T>(
    path: string,
    what: string,
    request: (page: PageRequest) => Promise<Page<T>>,
    pageToken: string | null | undefined,
    signal: AbortSignal | undefined,
    maxResults = this.options.pageSize ?? 100,
  ): Promise<CatalogPage<T>> {
    const load = () => unlessCancelled(signal, () => request({ signal, what, pageToken, maxResults }));
    const key = `${this.api.baseUrl()} ${path}?${maxResults}&${pageToken ?? ''}`;
    const page = ResponseCache.cacheable(path) ? await this.cache.get(key, load) : await load();
    return { items: page.results, nextPageToken: page.nextPageToken };
  }
}

function mapPage<R, T>(page: Page<R>, map: (raw: R) => T): Page<T> {
  return { results: page.results.map(map), nextPageToken: page.nextPageToken };
}
