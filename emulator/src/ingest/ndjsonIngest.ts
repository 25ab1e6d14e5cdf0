/**
 * Newline-delimited JSON → Arrow, in two streaming passes like delimited files: the first
 * collects top-level keys (in order of first appearance) and a type per key, the second writes.
 * Nested objects and arrays are stored as their JSON text.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import type { BatchSink } from './batchSink.js';
import { classifyJsonString, widenType } from './cellValues.js';
import { convertJson } from './convertCell.js';
import { IngestError, type IngestOptions, type IngestResult, type VariableType } from './ingestTypes.js';
import { RowBatcher } from './rowBatcher.js';
import { cleanVariableNames } from './variableNames.js';

type JsonObject = Record<string, unknown>;

async function* objects(path: string, skipBad: boolean, onBad: () => void): AsyncGenerator<JsonObject> {
  const lines = readline.createInterface({
    input: fs.createReadStream(path),
    crlfDelay: Infinity,
  });
  let lineNumber = 0;
  for await (const rawLine of lines) {
    lineNumber++;
    const line = lineNumber === 1 ? rawLine.replace(/^\uFEFF/, '') : rawLine;
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      value = undefined;
    }
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      yield value as JsonObject;
      continue;
    }
    if (!skipBad) {
      lines.close();
      throw new IngestError(
        `Line ${lineNumber}: not a JSON object. Set skipBadRecords to skip such records.`,
      );
    }
    onBad();
  }
}

function classifyJson(value: unknown): VariableType {
  switch (typeof value) {
    case 'number':
      return Number.isSafeInteger(value) ? 'integer' : 'float';
    case 'boolean':
      return 'boolean';
    case 'string':
      return classifyJsonString(value);
    default:
      return 'string';
  }
}

export async function ingestNdjson(
  inputPath: string,
  sink: BatchSink,
  options: IngestOptions,
): Promise<IngestResult> {
  const skipBad = options.skipBadRecords === true;
  const keys = new Map<string, number>();
  const types: (VariableType | null)[] = [];
  let bad = 0;
  let rows = 0;
  for await (const object of objects(inputPath, skipBad, () => bad++)) {
    rows++;
    for (const [key, value] of Object.entries(object)) {
      let index = keys.get(key);
      if (index === undefined) {
        index = keys.size;
        keys.set(key, index);
        types.push(null);
      }
      if (value === null || types[index] === 'string') continue;
      types[index] = widenType(types[index] ?? null, classifyJson(value));
    }
  }
  if (rows === 0 && bad === 0) throw new IngestError('The file is empty.');
  if (keys.size === 0) throw new IngestError('The file contains no fields to import.');

  const rawKeys = [...keys.keys()];
  const names = cleanVariableNames(rawKeys);
  const variables = names.map((name, i) => ({ name, type: types[i] ?? 'string' }));
  const batcher = new RowBatcher(sink, variables, options.maxBatchRows, rows);
  sink.progress?.(0.5);
  await batcher.begin();
  for await (const object of objects(inputPath, true, () => undefined)) {
    for (let c = 0; c < variables.length; c++) {
      batcher.set(c, convertJson(object[rawKeys[c]!], variables[c]!.type));
    }
    await batcher.endRow();
  }
  const numRows = await batcher.finish();
  return { fileType: 'ndjson', variables, numRows, badRecordsCount: bad };
}
