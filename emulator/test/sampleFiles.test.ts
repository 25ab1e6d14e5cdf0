import { createHash } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFiles } from '../src/demo/demoFiles.js';
import { startHarness, type Harness } from './emulatorHarness.js';

let h: Harness;
const TABLE = 'demo.sample_files.files';

beforeAll(async () => {
  h = await startHarness({ faults: true });
});
afterAll(async () => {
  await h?.stop();
});

interface Listed {
  id: string;
  name: string;
  size: number;
  md5: string;
  description: string | null;
}

async function listing(): Promise<Listed[]> {
  const res = await h.api(`/tables/${TABLE}/rawFiles?format=arrow`);
  expect(res.status).toBe(200);
  const table = tableFromIPC(new Uint8Array(await res.arrayBuffer()));
  return table.toArray().map((row: Record<string, unknown>) => ({
    id: String(row.file_id),
    name: String(row.file_name),
    size: Number(row.size),
    md5: String(row.md5_hash),
    description: (row.description as string | null) ?? null,
  }));
}

function md5(bytes: Uint8Array): string {
  return createHash('md5').update(bytes).digest('base64');
}

describe('demo.sample_files', () => {
  it('lists one file of each kind in folders, with its bytes, md5 and metadata columns', async () => {
    const files = await listing();
    const expected = demoFiles();
    expect(files.map((f) => f.name).sort()).toEqual(expected.map((f) => f.name).sort());
    for (const file of expected) {
      const listed = files.find((f) => f.name === file.name)!;
      expect(listed.size).toBe(file.bytes.length);
      expect(listed.md5).toBe(md5(file.bytes));
      expect(listed.description).toBe(file.metadata.description);
      const res = await h.api(`/rawFiles/${listed.id}`);
      const body = Buffer.from(await res.arrayBuffer());
      expect(md5(body)).toBe(listed.md5);
      expect(res.headers.get('content-type')).toBe(file.contentType);
    }
    expect(new Set(expected.map((f) => f.name.split('/')[0]))).toEqual(
      new Set(['README.txt', 'images', 'documents', 'audio', 'data', 'code']),
    );
  });

  it('generates valid files: PNG chunks and pixels, a PDF with a matching xref, a WAV header, Parquet magic', () => {
    const byName = new Map(demoFiles().map((f) => [f.name, f.bytes]));
    const png = byName.get('images/gradient.png')!;
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(96);
    const idatLength = png.readUInt32BE(33);
    expect(png.subarray(37, 41).toString()).toBe('IDAT');
    const raw = inflateSync(png.subarray(41, 41 + idatLength));
    expect(raw.length).toBe((96 * 3 + 1) * 64);
    // Top-right pixel: full red, no green.
    expect([...raw.subarray(1 + 95 * 3, 1 + 96 * 3)]).toEqual([255, 0, 160]);

    const pdf = byName.get('documents/report.pdf')!.toString('latin1');
    expect(pdf.startsWith('%PDF-1.4')).toBe(true);
    const xref = Number(/startxref\n(\d+)/.exec(pdf)![1]);
    expect(pdf.slice(xref, xref + 4)).toBe('xref');
    const offsets = [...pdf.matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    offsets.forEach((offset, i) => expect(pdf.slice(offset).startsWith(`${i + 1} 0 obj`)).toBe(true));

    const wav = byName.get('audio/tone.wav')!;
    expect(wav.subarray(0, 4).toString()).toBe('RIFF');
    expect(wav.readUInt32LE(40)).toBe(wav.length - 44);

    const parquet = byName.get('data/stations.parquet')!;
    expect(parquet.subarray(0, 4).toString()).toBe('PAR1');
    expect(parquet.subarray(-4).toString()).toBe('PAR1');
  });

  it('cuts a raw-file body after the armed number of bytes, then serves the rest by Range', async () => {
    const file = (await listing()).find((f) => f.name === 'audio/tone.wav')!;
    const bytes = demoFiles().find((f) => f.name === 'audio/tone.wav')!.bytes;
    await h.emu.faults.set({ cutRawFiles: { count: 1, afterBytes: 5000 } });
    const res = await h.api(`/rawFiles/${file.id}`);
    expect(res.headers.get('content-length')).toBe(String(bytes.length));
    const received: Buffer[] = [];
    await expect(
      (async () => {
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>)
          received.push(Buffer.from(chunk));
      })(),
    ).rejects.toThrow();
    const head = Buffer.concat(received);
    expect(head.length).toBe(5000);
    expect(head.equals(bytes.subarray(0, 5000))).toBe(true);
    const rest = await h.api(`/rawFiles/${file.id}`, { headers: { Range: 'bytes=5000-' } });
    expect(rest.status).toBe(206);
    expect(md5(Buffer.concat([head, Buffer.from(await rest.arrayBuffer())]))).toBe(file.md5);
  });

  it('corrupts the armed number of raw-file bodies while the digest still names the true file', async () => {
    const file = (await listing()).find((f) => f.name === 'data/stations.csv')!;
    await h.emu.faults.set({ corruptRawFiles: { count: 1 } });
    const bad = await h.api(`/rawFiles/${file.id}`);
    expect(bad.headers.get('digest')).toBe(`md5=${file.md5}`);
    const badBytes = Buffer.from(await bad.arrayBuffer());
    expect(badBytes.length).toBe(file.size);
    expect(md5(badBytes)).not.toBe(file.md5);
    const good = await h.api(`/rawFiles/${file.id}`);
    expect(md5(Buffer.from(await good.arrayBuffer()))).toBe(file.md5);
  });
});
