import { useEffect, useState } from 'react';
import { client } from '../../ui/client';
import { EmptyState, ErrorPanel, Loading } from './catalogStates';
import { matchesFilter, useCatalogView } from './catalogStore';
import { ListFooter } from './ListFooter';
import { usePagedList } from './usePagedList';
import { VariableDetails } from './VariableDetails';

const RENDER_STEP = 100;

/**
 * The variables of a table: name, type and label in a list filterable as you type; opening
 * one shows its description, value labels and, on request, its statistics.
 */
export function VariableList({
  tableRef,
  loadId,
  refresh,
}: {
  tableRef: string;
  loadId: string;
  refresh: number;
}) {
  const filterKey = `variables:${tableRef}`;
  const filter = useCatalogView((state) => state.filters[filterKey] ?? '');
  const setFilter = useCatalogView((state) => state.setFilter);
  const open = useCatalogView((state) => state.openVariable[tableRef]);
  const setOpen = useCatalogView((state) => state.setOpenVariable);
  const list = usePagedList(
    `variables:${tableRef}`,
    (pageToken) => client().catalog.listVariables({ tableRef, pageToken, loadId }),
    refresh,
  );
  const { hasMore, loadingMore, error, loadMore } = list;
  useEffect(() => {
    if (filter.trim() && hasMore && !loadingMore && !error) loadMore();
  }, [filter, hasMore, loadingMore, error, loadMore]);
  const shown = list.items.filter((v) => matchesFilter(filter, v.name, v.label, v.description));
  // A wide table has hundreds of variables: laid out at once, they held the page up for 100+ ms
  // while its rows loaded. Rows are added a step at a time as the list scrolls (and the one
  // opened stays in), the same way further pages are fetched.
  const [limit, setLimit] = useState(RENDER_STEP);
  const rendered = shown.slice(0, Math.max(limit, shown.findIndex((v) => v.name === open) + 1));
  const footer =
    rendered.length < shown.length
      ? {
          ...list,
          hasMore: true,
          loadingMore: false,
          error: undefined,
          loadMore: () => setLimit(limit + RENDER_STEP),
        }
      : list;
  return (
    <section aria-labelledby="variables-heading" className="variables">
      <div className="section-header">
        <h2 id="variables-heading">Variables</h2>
        {list.items.length > 8 ? (
          <input
            type="search"
            className="list-filter"
            aria-label="Filter variables"
            placeholder="Filter variables"
            value={filter}
            onChange={(event) => setFilter(filterKey, event.target.value)}
          />
        ) : null}
      </div>
      {list.loading ? (
        <Loading label="Loading variables…" />
      ) : list.error && list.items.length === 0 ? (
        <ErrorPanel error={list.error} onRetry={list.reload} />
      ) : list.items.length === 0 ? (
        <EmptyState>This table has no variables yet.</EmptyState>
      ) : shown.length === 0 ? (
        <EmptyState>No variable matches “{filter}”.</EmptyState>
      ) : (
        <table className="catalog-table variables-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Type</th>
              <th scope="col">Label</th>
              <th scope="col">Description</th>
            </tr>
          </thead>
          <tbody>
            {rendered.map((variable) => {
              const expanded = open === variable.name;
              return [
                <tr key={variable.name} className={expanded ? 'expanded' : undefined}>
                  <th scope="row">
                    <button
                      type="button"
                      className="link item-name mono"
                      aria-expanded={expanded}
                      aria-label={`${variable.name}: ${expanded ? 'hide' : 'show'} details`}
                      onClick={() => setOpen(tableRef, expanded ? undefined : variable.name)}
                    >
                      {variable.name}
                    </button>
                  </th>
                  <td className="type">{variable.type}</td>
                  <td>{variable.label ?? ''}</td>
                  <td className="truncate" title={variable.description}>
                    {variable.description ?? ''}
                  </td>
                </tr>,
                expanded ? (
                  <tr key={`${variable.name}-details`} className="variable-details-row">
                    <td colSpan={4}>
                      <VariableDetails tableRef={tableRef} variable={variable} loadId={loadId} />
                    </td>
                  </tr>
                ) : null,
              ];
            })}
          </tbody>
        </table>
      )}
      {!list.loading ? <ListFooter list={footer} noun="variables" /> : null}
    </section>
  );
}
