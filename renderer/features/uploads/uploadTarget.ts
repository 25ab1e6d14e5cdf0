/** Where an upload goes: one table, or a dataset whose table is chosen per file. */
export type UploadTarget =
  | { kind: 'table'; tableRef: string; tableName: string }
  | { kind: 'dataset'; datasetRef: string; datasetName: string };
