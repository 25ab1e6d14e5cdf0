import { create } from 'zustand';
import type { UploadTarget } from './uploadTarget';

/** Files chosen by a drop or the picker, waiting in the upload dialog. */
export interface UploadDraft {
  files: File[];
  /** Where they were dropped; null asks the user. */
  target: UploadTarget | null;
}

interface UploadsState {
  draft: UploadDraft | null;
  /** Upload jobs started from this window, newest first (ids only: jobs live on the Node side). */
  jobIds: string[];
  open(draft: UploadDraft): void;
  close(): void;
  started(jobIds: string[]): void;
  forget(jobId: string): void;
}

/** View state of uploads: the open dialog and which jobs this window follows. */
export const useUploads = create<UploadsState>((set) => ({
  draft: null,
  jobIds: [],
  open: (draft) => set({ draft }),
  close: () => set({ draft: null }),
  started: (jobIds) => set((state) => ({ jobIds: [...jobIds, ...state.jobIds].slice(0, 50) })),
  forget: (jobId) => set((state) => ({ jobIds: state.jobIds.filter((id) => id !== jobId) })),
}));
