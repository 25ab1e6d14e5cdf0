/**
 * Just enough of Thrift's compact protocol to read a Parquet footer, change a few fields and
 * write it back: every field is kept as read (unknown ones included), in its order.
 */
export const TType = {
  True: 1,
  False: 2,
  Byte: 3,
  I16: 4,
  I32: 5,
  I64: 6,
  Double: 7,
  Binary: 8,
  List: 9,
  Set: 10,
  Map: 11,
  Struct: 12,
} as const;
export type TType = (typeof TType)[keyof typeof TType];

export type ThriftValue = boolean | number | bigint | Uint8Array | ThriftList | ThriftMap | ThriftStruct;
export interface ThriftList {
  kind: 'list';
  type: TType;
  elementType: TType;
  items: ThriftValue[];
}
export interface ThriftMap {
  kind: 'map';
  keyType: TType;
  valueType: TType;
  entries: [ThriftValue, ThriftValue][];
}
export interface ThriftField {
  id: number;
  type: TType;
  value: ThriftValue;
}
export interface ThriftStruct {
  kind: 'struct';
  fields: ThriftField[];
}

class Reader {
  private position = 0;
  constructor(private readonly bytes: Uint8Array) {}

  get offset(): number {
    return this.position;
  }

  byte(): number {
    const value = this.bytes[this.position++];
    if (value === undefined) throw new Error('The Parquet footer ends early.');
    return value;
  }

  varint(): bigint {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      const byte = this.byte();
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return result;
      shift += 7n;
    }
  }

  zigzag(): bigint {
    const value = this.varint();
    return (value >> 1n) ^ -(value & 1n);
  }

  take(length: number): Uint8Array {
    if (this.position + length > this.bytes.length) throw new Error('The Parquet footer ends early.');
    const slice = this.bytes.slice(this.position, this.position + length);
    this.position += length;
    return slice;
  }

  value(type: TType): ThriftValue {
    switch (type) {
      case TType.True:
      case TType.False:
        // Inside lists and maps a boolean is a byte of its own.
        return this.byte() === 1;
      case TType.Byte:
        return this.byte();
      case TType.I16:
      case TType.I32:
        return Number(this.zigzag());
      case TType.I64:
        return this.zigzag();
      case TType.Double:
        return this.take(8);
      case TType.Binary:
        return this.take(Number(this.varint()));
      case TType.List:
      case TType.Set: {
        const header = this.byte();
        const size = header >> 4 === 15 ? Number(this.varint()) : header >> 4;
        const elementType = (header & 0x0f) as TType;
        const items = Array.from({ length: size }, () => this.value(elementType));
        return { kind: 'list', type, elementType, items };
      }
      case TType.Map: {
        const size = Number(this.varint());
        const types = size > 0 ? this.byte() : 0;
        const keyType = (types >> 4) as TType;
        const valueType = (types & 0x0f) as TType;
        const entries = Array.from(
          { length: size },
          () => [this.value(keyType), this.value(valueType)] as [ThriftValue, ThriftValue],
        );
        return { kind: 'map', keyType, valueType, entries };
      }
      case TType.Struct:
        return this.struct();
      default:
        throw new Error(`Unknown Thrift type ${String(type)} in the Parquet footer.`);
    }
  }

  struct(): ThriftStruct {
    const fields: ThriftField[] = [];
    let last = 0;
    for (;;) {
      const header = this.byte();
      if (header === 0) return { kind: 'struct', fields };
      const type = (header & 0x0f) as TType;
      const delta = header >> 4;
      const id = delta === 0 ? Number(this.zigzag()) : last + delta;
      last = id;
      const value = type === TType.True || type === TType.False ? type === TType.True : this.value(type);
      fields.push({ id, type, value });
    }
  }
}

class Writer {
  private chunks: number[] = [];

  bytes(): Uint8Array {
    return Uint8Array.from(this.chunks);
  }

  varint(value: bigint): void {
    let rest = value;
    while (rest >= 0x80n) {
      this.chunks.push(Number(rest & 0x7fn) | 0x80);
      rest >>= 7n;
    }
    this.chunks.push(Number(rest));
  }

  zigzag(value: bigint): void {
    this.varint(BigInt.asUintN(64, (value << 1n) ^ (value >> 63n)));
  }

  raw(bytes: Uint8Array): void {
    for (const byte of bytes) this.chunks.push(byte);
  }

  value(type: TType, value: ThriftValue): void {
    switch (type) {
      case TType.True:
      case TType.False:
        this.chunks.push(value ? 1 : 2);
        return;
      case TType.Byte:
        this.chunks.push(Number(value) & 0xff);
        return;
      case TType.I16:
      case TType.I32:
      case TType.I64:
        this.zigzag(BigInt(value as number | bigint));
        return;
      case TType.Double:
        this.raw(value as Uint8Array);
        return;
      case TType.Binary: {
        const bytes = value as Uint8Array;
        this.varint(BigInt(bytes.length));
        this.raw(bytes);
        return;
      }
      case TType.List:
      case TType.Set: {
        const list = value as ThriftList;
        const size = list.items.length;
        if (size < 15) this.chunks.push((size << 4) | list.elementType);
        else {
          this.chunks.push(0xf0 | list.elementType);
          this.varint(BigInt(size));
        }
        for (const item of list.items) this.value(list.elementType, item);
        return;
      }
      case TType.Map: {
        const map = value as ThriftMap;
        this.varint(BigInt(map.entries.length));
        if (map.entries.length > 0) this.chunks.push((map.keyType << 4) | map.valueType);
        for (const [key, entry] of map.entries) {
          this.value(map.keyType, key);
          this.value(map.valueType, entry);
        }
        return;
      }
      case TType.Struct:
        this.struct(value as ThriftStruct);
        return;
    }
  }

  struct(struct: ThriftStruct): void {
    let last = 0;
    for (const field of struct.fields) {
      const type =
        field.type === TType.True || field.type === TType.False
          ? field.value
            ? TType.True
            : TType.False
          : field.type;
      const delta = field.id - last;
      if (delta > 0 && delta <= 15) this.chunks.push((delta << 4) | type);
      else {
        this.chunks.push(type);
        this.zigzag(BigInt(field.id));
      }
      last = field.id;
      if (type !== TType.True && type !== TType.False) this.value(type, field.value);
    }
    this.chunks.push(0);
  }
}

export function readStruct(bytes: Uint8Array): ThriftStruct {
  return new Reader(bytes).struct();
}

export function writeStruct(struct: ThriftStruct): Uint8Array {
  const writer = new Writer();
  writer.struct(struct);
  return writer.bytes();
}

/** The field with this id, if present. */
export function fieldOf(struct: ThriftStruct, id: number): ThriftField | undefined {
  return struct.fields.find((f) => f.id === id);
}
