export type UploadTarget =
  | { kind: 'table'; tableRef: string; tableName: string }
  | { kind: 'dataset'; datasetRef: string; datasetName: string };

/** Lets the user pick files to upload into a table or dataset (the alternative to dropping). */
export function UploadButton(props: { target: UploadTarget }) {
  void props;
  return null;
}
