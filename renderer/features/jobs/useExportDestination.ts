import { useEffect, useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { ExportFormat } from '../../../shared/contract/exportModel';
import { client } from '../../ui/client';
import { toAppError } from '../../ui/errorText';
import { withFormatExtension } from './exportNaming';

export interface ExportDestinationState {
  directory?: string;
  fileName: string;
  /** Something is already at the destination (checked as the name changes). */
  exists: boolean;
  /** A folder is already where a multi-part server export would go. */
  partsFolderExists: boolean;
  error?: AppError;
  choose(defaultName: string, format: ExportFormat): Promise<void>;
  setFileName(name: string): void;
  changeFormat(from: ExportFormat, to: ExportFormat): void;
}

/**
 * Where the export goes. The folder comes from the save dialog (the native one in the desktop
 * app); the file name stays editable, and the Node side re-checks both before writing.
 */
export function useExportDestination(): ExportDestinationState {
  const [directory, setDirectory] = useState<string>();
  const [fileName, setFileName] = useState('');
  const [exists, setExists] = useState(false);
  const [partsFolderExists, setPartsFolderExists] = useState(false);
  const [error, setError] = useState<AppError>();

  useEffect(() => {
    if (!directory || !fileName.trim()) return;
    let live = true;
    const timer = setTimeout(() => {
      client()
        .jobs.checkExportPath({ directory, fileName })
        .then(
          (check) => {
            if (!live) return;
            setExists(check.exists);
            setPartsFolderExists(check.partsFolderExists);
            setError(undefined);
          },
          (failure: unknown) => live && setError(toAppError(failure)),
        );
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [directory, fileName]);

  return {
    directory,
    fileName,
    exists,
    partsFolderExists,
    error,
    async choose(defaultName, format) {
      setError(undefined);
      try {
        const chosen = await client().jobs.chooseExportPath({ defaultName, format });
        if (!chosen) return;
        setDirectory(chosen.directory);
        setFileName(chosen.fileName);
        setExists(chosen.exists);
        setPartsFolderExists(chosen.partsFolderExists);
      } catch (failure) {
        setError(toAppError(failure));
      }
    },
    setFileName(name) {
      setExists(false);
      setPartsFolderExists(false);
      setFileName(name);
    },
    changeFormat(from, to) {
      setFileName((name) => withFormatExtension(name, from, to));
    },
  };
}
