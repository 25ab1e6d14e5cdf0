/**
 * Runs a translated query: declares each referenced table as a temporary view over its Parquet
 * copies, checks the syntax (so errors carry the user's line and column), asks DuckDB for the
 * result columns, then writes the result to Parquet with COPY (on disk, so memory stays
 * bounded whatever the result size) and stores it as an ordinary Arrow segment, which the
 * read-session, rows and export machinery serve like any table.
 */
import fs from 'node:fs';
import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { tableFromIPC, type RecordBatch } from 'apache-arrow';
import { ParquetFile, type RecordBatch as WasmRecordBatch } from 'parquet-wasm/node';
import { batchFromColumns } from '../ingest/batchSink.js';
import { normalizeColumn } from '../ingest/normalizeColumns.js';
import { randomId } from '../store/ids.js';
import type { DataSegment, VariableRecord } from '../store/model.js';
import { SEGMENTS_DIR, SegmentWriter } from '../store/segmentFiles.js';
import { newVariable, schemaFor } from '../store/variables.js';
import { engineFor } from './engine.js';
import { resultColumns, type ResultColumn } from './resultColumns.js';
import { adoptParquet } from './segmentParquet.js';
import { lineAndColumn, SqlError } from './sqlError.js';
import { quoteIdentifier, sourceOffset, stringLiteral } from './sqlText.js';
import type { Translation } from './translate.js';

export interface ViewDefinition {
  name: string;
  /** SELECT producing the table's rows (see tableRelation). */
  relation: string;
}

export interface QueryOutput {
  segment: DataSegment;
  variables: VariableRecord[];
}

/** DuckDB messages end with an excerpt of the translated SQL, which would only confuse. */
export function engineMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split(/\n\s*\nLINE \d+:/)[0]?.trim() ?? message;
}

interface SerializeResult {
  error?: boolean;
  error_message?: string;
  position?: string;
}

async function checkSyntax(
  connection: DuckDBConnection,
  original: string,
  translation: Translation,
): Promise<void> {
  const reader = await connection.runAndReadAll('SELECT json_serialize_sql(CAST($1 AS VARCHAR))', [
    translation.sql,
  ]);
  const text = reader.getRows()[0]?.[0];
  const parsed = JSON.parse(typeof text === 'string' ? text : '{}') as SerializeResult;
  if (!parsed.error) return;
  const message = parsed.error_message ?? 'syntax error';
  if (parsed.position === undefined) throw new SqlError(`Syntax error: ${message}`);
  const offset = sourceOffset(translation.out, Number(parsed.position));
  throw new SqlError(`Syntax error: ${message} at ${lineAndColumn(original, offset)}`, offset);
}

async function describe(connection: DuckDBConnection, sql: string): Promise<ResultColumn[]> {
  let prepared;
  try {
    // The statement itself, not wrapped: a subquery would rename duplicate columns (a, a_1).
    prepared = await connection.prepare(sql);
  } catch (error) {
    throw new SqlError(engineMessage(error));
  }
  const columns = Array.from({ length: prepared.columnCount }, (_, i) => ({
    name: prepared.columnName(i),
    type: prepared.columnType(i).toString(),
  }));
  prepared.destroySync();
  return resultColumns(columns);
}

async function* parquetBatches(path: string): AsyncGenerator<RecordBatch> {
  const file = await ParquetFile.fromFile(await fs.openAsBlob(path));
  try {
    const stream = await file.stream({ batchSize: 65_536 });
    for await (const wasmBatch of stream as AsyncIterable<WasmRecordBatch>) {
      for (const batch of tableFromIPC(wasmBatch.intoIPCStream()).batches) yield batch;
    }
  } finally {
    file.free();
  }
}

async function storeResult(
  dataDir: string,
  parquet: string,
  variables: VariableRecord[],
  rows: number,
): Promise<DataSegment> {
  const schema = schemaFor(variables);
  const writer = await SegmentWriter.create(dataDir, schema);
  try {
    if (rows > 0) {
      for await (const batch of parquetBatches(parquet)) {
        if (batch.numRows === 0) continue;
        const columns = variables.map((v, i) =>
          normalizeColumn(batch.data.children[i] ?? batch.data, v.type === 'geography' ? 'string' : v.type),
        );
        await writer.write(batchFromColumns(schema, columns, batch.numRows));
      }
    }
    return await writer.finish();
  } catch (error) {
    await writer.abort();
    throw error;
  }
}

export async function runQuery(
  dataDir: string,
  original: string,
  translation: Translation,
  views: readonly ViewDefinition[],
): Promise<QueryOutput> {
  const engine = await engineFor(dataDir);
  const parquet = join(dataDir, SEGMENTS_DIR, `${randomId(16)}.result.parquet`);
  try {
    const { columns, rows } = await engine.withConnection(async (connection) => {
      for (const view of views) {
        await connection.run(`CREATE TEMP VIEW ${quoteIdentifier(view.name)} AS ${view.relation}`);
      }
      await checkSyntax(connection, original, translation);
      const described = await describe(connection, translation.sql);
      const aliases = described.map((_, i) => `c${i}`).join(', ');
      const select = `SELECT ${described.map((c) => c.expression).join(', ')} FROM (${translation.sql}\n) AS __q(${aliases})`;
      try {
        const copied = await connection.runAndReadAll(
          `COPY (${select}) TO ${stringLiteral(parquet)} (FORMAT parquet, ROW_GROUP_SIZE 122880)`,
        );
        return { columns: described, rows: Number(copied.getRows()[0]?.[0] ?? 0) };
      } catch (error) {
        throw new SqlError(engineMessage(error));
      }
    });
    const variables = columns.map((c) => newVariable(c.name, c.type));
    const segment = await storeResult(dataDir, parquet, variables, rows);
    await adoptParquet(dataDir, segment, parquet);
    return { segment, variables };
  } catch (error) {
    await unlink(parquet).catch(() => undefined);
    throw error;
  }
}
