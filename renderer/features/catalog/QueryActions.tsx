import { openQueryTab } from '../queries/queriesStore';
import { useNavigation } from './navigationStore';

function openWorkbench(tab: Parameters<typeof openQueryTab>[0]): void {
  openQueryTab(tab);
  useNavigation.getState().go({ kind: 'queries' });
}

/** Toolbar and sidebar: a new, empty query. */
export function NewQueryButton({ className = 'new-query' }: { className?: string }) {
  return (
    <button
      type="button"
      className={className}
      title="New query (SQL run on Redivis)"
      onClick={() => openWorkbench({})}
    >
      New query
    </button>
  );
}

/** Table page: a query over this table, ready to run. */
export function QueryTableButton({ tableRef, tableName }: { tableRef: string; tableName: string }) {
  return (
    <button
      type="button"
      onClick={() =>
        openWorkbench({
          title: tableName,
          sql: `SELECT *\nFROM \`${tableRef.replace(/`/g, '')}\`\nLIMIT 1000`,
        })
      }
    >
      Query this table
    </button>
  );
}

/** Dataset page: bare table names resolve in this dataset. */
export function QueryDatasetButton({ datasetRef, datasetName }: { datasetRef: string; datasetName: string }) {
  return (
    <button
      type="button"
      onClick={() => openWorkbench({ title: datasetName, defaultDataset: datasetRef, sql: '' })}
    >
      Query this dataset
    </button>
  );
}
