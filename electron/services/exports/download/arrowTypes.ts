import {
  Bool,
  DateDay,
  Field,
  Float64,
  Int64,
  Schema,
  TimeMicrosecond,
  TimestampMicrosecond,
  Utf8,
  type DataType,
} from 'apache-arrow';

export interface TableVariable {
  name: string;
  type: string;
}

/**
 * The Arrow type Redivis clients use for each variable type (spec 4.4): integer→int64,
 * float→float64, date→date32, dateTime→timestamp(µs, no zone), time→time64(µs),
 * boolean→bool, string and geography (WKT)→utf8. Unknown types are kept as text.
 */
export function arrowTypeOf(variableType: string): DataType {
  switch (variableType) {
    case 'integer':
      return new Int64();
    case 'float':
      return new Float64();
    case 'boolean':
      return new Bool();
    case 'date':
      return new DateDay();
    case 'dateTime':
      return new TimestampMicrosecond();
    case 'time':
      return new TimeMicrosecond();
    default:
      return new Utf8();
  }
}

/** The schema every written file has: the table's variables, in the requested order. */
export function targetSchema(variables: TableVariable[]): Schema {
  return new Schema(variables.map((v) => new Field(v.name, arrowTypeOf(v.type), true)));
}
