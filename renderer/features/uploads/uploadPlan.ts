import type {
  ConflictChoice,
  Destination,
  InspectedFile,
  StartUpload,
  UploadOptions,
} from '../../../shared/contract/uploadModel';
import { tableNameFor } from './localFiles';
import type { UploadTarget } from './uploadTarget';

/** Where one file goes: an existing table of the unreleased version, or a new one. */
export type PlanInto =
  | { kind: 'table'; tableRef: string; tableName: string; isFileIndex: boolean }
  | { kind: 'newTable'; tableName: string; isFileIndex: boolean };

/** The user's choices for one file in the upload dialog. */
export interface FilePlan {
  file: InspectedFile;
  into: PlanInto;
  name: string;
  options: UploadOptions;
  /** An upload of this name already exists on the chosen table. */
  exists: boolean;
  /** Undefined until the user chooses (an append table gets no default: see `conflictDefault`). */
  onConflict?: ConflictChoice;
  /** Why this file cannot go where it is planned (then it is left out). */
  blocked?: string;
}

/** Sensible first choices for a file, from where it was dropped and what it is. */
export function initialPlan(file: InspectedFile, target: UploadTarget, destination: Destination): FilePlan {
  const base = { file, name: file.name, options: file.options, exists: false };
  if (target.kind === 'table') {
    const table = destination.tables.find((t) => t.name === destination.tableName);
    const into: PlanInto = table
      ? { kind: 'table', tableRef: table.tableRef, tableName: table.name, isFileIndex: table.isFileIndex }
      : {
          kind: 'newTable',
          tableName: destination.tableName ?? tableNameFor(file.name),
          isFileIndex: file.kind === 'file',
        };
    return withBlock({ ...base, into });
  }
  if (file.kind === 'file') {
    const index = destination.tables.find((t) => t.isFileIndex);
    const into: PlanInto = index
      ? { kind: 'table', tableRef: index.tableRef, tableName: index.name, isFileIndex: true }
      : { kind: 'newTable', tableName: 'files', isFileIndex: true };
    return withBlock({ ...base, into });
  }
  const tableName = tableNameFor(file.name);
  const same = destination.tables.find((t) => t.name === tableName && !t.isFileIndex);
  const into: PlanInto = same
    ? { kind: 'table', tableRef: same.tableRef, tableName, isFileIndex: false }
    : { kind: 'newTable', tableName, isFileIndex: false };
  return withBlock({ ...base, into });
}

/** Marks plans that cannot work: unreadable files, or non-data files into a data table. */
export function withBlock(plan: FilePlan): FilePlan {
  let blocked: string | undefined;
  if (plan.file.problem) blocked = plan.file.problem.message;
  else if (plan.file.kind === 'file' && !plan.into.isFileIndex) {
    blocked = `${plan.file.name} is not a data file Redivis can import into a table; drop it on a file index table.`;
  }
  return { ...plan, blocked };
}

export function toStartParams(plan: FilePlan, datasetRef: string): StartUpload {
  const into: StartUpload['into'] =
    plan.into.kind === 'table'
      ? { kind: 'table', tableRef: plan.into.tableRef }
      : { kind: 'newTable', datasetRef, tableName: plan.into.tableName, isFileIndex: plan.into.isFileIndex };
  return {
    source: plan.file.source,
    into,
    name: plan.name,
    options: plan.file.kind === 'tabular' ? plan.options : undefined,
    onConflict: plan.exists ? (plan.onConflict ?? 'fail') : 'fail',
  };
}

/**
 * The choice a name conflict starts with. On a table whose uploads add rows ("append"),
 * keeping both would add the same rows twice, so the user must choose; elsewhere a copy under
 * a new name is the harmless default.
 */
export function conflictDefault(mergeStrategy: 'append' | 'replace' | undefined): ConflictChoice | undefined {
  return mergeStrategy === 'append' ? undefined : 'rename';
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
