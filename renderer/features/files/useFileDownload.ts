import { useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import { client } from '../../ui/client';
import { toAppError } from '../../ui/errorText';

/** Starts a download job (the Node side asks where to save); its progress shows in the jobs panel. */
export function useFileDownload(tableRef: string) {
  const [error, setError] = useState<AppError>();
  const [started, setStarted] = useState<string>();
  /** `fileIds` undefined: every file under `folder`. */
  const download = (fileIds: string[] | undefined, folder: string) => {
    setError(undefined);
    client()
      .files.download({ tableRef, fileIds, folder })
      .then(
        (job) => setStarted(job ? job.title : undefined),
        (failure: unknown) => setError(toAppError(failure)),
      );
  };
  return { download, error, started };
}
