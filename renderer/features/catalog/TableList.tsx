import { client } from '../../ui/client';
import { CatalogLink } from './CatalogLink';
import { formatBytes, formatCount } from './catalogFormat';
import { EmptyState, ErrorPanel, Loading } from './catalogStates';
import { ListFooter } from './ListFooter';
import { usePagedList } from './usePagedList';

/** The tables of a dataset version or a workflow, with row counts and sizes. */
export function TableList({
  container,
  loadId,
  refresh = 0,
}: {
  container: { kind: 'dataset' | 'workflow'; ref: string };
  loadId: string;
  /** A new value reloads the list in place (after an upload). */
  refresh?: number;
}) {
  const list = usePagedList(
    `tables:${container.kind}:${container.ref}`,
    (pageToken) => client().catalog.listTables({ container, pageToken, loadId }),
    refresh,
  );
  return (
    <section aria-labelledby="tables-heading">
      <h2 id="tables-heading">Tables</h2>
      {list.loading ? (
        <Loading label="Loading tables…" />
      ) : list.error && list.items.length === 0 ? (
        <ErrorPanel error={list.error} onRetry={list.reload} />
      ) : list.items.length === 0 ? (
        <EmptyState>This {container.kind} has no tables yet.</EmptyState>
      ) : (
        <table className="catalog-table">
          <thead>
            <tr>
              <th scope="col">Table</th>
              <th scope="col" className="number">
                Rows
              </th>
              <th scope="col" className="number">
                Variables
              </th>
              <th scope="col" className="number">
                Size
              </th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((table) => (
              <tr key={table.ref}>
                <th scope="row">
                  <CatalogLink
                    className="link item-name"
                    label={table.name}
                    route={{ kind: 'table', tableRef: table.ref }}
                  />
                  {table.isFileIndex ? <span className="badge">files</span> : null}
                  {table.description ? <div className="item-description">{table.description}</div> : null}
                </th>
                <td className="number">{formatCount(table.numRows)}</td>
                <td className="number">{formatCount(table.variableCount)}</td>
                <td className="number">{formatBytes(table.numBytes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!list.loading ? <ListFooter list={list} noun="tables" /> : null}
    </section>
  );
}
