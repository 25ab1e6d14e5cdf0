/**
 * Entry point: parse an uploaded file on disk into record batches (handed to a sink) plus its
 * variable list. Failures caused by the input throw {@link IngestError} whose message is
 * user-facing; the caller discards whatever the sink received.
 */
import fsp from 'node:fs/promises';
import type { BatchSink } from './batchSink.js';
import { ingestColumnar } from './columnarIngest.js';
import { ingestDelimited } from './delimitedIngest.js';
import { resolveFileType } from './fileType.js';
import { IngestError, type IngestOptions, type IngestResult } from './ingestTypes.js';
import { ingestNdjson } from './ndjsonIngest.js';

export async function ingestFile(
  inputPath: string,
  sink: BatchSink,
  options: IngestOptions = {},
): Promise<IngestResult> {
  const fileType = resolveFileType(options.type, options.fileName);
  const { size } = await fsp.stat(inputPath);
  if (size === 0) throw new IngestError('The file is empty.');
  switch (fileType) {
    case 'delimited':
      return ingestDelimited(inputPath, sink, options);
    case 'ndjson':
      return ingestNdjson(inputPath, sink, options);
    case 'arrow':
    case 'parquet':
      return ingestColumnar(fileType, inputPath, sink);
  }
}
