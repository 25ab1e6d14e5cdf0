import type { InspectedFile, UploadSource } from '../../../shared/contract/uploadModel';
import { AppFailure, appError } from '../../../shared/contract/errors';
import { openSource } from './fileSource';
import { defaultOptions, previewSample, sniffDelimited, uploadTypeOf } from './fileSniffer';
import type { LocalFiles } from './localFiles';

/** Looks at each file before upload: readable, non-empty, tabular or not, parsing defaults. */
export async function inspectFiles(sources: UploadSource[], files: LocalFiles): Promise<InspectedFile[]> {
  return Promise.all(sources.map((source) => inspectOne(source, files)));
}

async function inspectOne(source: UploadSource, files: LocalFiles): Promise<InspectedFile> {
  const fallbackName = files.nameOf(source) ?? 'file';
  try {
    const file = await openSource(source, files);
    const type = uploadTypeOf(file.name);
    const options = type === 'delimited' ? await sniffDelimited(file.path, file.name) : defaultOptions;
    const sample = type === 'delimited' ? await previewSample(file.path) : undefined;
    return {
      source,
      name: file.name,
      size: file.size,
      kind: type ? 'tabular' : 'file',
      type,
      options,
      sample,
    };
  } catch (error) {
    const problem =
      error instanceof AppFailure
        ? error.appError
        : appError('io', `${fallbackName} cannot be read.`, {
            detail: error instanceof Error ? error.message : undefined,
          });
    const name = await files.resolve(source).then(
      (known) => known.name,
      () => fallbackName,
    );
    return { source, name, size: 0, kind: 'file', options: defaultOptions, problem };
  }
}
