import { AppFailure, appError } from '../../../../shared/contract/errors';
import type { ExportTableInfo } from '../../../../shared/contract/exportModel';
import type { RedivisApiClient } from '../../redivis/apiClient';
import { queryIdOf } from '../../../../shared/contract/rowSource';
import { getRowSource, rowSourceVariables } from '../../redivis/api/rowSources';

interface ExportVariable {
  name: string;
  type: string;
  label: string | null;
}

/**
 * What the export dialog and the download engine need: size, columns and whether the data may
 * be downloaded. A table whose variables are hidden (overview access) is described as not
 * downloadable instead of failing, so the dialog can say why.
 */
export async function describeTableForExport(
  api: RedivisApiClient,
  tableRef: string,
  signal?: AbortSignal,
): Promise<ExportTableInfo> {
  // Both requests at once: the table's facts and its variables do not depend on each other.
  const listed = listVariables(api, tableRef, signal);
  listed.catch(() => undefined);
  const table = await getRowSource(api, tableRef, { signal });
  const { variables, hiddenReason } = await listed;
  const canDownload = table.canDownload !== false && !hiddenReason;
  return {
    tableRef,
    name: table.name ?? (queryIdOf(tableRef) ? 'Query result' : tableRef),
    numRows: table.numRows ?? table.outputNumRows ?? 0,
    numBytes: table.numBytes ?? table.outputNumBytes,
    canDownload,
    cannotDownloadReason: canDownload
      ? undefined
      : (hiddenReason ??
        'Your access to this table does not include downloading its data. Ask the owner for data access.'),
    variables,
  };
}

/** The variables, or none and why, when the table's data is hidden from this user. */
async function listVariables(
  api: RedivisApiClient,
  tableRef: string,
  signal?: AbortSignal,
): Promise<{ variables: ExportVariable[]; hiddenReason?: string }> {
  const variables: ExportVariable[] = [];
  try {
    for await (const variable of rowSourceVariables(api, tableRef, { signal })) {
      if (variable.name === undefined || variable.type === undefined) {
        throw new AppFailure(
          appError('server', 'The Redivis server sent a variable without a name or a type.'),
        );
      }
      variables.push({ name: variable.name, type: variable.type, label: variable.label ?? null });
    }
    return { variables };
  } catch (error) {
    if (
      !(error instanceof AppFailure) ||
      !['forbidden', 'insufficient_scope'].includes(error.appError.code)
    ) {
      throw error;
    }
    return {
      variables: [],
      hiddenReason:
        error.appError.code === 'insufficient_scope'
          ? 'The app was not given permission to read data. Sign in again and allow data access.'
          : 'You can see this table but not its data. Ask the owner for data access to download it.',
    };
  }
}
