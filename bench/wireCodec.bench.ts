import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { decodeMessage, encodeMessage } from '../shared/contract/wireCodec';
import { medianMs, type Benchmark } from './benchmark';

/**
 * Preview batches cross the browser-mode WebSocket through the wire codec. Baseline: a plain
 * copy of the same bytes (the least any transport must do).
 */
const benchmark: Benchmark = {
  name: 'wire codec',
  async run() {
    const n = 200_000;
    const ids = Float64Array.from({ length: n }, (_, i) => i);
    const values = Float64Array.from({ length: n }, (_, i) => Math.sin(i));
    const bytes = tableToIPC(tableFromArrays({ ids, values }), 'stream');
    const mb = bytes.byteLength / 1e6;
    const copy = await medianMs(7, () => new Uint8Array(bytes));
    const codec = await medianMs(7, () =>
      decodeMessage(encodeMessage({ type: 'event', payload: { batch: bytes } })),
    );
    return [
      {
        name: 'encode+decode an Arrow batch',
        value: mb / (codec / 1000),
        unit: 'MB/s',
        baseline: { name: 'memory copy of the same bytes', value: mb / (copy / 1000) },
        ratio: copy / codec,
        note: `${mb.toFixed(1)} MB batch`,
      },
    ];
  },
};

export default benchmark;
