/**
 * The SQL relation (a SELECT over Parquet) holding a table's rows as the API serves them: the
 * table's variables in order and with their types, rows of every source (released data, rows
 * inherited by a draft, completed uploads) in source order. A source lacking a variable, or
 * holding it with another type, gives NULLs there, as read streams do.
 */
import type { DataType } from 'apache-arrow';
import { segmentInfo } from '../readSessions/segmentInfo.js';
import type { VariableRecord, VariableType } from '../store/model.js';
import type { RowSource } from '../store/tableSources.js';
import { arrowTypeFor } from '../store/variables.js';
import { parquetPartsOf } from './segmentParquet.js';
import { quoteIdentifier, stringLiteral } from './sqlText.js';

export function duckTypeFor(type: VariableType): string {
  switch (type) {
    case 'integer':
      return 'BIGINT';
    case 'float':
      return 'DOUBLE';
    case 'boolean':
      return 'BOOLEAN';
    case 'date':
      return 'DATE';
    case 'dateTime':
      return 'TIMESTAMP';
    case 'time':
      return 'TIME';
    case 'string':
    case 'geography':
      return 'VARCHAR';
  }
}

function sameType(a: DataType, b: DataType): boolean {
  return a.typeId === b.typeId && String(a) === String(b);
}

export interface RelationOptions {
  /** Adds `_upload_name` (the source's upload, NULL for inherited rows), as drafts have. */
  uploadNameColumn: boolean;
  /** Serves only the leading rows (`:sample` references). */
  limit: number | null;
}

export async function tableRelation(
  dataDir: string,
  sources: readonly RowSource[],
  variables: readonly VariableRecord[],
  options: RelationOptions,
): Promise<string> {
  const selects: string[] = [];
  for (const source of sources) {
    const files = await parquetPartsOf(dataDir, source.segment);
    if (files.length === 0) continue;
    const { schema } = await segmentInfo(dataDir, source.segment.file);
    const columns = variables.map((v) => {
      const field = schema.fields.find((f) => f.name.toLowerCase() === v.name.toLowerCase());
      const name = quoteIdentifier(v.name);
      if (field && sameType(field.type, arrowTypeFor(v.type)))
        return `${quoteIdentifier(field.name)} AS ${name}`;
      return `CAST(NULL AS ${duckTypeFor(v.type)}) AS ${name}`;
    });
    if (options.uploadNameColumn) {
      columns.push(
        `${source.uploadName === null ? 'CAST(NULL AS VARCHAR)' : stringLiteral(source.uploadName)} AS _upload_name`,
      );
    }
    const list = files.map((f) => stringLiteral(f)).join(', ');
    selects.push(`SELECT ${columns.join(', ')} FROM read_parquet([${list}])`);
  }
  if (selects.length === 0) {
    const columns = variables.map(
      (v) => `CAST(NULL AS ${duckTypeFor(v.type)}) AS ${quoteIdentifier(v.name)}`,
    );
    if (options.uploadNameColumn) columns.push('CAST(NULL AS VARCHAR) AS _upload_name');
    selects.push(`SELECT ${columns.join(', ')} WHERE false`);
  }
  const union = selects.join(' UNION ALL ');
  return options.limit === null ? union : `SELECT * FROM (${union}) LIMIT ${options.limit}`;
}
