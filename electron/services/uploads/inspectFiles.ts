import type { InspectedFile, UploadSource } from '../../../shared/contract/uploadModel';
import { AppFailure, appError } from '../../../shared/contract/errors';
import { openSource } from './fileSource';
import { defaultOptions, sniffDelimited, uploadTypeOf } from './fileSniffer';
import type { StagingArea } from './stagingArea';

/** Looks at each file before upload: readable, non-empty, tabular or not, parsing defaults. */
export async function inspectFiles(sources: UploadSource[], staging: StagingArea): Promise<InspectedFile[]> {
  return Promise.all(sources.map((source) => inspectOne(source, staging)));
}

async function inspectOne(source: UploadSource, staging: StagingArea): Promise<InspectedFile> {
  const fallbackName = source.kind === 'path' ? (source.path.split(/[\\/]/).pop() ?? source.path) : 'file';
  try {
    const file = await openSource(source, staging);
    const type = uploadTypeOf(file.name);
    const options = type === 'delimited' ? await sniffDelimited(file.path, file.name) : defaultOptions;
    return { source, name: file.name, size: file.size, kind: type ? 'tabular' : 'file', type, options };
  } catch (error) {
    const problem =
      error instanceof AppFailure
        ? error.appError
        : appError('io', `${fallbackName} cannot be read.`, {
            detail: error instanceof Error ? error.message : undefined,
          });
    const name = source.kind === 'staged' ? await stagedName(source.stagingId, staging) : fallbackName;
    return { source, name, size: 0, kind: 'file', options: defaultOptions, problem };
  }
}

async function stagedName(id: string, staging: StagingArea): Promise<string> {
  return staging.resolve(id).then(
    (staged) => staged.name,
    () => 'file',
  );
}
