import type { PreviewColumn } from '../../../shared/contract/previewModel';
import type { RedivisApiClient } from '../redivis/apiClient';
import { tablePath } from '../redivis/readSession';

interface VariableBody {
  name?: unknown;
  type?: unknown;
  label?: unknown;
  description?: unknown;
  valueLabels?: unknown;
}

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

export function toPreviewColumn(variable: VariableBody): PreviewColumn | undefined {
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
  const path = tablePath(tableRef);
  const [table, variables] = await Promise.all([
    // A query result says `outputNumRows` where a table says `numRows`.
    api.get<{ numRows?: unknown; outputNumRows?: unknown }>(path, { signal, what: 'this table' }),
    (async () => {
      const all: PreviewColumn[] = [];
      for await (const variable of api.all<VariableBody>(`${path}/variables`, {
        signal,
        pageSize: 1000,
        what: "this table's variables",
      })) {
        const column = toPreviewColumn(variable);
        if (column) all.push(column);
      }
      return all;
    })(),
  ]);
  const numRows = Number(table?.numRows ?? table?.outputNumRows);
  return { numRows: Number.isFinite(numRows) ? numRows : undefined, columns: variables };
}
