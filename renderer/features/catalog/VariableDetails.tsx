import { useState } from 'react';
import type { CatalogVariable, VariableStatistics } from '../../../shared/contract/catalogModel';
import type { AppError } from '../../../shared/contract/errors';
import { client } from '../../ui/client';
import { toAppError } from '../../ui/errorText';
import { formatScalar } from './catalogFormat';
import { ErrorPanel, Loading } from './catalogStates';
import { useLoad } from './usePageLoad';

const statisticRows: [keyof VariableStatistics, string][] = [
  ['count', 'Non-null values'],
  ['nullCount', 'Nulls'],
  ['numDistinct', 'Distinct values'],
  ['min', 'Minimum'],
  ['max', 'Maximum'],
  ['mean', 'Mean'],
  ['approxMedian', 'Median (approx.)'],
  ['standardDeviation', 'Standard deviation'],
];

/** One variable's description and value labels, and its statistics when asked for. */
export function VariableDetails({
  tableRef,
  variable,
  loadId,
}: {
  tableRef: string;
  variable: CatalogVariable;
  loadId: string;
}) {
  // List answers may omit description and value labels (spec 3.3); the variable GET has them.
  const needsDetail = variable.valueLabels === undefined;
  const detail = useLoad(`${tableRef}:${variable.name}:${needsDetail}`, () =>
    needsDetail
      ? client().catalog.getVariable({ tableRef, name: variable.name, loadId })
      : Promise.resolve(variable),
  );
  const full = detail.status === 'ready' ? detail.value : variable;
  return (
    <div className="variable-details">
      {detail.status === 'loading' && needsDetail ? <Loading label="Loading variable…" /> : null}
      {detail.status === 'error' ? <ErrorPanel error={detail.error} onRetry={detail.reload} compact /> : null}
      <p className={full.description ? 'description' : 'muted'}>{full.description ?? 'No description.'}</p>
      {full.valueLabels && full.valueLabels.length > 0 ? (
        <table className="catalog-table value-labels" aria-label={`Value labels of ${variable.name}`}>
          <thead>
            <tr>
              <th scope="col">Value</th>
              <th scope="col">Label</th>
            </tr>
          </thead>
          <tbody>
            {full.valueLabels.map((entry) => (
              <tr key={String(entry.value)}>
                <td className="mono">{formatScalar(entry.value)}</td>
                <td>{entry.label}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <Statistics tableRef={tableRef} name={variable.name} loadId={loadId} />
    </div>
  );
}

function Statistics({ tableRef, name, loadId }: { tableRef: string; name: string; loadId: string }) {
  const [state, setState] = useState<
    | { status: 'idle' }
    | { status: 'loading' }
    | { status: 'ready'; stats: VariableStatistics }
    | { status: 'error'; error: AppError }
  >({ status: 'idle' });
  const load = async () => {
    setState({ status: 'loading' });
    try {
      const stats = await client().catalog.getVariableStatistics({ tableRef, name, loadId });
      setState({ status: 'ready', stats });
    } catch (failure) {
      const error = toAppError(failure);
      if (error.code !== 'cancelled') setState({ status: 'error', error });
    }
  };
  if (state.status === 'idle') {
    return (
      <button type="button" onClick={() => void load()} aria-label={`Show statistics for ${name}`}>
        Show statistics
      </button>
    );
  }
  if (state.status === 'loading') return <Loading label="Computing statistics…" />;
  if (state.status === 'error') return <ErrorPanel error={state.error} onRetry={() => void load()} compact />;
  const rows = statisticRows.filter(([key]) => state.stats[key] !== undefined && state.stats[key] !== null);
  return (
    <table className="catalog-table statistics" aria-label={`Statistics of ${name}`}>
      <tbody>
        {rows.map(([key, label]) => (
          <tr key={key}>
            <th scope="row">{label}</th>
            <td className="number">{formatScalar(state.stats[key] as VariableStatistics['count'])}</td>
          </tr>
        ))}
        {state.stats.status !== 'completed' ? (
          <tr>
            <th scope="row">Status</th>
            <td>{state.stats.status}</td>
          </tr>
        ) : null}
      </tbody>
    </table>
  );
}
