import type { ServerResponse } from 'node:http';
import { batchColumns, type JsonValue } from './rowValues.js';
import { CuttableBody } from './cuttableBody.js';
import { streamChunks } from './streamChunks.js';
import type { StreamPlan } from './sessionPlan.js';

function csvCell(value: JsonValue): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Sends rows as JSON lines (one object per row) or CSV. The CSV header is written only when
 * the response starts at offset 0, so a resumed stream can be appended as is.
 */
export async function sendTextStream(
  res: ServerResponse,
  dataDir: string,
  plan: StreamPlan,
  offset: number,
  format: 'jsonl' | 'csv',
  cut: { afterBytes?: number; afterBatches?: number } | null,
): Promise<void> {
  res.writeHead(200, {
    'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
  });
  const body = new CuttableBody(res, cut);
  const names = plan.schema.fields.map((f) => f.name);
  // JSON lines are assembled from pre-encoded keys: far less garbage than an object per row.
  const keys = names.map((name) => JSON.stringify(name));
  if (format === 'csv' && offset === 0) await body.write(Buffer.from(`${names.map(csvCell).join(',')}\n`));
  for await (const chunk of streamChunks(dataDir, plan, offset, false)) {
    if ('raw' in chunk) continue;
    const { columns } = batchColumns(chunk.batch);
    const lines: string[] = [];
    for (let row = 0; row < chunk.batch.numRows; row++) {
      if (format === 'csv') {
        lines.push(columns.map((c) => csvCell(c[row] ?? null)).join(','));
      } else {
        let line = '{';
        for (let i = 0; i < keys.length; i++) {
          line += `${i ? ',' : ''}${keys[i]}:${JSON.stringify(columns[i]?.[row] ?? null)}`;
        }
        lines.push(`${line}}`);
      }
    }
    if (lines.length > 0) await body.write(Buffer.from(`${lines.join('\n')}\n`), true);
  }
  body.end();
}
