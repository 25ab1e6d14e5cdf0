/**
 * Result columns of a query as Redivis variables: DuckDB types mapped to variable types (and
 * cast to the exact storage type read streams use), names as BigQuery gives them (`f0_`, `f1_`…
 * for expressions without an alias), duplicate names refused as BigQuery refuses them.
 */
import type { VariableType } from '../store/model.js';
import { SqlError } from './sqlError.js';
import { quoteIdentifier } from './sqlText.js';

export interface EngineColumn {
  name: string;
  /** DuckDB's type, e.g. `BIGINT`, `DECIMAL(18,3)`, `TIMESTAMP WITH TIME ZONE`. */
  type: string;
}

export interface ResultColumn {
  name: string;
  type: VariableType;
  /** SQL computing the stored value from the positional column `c<i>`. */
  expression: string;
}

const INTEGER = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT)$/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const NOT_NAMES = new Set(['TRUE', 'FALSE', 'NULL']);

function variableType(column: EngineColumn): { type: VariableType; cast: string } {
  const type = column.type;
  if (INTEGER.test(type) || type === '"NULL"' || type === 'NULL') return { type: 'integer', cast: 'BIGINT' };
  if (type === 'DOUBLE' || type === 'FLOAT' || type.startsWith('DECIMAL'))
    return { type: 'float', cast: 'DOUBLE' };
  if (type === 'VARCHAR' || type === 'UUID') return { type: 'string', cast: 'VARCHAR' };
  if (type === 'BOOLEAN') return { type: 'boolean', cast: 'BOOLEAN' };
  if (type === 'DATE') return { type: 'date', cast: 'DATE' };
  if (/^TIMESTAMP/.test(type)) return { type: 'dateTime', cast: 'TIMESTAMP' };
  if (type === 'TIME') return { type: 'time', cast: 'TIME' };
  throw new SqlError(
    `The result column ${column.name} has type ${type}, which a Redivis table cannot hold; cast it to a scalar type`,
  );
}

export function resultColumns(columns: readonly EngineColumn[]): ResultColumn[] {
  let anonymous = 0;
  const seen = new Map<string, string>();
  const duplicates = new Set<string>();
  const result = columns.map((column, i) => {
    const named = NAME.test(column.name) && !NOT_NAMES.has(column.name.toUpperCase());
    const name = named ? column.name : `f${anonymous++}_`;
    const key = name.toLowerCase();
    if (seen.has(key)) duplicates.add(name);
    seen.set(key, name);
    const { type, cast } = variableType({ ...column, name });
    return { name, type, expression: `CAST(c${i} AS ${cast}) AS ${quoteIdentifier(name)}` };
  });
  if (duplicates.size > 0) {
    throw new SqlError(
      `Duplicate column names in the result are not supported. Found duplicate(s): ${[...duplicates].join(', ')}`,
    );
  }
  return result;
}
