/**
 * A lexer for BigQuery Standard SQL, just enough to translate it for DuckDB without a parser:
 * it knows where strings, comments, quoted identifiers and numbers start and end, so the
 * translator never rewrites text inside a literal. Positions are offsets into the original text
 * (used to report syntax errors at the user's line and column).
 */
import { SqlError } from './sqlError.js';

export type TokenKind = 'space' | 'comment' | 'string' | 'bytes' | 'backtick' | 'number' | 'word' | 'op';

export interface Token {
  kind: TokenKind;
  /** The raw source text. */
  text: string;
  /** For strings and backticks: the decoded value. For words: the upper-cased text. */
  value: string;
  start: number;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '`': '`',
  '?': '?',
};

/** Decodes BigQuery escape sequences (raw strings skip this). */
function unescape(body: string, start: number): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i] ?? '';
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = body[i + 1] ?? '';
    const simple = SIMPLE_ESCAPES[next];
    if (simple !== undefined) {
      out += simple;
      i += 1;
    } else if (next === 'x' || next === 'X') {
      out += String.fromCodePoint(parseInt(body.slice(i + 2, i + 4), 16));
      i += 3;
    } else if (next === 'u') {
      out += String.fromCodePoint(parseInt(body.slice(i + 2, i + 6), 16));
      i += 5;
    } else if (next === 'U') {
      out += String.fromCodePoint(parseInt(body.slice(i + 2, i + 10), 16));
      i += 9;
    } else if (/[0-7]/.test(next)) {
      out += String.fromCodePoint(parseInt(body.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      throw new SqlError(`Illegal escape sequence: \\${next}`, start);
    }
  }
  return out;
}

/** Reads a quoted literal starting at `pos` (at the quote); returns its end and raw body. */
function readQuoted(sql: string, pos: number, raw: boolean): { end: number; body: string } {
  const quote = sql[pos] ?? '';
  const triple = sql.startsWith(quote.repeat(3), pos);
  const closer = triple ? quote.repeat(3) : quote;
  let i = pos + closer.length;
  while (i < sql.length) {
    if (!raw && sql[i] === '\\') {
      i += 2;
      continue;
    }
    if (raw && sql[i] === '\\' && sql[i + 1] === quote) {
      i += 2;
      continue;
    }
    if (sql.startsWith(closer, i)) {
      return { end: i + closer.length, body: sql.slice(pos + closer.length, i) };
    }
    if (!triple && (sql[i] === '\n' || sql[i] === '\r')) break;
    i += 1;
  }
  throw new SqlError('Unclosed string literal', pos);
}

const WORD_START = /[A-Za-z_]/;
const WORD_PART = /[A-Za-z0-9_]/;
const OPERATORS = ['<=>', '>>=', '<<=', '||', '<=', '>=', '<>', '!=', '<<', '>>', '=>'];

export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  const push = (kind: TokenKind, end: number, value?: string): void => {
    const text = sql.slice(pos, end);
    tokens.push({ kind, text, value: value ?? text, start: pos });
    pos = end;
  };
  while (pos < sql.length) {
    const c = sql[pos] ?? '';
    const rest2 = sql.slice(pos, pos + 2);
    if (/\s/.test(c)) {
      let end = pos;
      while (end < sql.length && /\s/.test(sql[end] ?? '')) end += 1;
      push('space', end);
    } else if (rest2 === '--' || c === '#') {
      const newline = sql.indexOf('\n', pos);
      push('comment', newline === -1 ? sql.length : newline);
    } else if (rest2 === '/*') {
      const close = sql.indexOf('*/', pos + 2);
      if (close === -1) throw new SqlError('Unclosed comment', pos);
      push('comment', close + 2);
    } else if (c === '`') {
      const close = sql.indexOf('`', pos + 1);
      if (close === -1) throw new SqlError('Unclosed identifier literal', pos);
      push('backtick', close + 1, sql.slice(pos + 1, close));
    } else if (c === "'" || c === '"') {
      const { end, body } = readQuoted(sql, pos, false);
      push('string', end, unescape(body, pos));
    } else if (/^[rRbB]{1,2}['"]/.test(sql.slice(pos, pos + 3)) && WORD_START.test(c)) {
      const prefix = /^[rRbB]{1,2}/.exec(sql.slice(pos))?.[0] ?? '';
      const lower = prefix.toLowerCase();
      if (lower !== 'r' && lower !== 'b' && lower !== 'rb' && lower !== 'br') {
        throw new SqlError(`Invalid string prefix ${prefix}`, pos);
      }
      const raw = lower.includes('r');
      const { end, body } = readQuoted(sql, pos + prefix.length, raw);
      push(lower.includes('b') ? 'bytes' : 'string', end, raw ? body : unescape(body, pos));
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(sql[pos + 1] ?? ''))) {
      const match = /^(0[xX][0-9a-fA-F]+|(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)/.exec(sql.slice(pos));
      push('number', pos + (match?.[0].length ?? 1));
    } else if (WORD_START.test(c)) {
      let end = pos;
      while (end < sql.length && WORD_PART.test(sql[end] ?? '')) end += 1;
      push('word', end, sql.slice(pos, end).toUpperCase());
    } else {
      const op = OPERATORS.find((o) => sql.startsWith(o, pos));
      push('op', pos + (op?.length ?? 1));
    }
  }
  return tokens;
}

export function isTrivia(token: Token): boolean {
  return token.kind === 'space' || token.kind === 'comment';
}
