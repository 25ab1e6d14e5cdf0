import { useCallback, useEffect, useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { Destination, InspectedFile } from '../../../shared/contract/uploadModel';
import { client } from '../../ui/client';
import { toAppError } from '../../ui/errorText';
import { toUploadSource } from './localFiles';
import type { UploadTarget } from './uploadTarget';

export interface Preparation {
  files?: InspectedFile[];
  destination?: Destination;
  error?: AppError;
  /** Replaces the destination after a version action answered with a fresh one. */
  setDestination(destination: Destination): void;
}

/**
 * Gets the dropped files ready (their path, or staged in browser mode, then inspected) and
 * loads the destination, both in parallel; cancelled when the dialog closes.
 */
export function useUploadPreparation(files: File[], target: UploadTarget | null): Preparation {
  const [inspected, setInspected] = useState<InspectedFile[]>();
  // Kept with the target it belongs to, so a new target never shows the old destination.
  const [loaded, setLoaded] = useState<{ target: UploadTarget; destination: Destination }>();
  const [error, setError] = useState<AppError>();

  useEffect(() => {
    const abort = new AbortController();
    void (async () => {
      try {
        const sources = await Promise.all(files.map((file) => toUploadSource(file, abort.signal)));
        const result = await client().uploads.inspect({ sources });
        if (!abort.signal.aborted) setInspected(result);
      } catch (caught) {
        if (!abort.signal.aborted) setError(toAppError(caught));
      }
    })();
    return () => abort.abort();
  }, [files]);

  useEffect(() => {
    let live = true;
    if (!target) return;
    const request =
      target.kind === 'table'
        ? client().uploads.destination({ ref: target.tableRef, kind: 'table' })
        : client().uploads.destination({ ref: target.datasetRef, kind: 'dataset' });
    request.then(
      (value) => live && setLoaded({ target, destination: value }),
      (caught: unknown) => live && setError(toAppError(caught)),
    );
    return () => {
      live = false;
    };
  }, [target]);

  const replace = useCallback(
    (value: Destination) => setLoaded((current) => current && { ...current, destination: value }),
    [],
  );
  const destination = loaded && loaded.target === target ? loaded.destination : undefined;
  return { files: inspected, destination, error, setDestination: replace };
}
