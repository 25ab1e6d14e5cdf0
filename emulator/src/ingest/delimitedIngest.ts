/**
 * Delimited text (CSV, TSV, …) → Arrow. Two streaming passes over the file: the first settles
 * the header, the column count and one type per column; the second converts and writes batches.
 * Memory stays bounded by one batch whatever the file size.
 */
import fs from 'node:fs';
import { pipeline } from 'node:stream';
import { parse, type Info, type Options as CsvOptions } from 'csv-parse';
import type { BatchSink } from './batchSink.js';
import { classifyText, widenType } from './cellValues.js';
import { convertText } from './convertCell.js';
import { IngestError, type IngestOptions, type IngestResult, type VariableType } from './ingestTypes.js';
import { readSample, sniffDelimiter } from './sniffDelimiter.js';
import { RowBatcher } from './rowBatcher.js';
import { cleanVariableNames, positionalNames } from './variableNames.js';

interface ParsedRecord {
  record: string[];
  info: Info;
}

interface Dialect {
  delimiter: string;
  csv: CsvOptions;
  nullMarkers: Set<string>;
  allowJagged: boolean;
  skipBad: boolean;
}

function dialectFor(options: IngestOptions, delimiter: string): Dialect {
  const quote = options.quoteCharacter === '' ? false : (options.quoteCharacter ?? '"');
  const escape = options.escapeCharacter || (quote === false ? null : quote);
  return {
    delimiter,
    nullMarkers: new Set(options.nullMarkers ?? []),
    allowJagged: options.allowJaggedRows === true,
    skipBad: options.skipBadRecords === true,
    csv: {
      delimiter,
      quote,
      escape,
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: options.skipBadRecords === true,
    },
  };
}

async function* records(path: string, dialect: Dialect, onSkip: () => void): AsyncGenerator<ParsedRecord> {
  const parser = parse(dialect.csv);
  parser.on('skip', onSkip);
  pipeline(fs.createReadStream(path), parser, () => undefined);
  try {
    for await (const item of parser) yield item as ParsedRecord;
  } catch (err) {
    if (err instanceof IngestError) throw err;
    const message = err instanceof Error ? err.message : String(err);
    throw new IngestError(`Could not parse the delimited file: ${message}`);
  }
}

function isNull(cell: string | undefined, dialect: Dialect): boolean {
  return cell === undefined || cell === '' || dialect.nullMarkers.has(cell);
}

/** Decides whether a record fits the column count; throws or reports it as bad. */
function fits(record: string[], columns: number, dialect: Dialect, line: number): boolean {
  if (record.length === columns || (record.length < columns && dialect.allowJagged)) return true;
  if (dialect.skipBad) return false;
  const hint = record.length < columns ? ' (set allowJaggedRows to accept short rows)' : '';
  throw new IngestError(
    `Line ${line}: expected ${columns} values but found ${record.length}${hint}. ` +
      'Set skipBadRecords to skip such records.',
  );
}

function looksLikeHeader(record: string[], dialect: Dialect): boolean {
  return record.every((cell) => !isNull(cell, dialect) && classifyText(cell) === 'string');
}

interface Scan {
  names: string[];
  types: VariableType[];
  hasHeader: boolean;
  rows: number;
  bad: number;
}

async function scan(path: string, options: IngestOptions, dialect: Dialect): Promise<Scan> {
  let bad = 0;
  let rows = 0;
  let names: string[] | null = null;
  let hasHeader = false;
  let types: (VariableType | null)[] = [];
  for await (const { record, info } of records(path, dialect, () => bad++)) {
    if (names === null) {
      hasHeader = options.hasHeaderRow ?? looksLikeHeader(record, dialect);
      names = hasHeader ? cleanVariableNames(record) : positionalNames(record.length);
      types = names.map(() => null);
      if (hasHeader) continue;
    }
    if (!fits(record, names.length, dialect, info.lines)) {
      bad++;
      continue;
    }
    rows++;
    for (let c = 0; c < record.length; c++) {
      const cell = record[c];
      if (types[c] === 'string' || isNull(cell, dialect)) continue;
      types[c] = widenType(types[c] ?? null, classifyText(cell!));
    }
  }
  if (names === null) throw new IngestError('The file is empty.');
  return { names, types: types.map((t) => t ?? 'string'), hasHeader, rows, bad };
}

/** Written-out tabs (`\\t`, `tab`) are common in hand-made metadata; map them to the character. */
function explicitDelimiter(value: string | null | undefined): string | null {
  if (!value) return null;
  return value === '\\t' || value.toLowerCase() === 'tab' ? '\t' : value;
}

export async function ingestDelimited(
  inputPath: string,
  sink: BatchSink,
  options: IngestOptions,
): Promise<IngestResult> {
  const sample = await readSample(inputPath);
  if (sample.trim() === '') throw new IngestError('The file is empty.');
  const delimiter =
    explicitDelimiter(options.delimiter) ?? sniffDelimiter(sample, options.quoteCharacter || '"');
  const dialect = dialectFor(options, delimiter);
  const shape = await scan(inputPath, options, dialect);
  const variables = shape.names.map((name, i) => ({ name, type: shape.types[i]! }));
  const batcher = new RowBatcher(sink, variables, options.maxBatchRows, shape.rows);
  sink.progress?.(0.5);
  await batcher.begin();
  let first = true;
  for await (const { record, info } of records(inputPath, dialect, () => undefined)) {
    const isHeader = first && shape.hasHeader;
    first = false;
    if (isHeader || !fits(record, variables.length, dialect, info.lines)) continue;
    for (let c = 0; c < variables.length; c++) {
      const cell = record[c];
      batcher.set(c, isNull(cell, dialect) ? null : convertText(cell!, variables[c]!.type));
    }
    await batcher.endRow();
  }
  return {
    fileType: 'delimited',
    variables,
    numRows: await batcher.finish(),
    badRecordsCount: shape.bad,
    delimiter,
    hasHeaderRow: shape.hasHeader,
  };
}
