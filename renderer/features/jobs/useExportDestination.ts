import { useEffect, useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { ExportFormat } from '../../../shared/contract/exportModel';
import { client } from '../../ui/client';
import { toAppError } from '../../ui/errorText';
import { withFormatExtension } from './exportNaming';

export interface ExportDestinationState {
  directory?: string;
  fileName: string;
  /** The Node side has checked the folder and the name as they are now (no check pending). */
  checked: boolean;
  /** Something is already at the destination (checked as the name changes). */
  exists: boolean;
  /** A folder is already where a multi-part server export would go. */
  partsFolderExists: boolean;
  /** Why the folder or the name as they are now cannot be used (never about an earlier name). */
  error?: AppError;
  /** Asks for the place (the save dialog), or, with `directory`, uses that folder once the Node side accepts it. */
  choose(defaultName: string, format: ExportFormat, directory?: string): Promise<void>;
  setFileName(name: string): void;
  changeFormat(from: ExportFormat, to: ExportFormat): void;
}

/** What the Node side said about one folder and name. */
interface PathCheck {
  directory: string;
  fileName: string;
  exists: boolean;
  partsFolderExists: boolean;
  error?: AppError;
}

/**
 * Where the export goes. The folder comes from the save dialog (the native one in the desktop
 * app); the file name stays editable, and the Node side re-checks both before writing. Every
 * answer is kept with the name it was about, so what the dialog shows is always about the name
 * in the field: an answer for an earlier name is never shown, and a name not yet checked is not
 * ready to export.
 */
export function useExportDestination(): ExportDestinationState {
  const [directory, setDirectory] = useState<string>();
  const [fileName, setFileName] = useState('');
  const [check, setCheck] = useState<PathCheck>();
  const [chooseError, setChooseError] = useState<AppError>();
  const current = check && check.directory === directory && check.fileName === fileName ? check : undefined;

  useEffect(() => {
    if (!directory || !fileName.trim() || current) return;
    let live = true;
    const timer = setTimeout(() => {
      client()
        .jobs.checkExportPath({ directory, fileName })
        .then(
          (found) => live && setCheck({ ...found, directory, fileName }),
          (failure: unknown) =>
            live &&
            setCheck({
              directory,
              fileName,
              exists: false,
              partsFolderExists: false,
              error: toAppError(failure),
            }),
        );
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [directory, fileName, current]);

  return {
    directory,
    fileName,
    checked: !!current,
    exists: current?.exists ?? false,
    partsFolderExists: current?.partsFolderExists ?? false,
    error: chooseError ?? (fileName.trim() ? current?.error : undefined),
    async choose(defaultName, format, folder) {
      setChooseError(undefined);
      try {
        const chosen = await client().jobs.chooseExportPath({ defaultName, format, directory: folder });
        if (!chosen) return;
        setDirectory(chosen.directory);
        setFileName(chosen.fileName);
        setCheck(chosen);
      } catch (failure) {
        setChooseError(toAppError(failure));
      }
    },
    setFileName(name) {
      setChooseError(undefined);
      setFileName(name);
    },
    changeFormat(from, to) {
      setFileName((name) => withFormatExtension(name, from, to));
    },
  };
}
