import { tableFromIPC, type DataType, type Table, type Vector } from 'apache-arrow';

interface Chunk {
  table: Table;
  /** Row index of the chunk's first row within the preview. */
  start: number;
  /** Column vectors by name, looked up once per chunk (null: the chunk lacks the column). */
  vectors: Map<string, Vector | null>;
}

/**
 * The rows of one preview, kept as the Arrow tables they arrived in, never as JS objects:
 * a cell's value is read only when the grid shows or copies it. Chunks may have different
 * schemas (an unreleased table streams one schema per upload), so columns are matched by
 * name and a chunk without a column reads as null.
 */
export class PreviewRows {
  private chunks: Chunk[] = [];
  private names: string[] = [];
  private types = new Map<string, DataType>();
  numRows = 0;

  /** Decodes one `preview.batch` payload (an Arrow IPC stream). */
  append(ipc: Uint8Array): void {
    // Arrow reads typed arrays in place, which needs 8-byte aligned offsets; a view into a
    // larger transport frame may not be aligned, so copy it then (a plain memcpy).
    const bytes = ipc.byteOffset % 8 === 0 ? ipc : ipc.slice();
    const table = tableFromIPC(bytes);
    if (table.numRows === 0 && table.schema.fields.length === 0) return;
    for (const field of table.schema.fields) {
      if (!this.types.has(field.name)) {
        this.types.set(field.name, field.type);
        this.names.push(field.name);
      }
    }
    this.chunks.push({ table, start: this.numRows, vectors: new Map() });
    this.numRows += table.numRows;
  }

  columnNames(): readonly string[] {
    return this.names;
  }

  columnType(name: string): DataType | undefined {
    return this.types.get(name);
  }

  /** The raw Arrow value (number, bigint, string, boolean, …) or null. */
  value(row: number, column: string): unknown {
    const chunk = this.chunkOf(row);
    if (!chunk) return null;
    const vector = this.vectorOf(chunk, column);
    if (!vector) return null;
    const value: unknown = vector.get(row - chunk.start);
    return value ?? null;
  }

  /** Every value of a column in row order, for sorting (reads the whole column once). */
  columnValues(column: string): unknown[] {
    const out = new Array<unknown>(this.numRows);
    let index = 0;
    for (const chunk of this.chunks) {
      const vector = this.vectorOf(chunk, column);
      const length = chunk.table.numRows;
      if (!vector) {
        out.fill(null, index, index + length);
        index += length;
        continue;
      }
      for (let i = 0; i < length; i++) out[index++] = (vector.get(i) as unknown) ?? null;
    }
    return out;
  }

  private chunkOf(row: number): Chunk | undefined {
    if (row < 0 || row >= this.numRows) return undefined;
    let low = 0;
    let high = this.chunks.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.chunks[mid]?.start ?? 0) <= row) low = mid;
      else high = mid - 1;
    }
    return this.chunks[low];
  }

  private vectorOf(chunk: Chunk, column: string): Vector | null {
    let vector = chunk.vectors.get(column);
    if (vector === undefined) {
      vector = chunk.table.getChild(column);
      chunk.vectors.set(column, vector);
    }
    return vector;
  }
}

/** Rows of every open preview, by preview id: outside React, which holds only counts. */
const store = new Map<string, PreviewRows>();

export function createPreviewRows(previewId: string): PreviewRows {
  const rows = new PreviewRows();
  store.set(previewId, rows);
  return rows;
}

export function getPreviewRows(previewId: string): PreviewRows | undefined {
  return store.get(previewId);
}

export function dropPreviewRows(previewId: string): void {
  store.delete(previewId);
}
