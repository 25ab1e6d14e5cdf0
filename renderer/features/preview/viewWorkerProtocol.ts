import type { SortingState } from '@tanstack/react-table';
import type { BatchPart } from './batchAssembly';
import type { ViewFilter } from '../../../shared/contract/tableViewModel';

/** Messages to the local view worker. */
export type ViewWorkerRequest =
  /** One `preview.batch` event's bytes; `mirror` keeps a copy of the rows there, for views. */
  | { type: 'append'; previewId: string; ipc: Uint8Array; part?: BatchPart; mirror: boolean }
  /** Answered once every earlier message of the preview is handled (its last batch is back). */
  | { type: 'sync'; previewId: string; requestId: number }
  | { type: 'drop'; previewId: string }
  | { type: 'apply'; previewId: string; requestId: number; sorting: SortingState; filters: ViewFilter[] };

/** Its answers: whole IPC streams for the page, the display order of the loaded rows, or why it failed. */
export type ViewWorkerResponse =
  | { type: 'batch'; previewId: string; ipc: Uint8Array }
  | { type: 'batchFailed'; previewId: string; message: string }
  | { type: 'synced'; requestId: number }
  | { type: 'applied'; requestId: number; order: Uint32Array; tookMs: number }
  | { type: 'failed'; requestId: number; message: string };
