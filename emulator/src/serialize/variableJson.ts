import type { VariableRecord } from '../store/model.js';

export function variableJson(
  variable: VariableRecord,
  index: number,
  parentUri: string,
  origin: string,
): Record<string, unknown> {
  const uri = `${parentUri}/variables/${encodeURIComponent(variable.name)}`;
  return {
    kind: 'variable',
    uri,
    url: `${origin}${uri}`,
    name: variable.name,
    type: variable.type,
    index,
    isFileId: variable.isFileId ?? false,
    label: variable.label,
    description: variable.description,
    valueLabels: variable.valueLabels,
  };
}

export function statisticsJson(variable: VariableRecord, parentUri: string): Record<string, unknown> {
  const uri = `${parentUri}/variables/${encodeURIComponent(variable.name)}/statistics`;
  const stats = variable.statistics;
  return {
    kind: 'variableStatistics',
    uri,
    name: variable.name,
    type: variable.type,
    status: 'completed',
    count: stats?.count ?? null,
    numDistinct: stats?.numDistinct ?? null,
    nullCount: stats?.nullCount ?? null,
    min: stats?.min ?? null,
    max: stats?.max ?? null,
    mean: stats?.mean ?? null,
    approxMedian: stats?.approxMedian ?? null,
    standardDeviation: stats?.standardDeviation ?? null,
  };
}
