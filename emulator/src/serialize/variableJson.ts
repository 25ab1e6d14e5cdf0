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
