import { fieldOf, readStruct, TType, writeStruct, type ThriftList, type ThriftStruct } from './thriftCompact';
import type { OutputFile } from './outputFile';

const MAGIC = new TextEncoder().encode('PAR1');

// Field ids of parquet.thrift.
const FILE = { numRows: 3, rowGroups: 4 } as const;
const ROW_GROUP = { columns: 1, fileOffset: 5, ordinal: 7 } as const;
const COLUMN_CHUNK = { fileOffset: 2, metaData: 3, firstPageIndexField: 4, lastPageIndexField: 7 } as const;
const COLUMN_META = {
  totalCompressedSize: 7,
  dataPageOffset: 9,
  indexPageOffset: 10,
  dictionaryPageOffset: 11,
  bloomFilterOffset: 14,
} as const;

function footerOf(file: Uint8Array): ThriftStruct {
  const tail = file.subarray(file.length - 8);
  const magic = tail.subarray(4);
  if (file.length < 12 || magic.some((byte, i) => byte !== MAGIC[i])) {
    throw new Error('An encoded Parquet part is not a Parquet file.');
  }
  const length = new DataView(tail.buffer, tail.byteOffset, 4).getUint32(0, true);
  return readStruct(file.subarray(file.length - 8 - length, file.length - 8));
}

function listOf(struct: ThriftStruct, id: number): ThriftList {
  const field = fieldOf(struct, id);
  if (!field || typeof field.value !== 'object' || !('kind' in field.value) || field.value.kind !== 'list') {
    throw new Error(`Field ${id} of a Parquet footer is missing.`);
  }
  return field.value;
}

function int(struct: ThriftStruct, id: number): bigint | undefined {
  const value = fieldOf(struct, id)?.value;
  return typeof value === 'bigint' || typeof value === 'number' ? BigInt(value) : undefined;
}

function setInt(struct: ThriftStruct, id: number, value: bigint): void {
  const field = fieldOf(struct, id);
  if (field) field.value = field.type === TType.I64 ? value : Number(value);
}

/**
 * One Parquet file written from parts encoded apart (by several encoder threads): each part is a
 * complete Parquet file of whole row groups. Their column chunks are copied one after the other
 * and a footer listing every row group, with its offsets moved to where it now lies, closes the
 * file. Page indexes are left out (they are optional and lie outside the row groups); the chunk
 * statistics are kept.
 */
export class ParquetParts {
  private position = 0;
  private readonly rowGroups: ThriftStruct[] = [];
  private numRows = 0n;
  private footer: ThriftStruct | undefined;

  constructor(private readonly file: OutputFile) {}

  /** Appends the row groups of one encoded part; parts must come in row order. */
  async append(part: Uint8Array): Promise<void> {
    const footer = footerOf(part);
    this.footer ??= footer;
    if (this.position === 0) {
      await this.file.write([MAGIC.slice()]);
      this.position = MAGIC.length;
    }
    const groups = listOf(footer, FILE.rowGroups).items as ThriftStruct[];
    let start = Number.POSITIVE_INFINITY;
    let end = 0;
    for (const group of groups) {
      for (const chunk of listOf(group, ROW_GROUP.columns).items as ThriftStruct[]) {
        const meta = fieldOf(chunk, COLUMN_CHUNK.metaData)?.value as ThriftStruct;
        const first =
          int(meta, COLUMN_META.dictionaryPageOffset) ?? int(meta, COLUMN_META.dataPageOffset) ?? 0n;
        start = Math.min(start, Number(first));
        end = Math.max(end, Number(first + (int(meta, COLUMN_META.totalCompressedSize) ?? 0n)));
      }
    }
    if (groups.length === 0) return;
    const shift = BigInt(this.position - start);
    for (const group of groups) {
      for (const chunk of listOf(group, ROW_GROUP.columns).items as ThriftStruct[]) {
        chunk.fields = chunk.fields.filter(
          (f) => f.id < COLUMN_CHUNK.firstPageIndexField || f.id > COLUMN_CHUNK.lastPageIndexField,
        );
        const fileOffset = int(chunk, COLUMN_CHUNK.fileOffset);
        if (fileOffset !== undefined) setInt(chunk, COLUMN_CHUNK.fileOffset, fileOffset + shift);
        const meta = fieldOf(chunk, COLUMN_CHUNK.metaData)?.value as ThriftStruct;
        for (const id of [
          COLUMN_META.dataPageOffset,
          COLUMN_META.indexPageOffset,
          COLUMN_META.dictionaryPageOffset,
          COLUMN_META.bloomFilterOffset,
        ]) {
          const offset = int(meta, id);
          if (offset !== undefined) setInt(meta, id, offset + shift);
        }
      }
      const groupOffset = int(group, ROW_GROUP.fileOffset);
      if (groupOffset !== undefined) setInt(group, ROW_GROUP.fileOffset, groupOffset + shift);
      setInt(group, ROW_GROUP.ordinal, BigInt(this.rowGroups.length));
      this.rowGroups.push(group);
    }
    this.numRows += int(footer, FILE.numRows) ?? 0n;
    await this.file.write([part.subarray(start, end)]);
    this.position += end - start;
  }

  /** Writes the footer; `schemaPart` (a part of no rows) gives the schema when no part had rows. */
  async finish(schemaPart: () => Promise<Uint8Array>): Promise<void> {
    if (!this.footer || this.rowGroups.length === 0) {
      const empty = await schemaPart();
      this.footer ??= footerOf(empty);
      if (this.position === 0) {
        await this.file.write([MAGIC.slice()]);
        this.position = MAGIC.length;
      }
    }
    const footer = this.footer;
    setInt(footer, FILE.numRows, this.numRows);
    listOf(footer, FILE.rowGroups).items = this.rowGroups;
    const encoded = writeStruct(footer);
    const length = new Uint8Array(4);
    new DataView(length.buffer).setUint32(0, encoded.length, true);
    await this.file.write([encoded, length, MAGIC.slice()]);
  }
}
