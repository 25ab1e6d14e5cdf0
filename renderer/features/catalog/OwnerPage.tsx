import { useEffect } from 'react';
import type { DatasetSummary, WorkflowSummary } from '../../../shared/contract/catalogModel';
import { client } from '../../ui/client';
import { Breadcrumbs } from './Breadcrumbs';
import { CatalogLink } from './CatalogLink';
import { formatBytes, formatCount } from './catalogFormat';
import { EmptyState, ErrorPanel, Loading } from './catalogStates';
import { matchesFilter, useCatalogView } from './catalogStore';
import { ListFooter } from './ListFooter';
import { usePagedList, type PagedList } from './usePagedList';
import { usePageView } from './usePageLoad';

interface OwnerPageProps {
  owner: string;
  ownerKind: 'organization' | 'user';
}

/** A user's or organization's datasets and workflows, filterable as you type. */
export function OwnerPage({ owner, ownerKind }: OwnerPageProps) {
  const loadId = usePageView();
  const filterKey = `owner:${ownerKind}:${owner}`;
  const filter = useCatalogView((state) => state.filters[filterKey] ?? '');
  const setFilter = useCatalogView((state) => state.setFilter);
  const ownerParam = { kind: ownerKind, name: owner };
  const datasets = usePagedList(`datasets:${filterKey}`, (pageToken) =>
    client().catalog.listDatasets({ owner: ownerParam, pageToken, loadId }),
  );
  const workflows = usePagedList(`workflows:${filterKey}`, (pageToken) =>
    client().catalog.listWorkflows({ owner: ownerParam, pageToken, loadId }),
  );
  const fullName = datasets.items[0]?.owner.fullName ?? workflows.items[0]?.owner.fullName;
  return (
    <article className="catalog-page-body" aria-labelledby="owner-title">
      <Breadcrumbs items={[{ label: fullName ?? owner }]} />
      <header className="page-header">
        <h1 id="owner-title">{fullName ?? owner}</h1>
        <p className="muted">
          {ownerKind === 'organization' ? 'Organization' : 'User'} · {owner}
        </p>
      </header>
      <input
        type="search"
        className="list-filter"
        aria-label="Filter datasets and workflows"
        placeholder="Filter by name or description"
        value={filter}
        onChange={(event) => setFilter(filterKey, event.target.value)}
      />
      <DatasetSection list={datasets} filter={filter} />
      <WorkflowSection list={workflows} filter={filter} ownerKind={ownerKind} />
    </article>
  );
}

/** While filtering, keep fetching pages: the server has no search, so the filter must see them all. */
function useLoadAllWhileFiltering<T>(list: PagedList<T>, filter: string): void {
  const { hasMore, loadingMore, error, loadMore } = list;
  useEffect(() => {
    if (filter.trim() && hasMore && !loadingMore && !error) loadMore();
  }, [filter, hasMore, loadingMore, error, loadMore]);
}

function DatasetSection({ list, filter }: { list: PagedList<DatasetSummary>; filter: string }) {
  useLoadAllWhileFiltering(list, filter);
  const shown = list.items.filter((d) => matchesFilter(filter, d.name, d.description));
  return (
    <section aria-labelledby="datasets-heading">
      <h2 id="datasets-heading">Datasets</h2>
      {list.loading ? (
        <Loading label="Loading datasets…" />
      ) : list.error && list.items.length === 0 ? (
        <ErrorPanel error={list.error} onRetry={list.reload} />
      ) : list.items.length === 0 ? (
        <EmptyState>No datasets here that you can see.</EmptyState>
      ) : shown.length === 0 && !list.hasMore ? (
        <EmptyState>No dataset matches “{filter}”.</EmptyState>
      ) : (
        <ul className="catalog-list" aria-label="Datasets">
          {shown.map((dataset) => (
            <li key={dataset.ref}>
              <CatalogLink
                className="link item-name"
                label={dataset.name}
                route={{ kind: 'dataset', datasetRef: dataset.ref }}
              />
              <span className="item-meta">
                {formatCount(dataset.tableCount)} {dataset.tableCount === 1 ? 'table' : 'tables'} ·{' '}
                {formatBytes(dataset.numBytes)}
                {dataset.accessLevel ? ` · ${dataset.accessLevel} access` : ''}
              </span>
              {dataset.description ? <p className="item-description">{dataset.description}</p> : null}
            </li>
          ))}
        </ul>
      )}
      {!list.loading ? <ListFooter list={list} noun="datasets" /> : null}
    </section>
  );
}

function WorkflowSection({
  list,
  filter,
  ownerKind,
}: {
  list: PagedList<WorkflowSummary>;
  filter: string;
  ownerKind: 'organization' | 'user';
}) {
  useLoadAllWhileFiltering(list, filter);
  const shown = list.items.filter((w) => matchesFilter(filter, w.name, w.description));
  // Organizations rarely have workflows; say nothing rather than an empty heading.
  if (!list.loading && !list.error && list.items.length === 0 && ownerKind === 'organization') return null;
  return (
    <section aria-labelledby="workflows-heading">
      <h2 id="workflows-heading">Workflows</h2>
      {list.loading ? (
        <Loading label="Loading workflows…" />
      ) : list.error && list.items.length === 0 ? (
        <ErrorPanel error={list.error} onRetry={list.reload} />
      ) : shown.length === 0 ? (
        <EmptyState>
          {list.items.length === 0 ? 'No workflows.' : `No workflow matches “${filter}”.`}
        </EmptyState>
      ) : (
        <ul className="catalog-list" aria-label="Workflows">
          {shown.map((workflow) => (
            <li key={workflow.ref}>
              <CatalogLink
                className="link item-name"
                label={workflow.name}
                route={{ kind: 'workflow', workflowRef: workflow.ref }}
              />
              <span className="item-meta">
                {formatCount(workflow.tableCount)} {workflow.tableCount === 1 ? 'table' : 'tables'}
              </span>
              {workflow.description ? <p className="item-description">{workflow.description}</p> : null}
            </li>
          ))}
        </ul>
      )}
      {!list.loading ? <ListFooter list={list} noun="workflows" /> : null}
    </section>
  );
}
