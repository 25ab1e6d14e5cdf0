import type { SortingState } from '@tanstack/react-table';
import type { BatchPart } from './batchAssembly';
import type { ViewFilter } from '../../../shared/contract/tableViewModel';

/** Messages to the local view worker. */
export type ViewWorkerRequest =
  | { type: 'append'; previewId: string; ipc: Uint8Array; part?: BatchPart }
  | { type: 'drop'; previewId: string }
  | { type: 'apply'; previewId: string; requestId: number; sorting: SortingState; filters: ViewFilter[] };

/** Its answers: the display order of the loaded rows (row indexes), or why it failed. */
export type ViewWorkerResponse =
  | { type: 'applied'; requestId: number; order: Uint32Array; tookMs: number }
  | { type: 'failed'; requestId: number; message: string };
