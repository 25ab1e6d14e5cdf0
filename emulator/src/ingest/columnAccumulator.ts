/**
 * Collects converted cell values for one column of one record batch and turns them into Arrow
 * data with the physical types of the API's read streams (integer→int64, float→float64,
 * date→date32, dateTime→timestamp µs, time→time64 µs, boolean→bool, string→utf8).
 */
import { Field, Schema, Utf8, makeData, vectorFromArray, type Data } from 'apache-arrow';
import { arrowTypeFor } from '../store/variables.js';
import type { IngestedVariable, VariableType } from './ingestTypes.js';

/** A converted cell: bigint for int64-backed types, number for float/date, etc. */
export type CellValue = bigint | number | boolean | string | null;

export function schemaFor(variables: IngestedVariable[]): Schema {
  return new Schema(variables.map((v) => new Field(v.name, arrowTypeFor(v.type), true)));
}

function packBits(bytes: Uint8Array, length: number): Uint8Array {
  const packed = new Uint8Array(Math.ceil(length / 8));
  for (let i = 0; i < length; i++) {
    if (bytes[i]) packed[i >> 3]! |= 1 << (i & 7);
  }
  return packed;
}

export class ColumnAccumulator {
  private length = 0;
  private nulls = 0;
  private readonly valid: Uint8Array;
  private readonly bigints: BigInt64Array | null;
  private readonly numbers: Float64Array | Int32Array | null;
  private readonly flags: Uint8Array | null;
  private strings: (string | null)[] = [];

  constructor(
    readonly type: VariableType,
    readonly capacity: number,
  ) {
    this.valid = new Uint8Array(capacity);
    const wide = type === 'integer' || type === 'dateTime' || type === 'time';
    this.bigints = wide ? new BigInt64Array(capacity) : null;
    this.numbers =
      type === 'float' ? new Float64Array(capacity) : type === 'date' ? new Int32Array(capacity) : null;
    this.flags = type === 'boolean' ? new Uint8Array(capacity) : null;
  }

  get size(): number {
    return this.length;
  }

  push(value: CellValue): void {
    const i = this.length++;
    if (value === null) {
      this.nulls++;
      this.valid[i] = 0;
      if (this.type === 'string') this.strings.push(null);
      return;
    }
    this.valid[i] = 1;
    if (this.bigints) this.bigints[i] = value as bigint;
    else if (this.numbers) this.numbers[i] = value as number;
    else if (this.flags) this.flags[i] = value ? 1 : 0;
    else this.strings.push(value as string);
  }

  /** Builds the Arrow data for the rows pushed so far and empties the accumulator. */
  flush(): Data {
    const length = this.length;
    const type = arrowTypeFor(this.type);
    let data: Data;
    if (this.type === 'string') {
      data = vectorFromArray(this.strings, new Utf8()).data[0]!;
      this.strings = [];
    } else {
      const nullBitmap = this.nulls > 0 ? packBits(this.valid, length) : undefined;
      const values = this.bigints
        ? this.bigints.slice(0, length)
        : this.numbers
          ? this.numbers.slice(0, length)
          : packBits(this.flags!, length);
      data = makeData({ type, length, nullCount: this.nulls, nullBitmap, data: values } as never);
    }
    this.length = 0;
    this.nulls = 0;
    return data;
  }
}
