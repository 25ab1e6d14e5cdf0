/**
 * The files of the demo file-index table `demo.sample_files.files`, generated at seed time so no
 * binary blob is committed: a PNG drawn with a tiny encoder (zlib), a hand-written PDF, a WAV
 * sine tone, text, JSON, code, CSV and the same rows as Parquet (parquet-wasm). Everything is
 * deterministic: tests call `demoFiles()` to know each file's exact bytes.
 */
import { deflateSync } from 'node:zlib';
import { Float64, Int64, Utf8, tableToIPC, vectorFromArray, Table } from 'apache-arrow';
import { Compression, Table as WasmTable, WriterPropertiesBuilder, writeParquet } from 'parquet-wasm/node';

export interface DemoFile {
  /** Path-like name inside the table (folders separated by `/`). */
  name: string;
  contentType: string;
  bytes: Buffer;
  /** Extra columns of the index for this file. */
  metadata: { description: string; author: string };
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** An RGB PNG whose pixel at (x, y) is `pixel(x, y)`. */
export function encodePng(width: number, height: number, pixel: (x: number, y: number) => number[]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const [r = 0, g = 0, b = 0] = pixel(x, y);
      raw.set([r, g, b], row + 1 + x * 3);
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A one-page PDF with a line of text, its cross-reference table computed from the offsets. */
export function minimalPdf(text: string): Buffer {
  const stream = `BT /F1 24 Tf 72 720 Td (${text.replace(/[()\\]/g, '\\$&')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A mono 16-bit PCM WAV of a sine tone. */
export function sineWav(frequency: number, seconds: number, sampleRate = 8000): Buffer {
  const samples = Math.round(seconds * sampleRate);
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) {
    const fade = Math.min(1, i / 400, (samples - i) / 400);
    data.writeInt16LE(
      Math.round(Math.sin((2 * Math.PI * frequency * i) / sampleRate) * 12_000 * fade),
      i * 2,
    );
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/** The weather stations table, as rows (shared by the CSV and the Parquet file). */
export function stationRows(): { station: string; elevation_m: number; readings: number }[] {
  const names = ['Alder Creek', 'Birch Hill', 'Cedar Point', 'Dune Ridge', 'Elm Hollow', 'Fir Summit'];
  return Array.from({ length: 40 }, (_, i) => ({
    station: `${names[i % names.length]} ${Math.floor(i / names.length) + 1}`,
    elevation_m: Math.round((120 + ((i * 37) % 900) + i / 4) * 10) / 10,
    readings: 1000 + ((i * 7919) % 5000),
  }));
}

function stationsCsv(): Buffer {
  const lines = [
    'station,elevation_m,readings',
    ...stationRows().map((r) => `${r.station},${r.elevation_m},${r.readings}`),
  ];
  return Buffer.from(`${lines.join('\n')}\n`);
}

function stationsParquet(): Buffer {
  const rows = stationRows();
  const table = new Table({
    station: vectorFromArray(
      rows.map((r) => r.station),
      new Utf8(),
    ),
    elevation_m: vectorFromArray(
      rows.map((r) => r.elevation_m),
      new Float64(),
    ),
    readings: vectorFromArray(
      rows.map((r) => BigInt(r.readings)),
      new Int64(),
    ),
  });
  const properties = new WriterPropertiesBuilder().setCompression(Compression.SNAPPY).build();
  return Buffer.from(writeParquet(WasmTable.fromIPCStream(tableToIPC(table, 'stream')), properties));
}

function readingsCsv(month: number): Buffer {
  const lines = ['day,station,temperature_c'];
  for (let day = 1; day <= 28; day++) {
    lines.push(
      `2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')},Alder Creek 1,${((day * 13 + month * 7) % 250) / 10}`,
    );
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

const README = `Sample files
============

This table holds files of several kinds, to browse and preview in Redivis Desktop:
images, a PDF, an audio clip, text, JSON, code, and the same weather-station rows as CSV
and as Parquet. Names with slashes form folders.
`;

const CODE = `"""Summarise the station readings."""
import csv


def mean_temperature(path):
    with open(path) as f:
        rows = list(csv.DictReader(f))
    return sum(float(r["temperature_c"]) for r in rows) / len(rows)


if __name__ == "__main__":
    print(mean_temperature("data/readings/2024-01.csv"))
`;

/** The demo files, in a fixed order. */
export function demoFiles(): DemoFile[] {
  const meta = (description: string, author = 'Demo Organization') => ({ description, author });
  return [
    {
      name: 'README.txt',
      contentType: 'text/plain',
      bytes: Buffer.from(README),
      metadata: meta('What this table holds'),
    },
    {
      name: 'images/gradient.png',
      contentType: 'image/png',
      bytes: encodePng(96, 64, (x, y) => [Math.round((x / 95) * 255), Math.round((y / 63) * 255), 160]),
      metadata: meta('A colour gradient', 'Alice Analyst'),
    },
    {
      name: 'images/checkerboard.png',
      contentType: 'image/png',
      bytes: encodePng(64, 64, (x, y) => (((x >> 3) + (y >> 3)) % 2 === 0 ? [30, 30, 30] : [230, 230, 230])),
      metadata: meta('A black and white checkerboard', 'Alice Analyst'),
    },
    {
      name: 'documents/report.pdf',
      contentType: 'application/pdf',
      bytes: minimalPdf('Sample report: weather stations 2024'),
      metadata: meta('A one-page report'),
    },
    {
      name: 'documents/notes.md',
      contentType: 'text/markdown',
      bytes: Buffer.from(
        '# Field notes\n\n- Station Birch Hill 2 was moved in March.\n- Readings are hourly.\n',
      ),
      metadata: meta('Notes from the field team', 'Bob Builder'),
    },
    {
      name: 'audio/tone.wav',
      contentType: 'audio/wav',
      bytes: sineWav(440, 1.5),
      metadata: meta('A 440 Hz tone, 1.5 seconds'),
    },
    {
      name: 'data/stations.csv',
      contentType: 'text/csv',
      bytes: stationsCsv(),
      metadata: meta('Weather stations (CSV)'),
    },
    {
      name: 'data/stations.parquet',
      contentType: 'application/vnd.apache.parquet',
      bytes: stationsParquet(),
      metadata: meta('Weather stations (Parquet)'),
    },
    {
      name: 'data/config.json',
      contentType: 'application/json',
      bytes: Buffer.from(
        `${JSON.stringify({ units: { temperature: 'celsius', elevation: 'metres' }, stations: 40, hourly: true }, null, 2)}\n`,
      ),
      metadata: meta('Units and settings'),
    },
    {
      name: 'data/readings/2024-01.csv',
      contentType: 'text/csv',
      bytes: readingsCsv(1),
      metadata: meta('January readings'),
    },
    {
      name: 'data/readings/2024-02.csv',
      contentType: 'text/csv',
      bytes: readingsCsv(2),
      metadata: meta('February readings'),
    },
    {
      name: 'code/summarise.py',
      contentType: 'text/x-python',
      bytes: Buffer.from(CODE),
      metadata: meta('How the summary was made', 'Bob Builder'),
    },
  ];
}
