import type { ServerResponse } from 'node:http';
import { EOS_BYTES, emptyBatch, encodeBatch, encodeSchema } from '../store/arrowMessages.js';
import { CuttableBody } from './cuttableBody.js';
import { streamChunks } from './streamChunks.js';
import type { StreamPlan } from './sessionPlan.js';

export const ARROW_STREAM_TYPE = 'application/vnd.apache.arrow.stream';

/**
 * Sends rows [offset, end) of a stream as one Arrow IPC stream: schema, record batches,
 * an optional zero-row sentinel batch (`eosSentinel`), then the end-of-stream marker.
 */
export async function sendArrowStream(
  res: ServerResponse,
  dataDir: string,
  plan: StreamPlan,
  offset: number,
  opts: { eosSentinel: boolean; cut: { afterBytes?: number; afterBatches?: number } | null },
): Promise<void> {
  res.writeHead(200, {
    'Content-Type': ARROW_STREAM_TYPE,
    'X-Redivis-Stream-Rows': String(Math.max(0, plan.numRows - offset)),
  });
  const body = new CuttableBody(res, opts.cut);
  await body.write(encodeSchema(plan.schema));
  for await (const chunk of streamChunks(dataDir, plan, offset, true)) {
    if ('raw' in chunk) await body.write(chunk.raw, true);
    else await body.write(encodeBatch(chunk.batch).batchBytes, true);
  }
  if (opts.eosSentinel) await body.write(encodeBatch(emptyBatch(plan.schema)).batchBytes);
  await body.write(EOS_BYTES);
  body.end();
}
