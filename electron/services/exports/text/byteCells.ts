import { BufferSpares } from './bufferSpares';
import { formatDate } from './cellText';
import * as tables from './cellByteTables';
import type { ConstantBytes } from './cellByteTables';

// Read once into this module's own constants: where modules are compiled to CommonJS one by one
// (tsx: tests, browser mode), every use of an imported binding is a getter call, and those
// calls cost more than the digits they were fetching (CSV ran at a third of its bundled speed).
const {
  cachedDate,
  dateBytes,
  dateLengths,
  dateWords,
  DATE_WIDTH,
  floorDiv,
  HEX,
  JSON_ESCAPES,
  needsJsonEscape,
  PAIRS,
  QUADS,
} = tables;

/**
 * Byte writers for the batch encoders (digits, floats, dates, times, UTF-8 text): each writes
 * the exact spelling of `textRows` (via `cellText`, `String(number)`, `csvField` and
 * JSON.stringify) into a growable buffer without building a string per cell. Inputs outside
 * the ranges documented on each method are the caller's to route to the string helpers. Bytes
 * go out two or four at a time through a DataView where possible: per-byte stores dominate
 * the cost otherwise.
 */

const MICROS_PER_DAY = 86_400_000_000;
/**
 * Writers may store up to this many bytes past their end (a whole last word); the bytes are
 * overwritten by what follows or fall outside the result, and every reservation includes them.
 */
export const OVERHANG = 4;
/** Powers of ten up to the most decimals the float fast path tries (all exact doubles). */
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8];
const MAX_FAST_DECIMALS = POW10.length - 1;
/** Below 10^15 a round-tripping decimal is unique at its number of decimals (see `float`). */
const FAST_FLOAT_LIMIT = 1e15;

const QUOTE = 0x22;

/**
 * The output of one batch. Writers that know their maximum size rely on the row loop having
 * reserved `slack` bytes; variable-size writers reserve their own size plus `slack`, so the
 * fixed-size cells after them in the same row still fit.
 */
export class ByteSink {
  buf: Buffer = Buffer.alloc(0);
  view = new DataView(this.buf.buffer, 0, 0);
  pos = 0;
  slack = 0;
  /** Buffers of earlier results, handed back once written (see `recycle`). */
  private readonly spares = new BufferSpares(4);

  /** Starts a batch in a buffer of at least `bytes` that nothing else uses; the result will own it. */
  begin(bytes: number, slack: number): void {
    this.use(Buffer.from(this.spares.take(Math.max(bytes, slack + OVERHANG))));
    this.pos = 0;
    this.slack = slack + OVERHANG;
  }

  /** The buffer of a result that has been written and is not used any more. */
  recycle(buffer: ArrayBuffer): void {
    this.spares.give(buffer);
  }

  private use(buf: Buffer): void {
    this.buf = buf;
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.length);
  }

  reserve(bytes: number): void {
    if (this.pos + bytes + OVERHANG > this.buf.length) this.grow(bytes + OVERHANG);
  }

  /** `reserve` for a variable-size cell: room for it and for the rest of the row. */
  reserveCell(bytes: number): void {
    if (this.pos + bytes + this.slack > this.buf.length) this.grow(bytes + this.slack);
  }

  private grow(bytes: number): void {
    let size = this.buf.length * 2;
    while (size < this.pos + bytes) size *= 2;
    const old = this.buf;
    const next = Buffer.from(this.spares.take(size));
    old.copy(next, 0, 0, this.pos);
    this.use(next);
    this.spares.give(old.buffer as ArrayBuffer);
  }

  /**
   * The bytes of the batch: a view at the start of an ArrayBuffer of their own, so it can be
   * transferred and, once written, recycled. The buffer may be larger than the bytes (it was
   * sized by an estimate, or is a spare); it is never copied to fit, since it comes back.
   */
  finish(): Buffer {
    // Stores past the end of a typed array are dropped silently: never return such output.
    if (this.pos > this.buf.length) throw new Error('ByteSink: a writer went past its reservation');
    const out = this.buf.subarray(0, this.pos);
    this.use(Buffer.alloc(0));
    this.pos = 0;
    return out;
  }

  byte(value: number): void {
    this.buf[this.pos++] = value;
  }

  /** Four bytes given as a little-endian word. */
  word(value: number): void {
    this.view.setUint32(this.pos, value, true);
    this.pos += 4;
  }

  constant(bytes: ConstantBytes): void {
    const view = this.view;
    const words = bytes.words;
    const p = this.pos;
    for (let i = 0; i < words.length; i++) view.setUint32(p + 4 * i, words[i]!, true);
    this.pos = p + bytes.length;
  }

  /** A string known to be ASCII (digits, signs, `NaN`…), within the reserved slack. */
  ascii(text: string): void {
    const out = this.buf;
    let p = this.pos;
    for (let k = 0; k < text.length; k++) out[p++] = text.charCodeAt(k);
    this.pos = p;
  }

  /** Any string as UTF-8 (lone surrogates become U+FFFD, as `Buffer.from` does); reserves itself. */
  text(text: string): void {
    this.reserveCell(text.length * 3);
    const out = this.buf;
    const start = this.pos;
    let p = start;
    for (let k = 0; k < text.length; k++) {
      const code = text.charCodeAt(k);
      if (code >= 0x80) {
        this.pos = start + out.write(text, start, 'utf8');
        return;
      }
      out[p++] = code;
    }
    this.pos = p;
  }

  /** Decimal digits of a non-negative safe integer. */
  uint(value: number): void {
    if (value >= 1e8) {
      const high = floorDiv(value, 1e8);
      this.uint(high);
      this.padded(value - high * 1e8, 8);
    } else if (value >= 10_000) {
      const high = (value / 10_000) | 0;
      this.head(high);
      this.view.setUint32(this.pos, QUADS[value - high * 10_000]!, true);
      this.pos += 4;
    } else this.head(value);
  }

  /** 0 ≤ value < 10^4 without leading zeros. */
  private head(value: number): void {
    const view = this.view;
    const p = this.pos;
    if (value < 10) {
      this.buf[p] = 48 + value;
      this.pos = p + 1;
    } else if (value < 100) {
      view.setUint16(p, PAIRS[value]!, true);
      this.pos = p + 2;
    } else if (value < 1000) {
      const high = (value / 100) | 0;
      this.buf[p] = 48 + high;
      view.setUint16(p + 1, PAIRS[value - high * 100]!, true);
      this.pos = p + 3;
    } else {
      view.setUint32(p, QUADS[value]!, true);
      this.pos = p + 4;
    }
  }

  /** A safe integer of either sign. */
  int(value: number): void {
    if (value < 0) {
      this.buf[this.pos++] = 45;
      this.uint(-value);
    } else this.uint(value);
  }

  /** Exactly `width` digits of 0 ≤ value < 10^9, zero-padded on the left. */
  padded(value: number, width: number): void {
    const view = this.view;
    let end = this.pos + width;
    this.pos = end;
    let rest = value;
    let left = width;
    for (; left >= 4; left -= 4) {
      const next = (rest / 10_000) | 0;
      end -= 4;
      view.setUint32(end, QUADS[rest - next * 10_000]!, true);
      rest = next;
    }
    if (left >= 2) {
      const next = (rest / 100) | 0;
      end -= 2;
      view.setUint16(end, PAIRS[rest - next * 100]!, true);
      rest = next;
      left -= 2;
    }
    if (left === 1) this.buf[end - 1] = 48 + rest;
  }

  /**
   * A finite number spelled as `String(value)`; returns the hint for the next value of the
   * column (the decimals this one needed, which real columns mostly share).
   * Below 10^15 at most one integer m per d has m/10^d === v (such decimals are further apart
   * than v's rounding interval), and Math.round(v·10^d) finds it. So when d round-trips,
   * dropping m's trailing zeros gives the fewest decimals: the shortest round-tripping decimal,
   * which Number::toString prints (in fixed notation from 10^-6 up). When d does not, no
   * smaller d does, so only larger ones (up to 8) are tried before falling back to String.
   */
  float(value: number, hint: number): number {
    if (value === 0) {
      this.buf[this.pos++] = 48; // also -0, which String spells "0"
      return hint;
    }
    let abs = value;
    if (abs < 0) {
      this.buf[this.pos++] = 45;
      abs = -abs;
    }
    if (!(abs >= 1e-6 && abs < FAST_FLOAT_LIMIT)) {
      this.ascii(String(abs));
      return hint;
    }
    let start = hint;
    while (start > 0 && abs * POW10[start]! >= FAST_FLOAT_LIMIT) start--;
    for (let d = start; d <= MAX_FAST_DECIMALS; d++) {
      const scale = POW10[d]!;
      const scaled = Math.round(abs * scale);
      if (scaled >= FAST_FLOAT_LIMIT) break;
      if (scaled / scale !== abs) continue;
      const whole = floorDiv(scaled, scale);
      let fraction = scaled - whole * scale;
      let decimals = d;
      for (; decimals > 0 && fraction % 10 === 0; decimals--) fraction /= 10;
      this.uint(whole);
      if (decimals > 0) {
        this.buf[this.pos++] = 46;
        this.padded(fraction, decimals);
      }
      return d;
    }
    this.ascii(String(abs));
    return start;
  }

  /**
   * Bytes start…end of `source` (whole UTF-8 characters) spelled as csvField does: `""` when
   * empty, quoted with quotes doubled when they hold `"`, `,`, CR or LF (never when `plain`).
   */
  csvText(source: Buffer, words: DataView, start: number, end: number, plain: boolean): void {
    const n = end - start;
    if (!plain) {
      for (let k = start; k < end; k++) {
        const b = source[k]!;
        if (b === 0x22 || b === 0x2c || b === 0x0d || b === 0x0a) return this.quotedCsv(source, start, end);
      }
    }
    this.reserveCell(n + 2);
    const out = this.buf;
    let p = this.pos;
    if (n === 0) {
      out[p++] = QUOTE;
      out[p++] = QUOTE;
    } else if (n < 64 && end + 3 < source.length) {
      // Whole words, the last one reaching past the cell (see OVERHANG).
      const view = this.view;
      for (let k = start; k < end; k += 4) view.setUint32(p + k - start, words.getUint32(k, true), true);
      p += n;
    } else if (n < 64) {
      for (let k = start; k < end; k++) out[p++] = source[k]!;
    } else p += source.copy(out, p, start, end);
    this.pos = p;
  }

  private quotedCsv(source: Buffer, start: number, end: number): void {
    this.reserveCell(2 * (end - start) + 2);
    const out = this.buf;
    let p = this.pos;
    out[p++] = QUOTE;
    for (let k = start; k < end; k++) {
      const b = source[k]!;
      if (b === QUOTE) out[p++] = QUOTE;
      out[p++] = b;
    }
    out[p++] = QUOTE;
    this.pos = p;
  }

  /** Bytes start…end of `source` (whole UTF-8 characters) as JSON.stringify spells them. */
  jsonText(source: Buffer, words: DataView, start: number, end: number): void {
    this.reserveCell(6 * (end - start) + 2);
    const out = this.buf;
    const view = this.view;
    let p = this.pos;
    out[p++] = QUOTE;
    let k = start;
    // Four bytes at a time while none needs escaping (bytes read past the cell are written past
    // it, see OVERHANG, and taken back), then byte by byte.
    for (const last = Math.min(end, source.length - 3); k < last; k += 4, p += 4) {
      const word = words.getUint32(k, true);
      if (needsJsonEscape(word)) break;
      view.setUint32(p, word, true);
    }
    if (k > end) {
      p -= k - end;
      k = end;
    }
    for (; k < end; k++) {
      const b = source[k]!;
      const escape = JSON_ESCAPES[b]!;
      if (escape === 0) {
        out[p++] = b;
        continue;
      }
      out[p++] = 0x5c;
      out[p++] = escape;
      if (escape === 0x75) {
        out[p++] = 0x30;
        out[p++] = 0x30;
        out[p++] = HEX[b >> 4]!;
        out[p++] = HEX[b & 15]!;
      }
    }
    out[p++] = QUOTE;
    this.pos = p;
  }

  /** `formatDate(days)` for an int32 day count. */
  date(days: number): void {
    const slot = cachedDate(days);
    if (slot < 0) {
      this.text(formatDate(days));
      return;
    }
    const p = this.pos;
    const length = dateLengths[slot]!;
    if (length === 10) {
      const view = this.view;
      view.setUint32(p, dateWords[slot * 3]!, true);
      view.setUint32(p + 4, dateWords[slot * 3 + 1]!, true);
      view.setUint32(p + 8, dateWords[slot * 3 + 2]!, true);
    } else this.buf.set(dateBytes.subarray(slot * DATE_WIDTH, slot * DATE_WIDTH + length), p);
    this.pos = p + length;
  }

  /** `formatTime` of 0 ≤ micros < 2^40, where every step of its arithmetic is exact. */
  time(micros: number): void {
    const seconds = Math.floor(micros / 1_000_000);
    const fraction = micros - seconds * 1_000_000;
    const hours = (seconds / 3600) | 0;
    const inHour = seconds - hours * 3600;
    const minutes = (inHour / 60) | 0;
    if (hours < 100) {
      this.view.setUint16(this.pos, PAIRS[hours]!, true);
      this.pos += 2;
    } else this.uint(hours);
    const view = this.view;
    const p = this.pos;
    this.buf[p] = 58;
    view.setUint16(p + 1, PAIRS[minutes]!, true);
    this.buf[p + 3] = 58;
    view.setUint16(p + 4, PAIRS[inHour - minutes * 60]!, true);
    if (fraction === 0) {
      this.pos = p + 6;
      return;
    }
    const high = (fraction / 10_000) | 0;
    this.buf[p + 6] = 46;
    view.setUint16(p + 7, PAIRS[high]!, true);
    view.setUint32(p + 9, QUADS[fraction - high * 10_000]!, true);
    this.pos = p + 13;
  }

  /**
   * `formatDateTime` of |micros| < 2^53 (same arithmetic as `formatDateTimeNumber`, which is
   * exact there). False, with nothing written, if the day split ever came out of range.
   */
  dateTime(micros: number): boolean {
    const days = Math.floor(micros / MICROS_PER_DAY);
    const rest = micros - days * MICROS_PER_DAY;
    if (!(rest >= 0 && rest < MICROS_PER_DAY)) return false;
    this.date(days);
    this.buf[this.pos++] = 32;
    this.time(rest);
    return true;
  }
}
