import type { PreviewColumn } from '../../../shared/contract/previewModel';
import type { RedivisApiClient } from '../redivis/apiClient';
import { getRowSource, rowSourceVariables } from '../redivis/api/rowSources';
import type { ApiVariable } from '../redivis/api/variables';

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function valueLabels(value: unknown): PreviewColumn['valueLabels'] {
  if (!Array.isArray(value)) return undefined;
  const labels = value
    .filter((item): item is { value: unknown; label: unknown } => !!item && typeof item === 'object')
    .map((item) => ({ value: String(item.value), label: String(item.label ?? '') }));
  return labels.length > 0 ? labels : undefined;
}

export function toPreviewColumn(variable: ApiVariable): PreviewColumn | undefined {
  if (typeof variable.name !== 'string') return undefined;
  return {
    name: variable.name,
    type: typeof variable.type === 'string' ? variable.type : 'string',
    label: text(variable.label),
    description: text(variable.description),
    valueLabels: valueLabels(variable.valueLabels),
  };
}

/** The table's variables (for the column chooser, headers and value labels) and its row count. */
export async function describeTable(
  api: RedivisApiClient,
  tableRef: string,
  signal?: AbortSignal,
): Promise<{ numRows?: number; columns: PreviewColumn[] }> {
  const [table, variables] = await Promise.all([
    getRowSource(api, tableRef, { signal }),
    (async () => {
      const all: PreviewColumn[] = [];
      for await (const variable of rowSourceVariables(api, tableRef, { signal })) {
        const column = toPreviewColumn(variable);
        if (column) all.push(column);
      }
      return all;
    })(),
  ]);
  return { numRows: table.numRows ?? table.outputNumRows, columns: variables };
}
