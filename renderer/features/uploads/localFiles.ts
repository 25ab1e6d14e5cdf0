import { AppFailure, appError } from '../../../shared/contract/errors';
import { localFilesKey, type LocalFiles } from '../../../shared/contract/uploadFiles';
import type { UploadSource } from '../../../shared/contract/uploadModel';

function desktopFiles(): LocalFiles | undefined {
  return (window as unknown as Record<string, LocalFiles | undefined>)[localFilesKey];
}

/**
 * Turns dropped or picked files into upload sources, always by an id the Node side handed out.
 * The desktop preload registers the file's path with the Node side itself; a browser has no
 * path, so the file is streamed to the app's staging folder first (same-origin, with the
 * launch cookie) and named by its staging id.
 */
export async function toUploadSource(file: File, signal?: AbortSignal): Promise<UploadSource> {
  const fileId = await desktopFiles()?.register(file);
  if (fileId) return { kind: 'picked', fileId };
  let response: Response;
  try {
    response = await fetch('/local/stage', {
      method: 'POST',
      body: file,
      headers: { 'X-File-Name': encodeURIComponent(file.name) },
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw new AppFailure(appError('cancelled', 'Cancelled.'));
    throw new AppFailure(
      appError('io', `${file.name} could not be read.`, {
        detail: error instanceof Error ? error.message : undefined,
      }),
    );
  }
  if (!response.ok) {
    throw new AppFailure(
      appError('io', `${file.name} could not be prepared for upload.`, { detail: `HTTP ${response.status}` }),
    );
  }
  const { stagingId } = (await response.json()) as { stagingId: string };
  return { kind: 'staged', stagingId };
}

/** A table name from a file name: `Wave 2 (final).csv` → `wave_2_final`. */
export function tableNameFor(fileName: string): string {
  const stem = fileName.replace(/\.shp\.zip$/i, '').replace(/\.[^.]+$/, '');
  const name = stem
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return name || 'new_table';
}
