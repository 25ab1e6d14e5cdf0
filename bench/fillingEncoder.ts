import type { RecordBatch } from 'apache-arrow';
import { BufferSpares } from '../electron/services/exports/text/bufferSpares';
import { rowsPerPiece } from '../electron/services/exports/text/textBatchEncoder';

/**
 * Stands in for `textBatchEncoder.ts` in the benchmark's "encoder ceiling" build of the
 * formatter (see exportBundle.ts): every row becomes `BENCH_FILL_BYTES_PER_ROW` bytes of one
 * letter, in pieces of the same rows and in reused buffers, as the real encoder's output is. A
 * CSV export built this way still reads, frames, decodes, hands over and writes exactly as the
 * app does; only spelling the cells is free. Its time is the bound that no encoder can beat.
 */
const bytesPerRow = Number(process.env.BENCH_FILL_BYTES_PER_ROW ?? 64);
const spares = new BufferSpares(4);

export function recycleTextBuffer(buffer: ArrayBuffer): void {
  spares.give(buffer);
}

export function* encodeTextRows(_format: string, batch: RecordBatch, _keys: string[]): Generator<Uint8Array> {
  const sliceRows = rowsPerPiece(batch);
  for (let start = 0; start < batch.numRows; start += sliceRows) {
    const bytes = Math.round(Math.min(sliceRows, batch.numRows - start) * bytesPerRow);
    // Every byte is still stored once, as an encoder must at the least.
    yield new Uint8Array(spares.take(bytes), 0, bytes).fill(0x61);
  }
}
