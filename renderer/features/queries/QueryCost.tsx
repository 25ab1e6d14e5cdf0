import type { QueryInspection } from '../../../shared/contract/queryModel';
import { formatBytes } from './queryStatusText';

/** What the query will read (Redivis has no dry run): each table it names, with its size. */
export function QueryCost({ inspection }: { inspection?: QueryInspection }) {
  if (!inspection || inspection.tables.length === 0) return null;
  return (
    <ul className="qw-cost" aria-label="Tables this query reads">
      {inspection.tables.map((table) => (
        <li key={table.reference}>
          <code>{table.reference}</code>{' '}
          {table.problem ? (
            <span className="qw-cost-problem">— {table.problem}</span>
          ) : (
            <span className="muted">
              — {table.numRows === undefined ? '?' : table.numRows.toLocaleString('en-US')} rows
              {table.numBytes === undefined ? '' : ` · ${formatBytes(table.numBytes)}`}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
