/**
 * BigQuery Standard SQL → DuckDB SQL, token by token (no parser). It rewrites what the two
 * dialects spell differently: string literals ("…" is a string in BigQuery, an identifier in
 * DuckDB), backticked names, table references (handed to `relationFor`, which returns the
 * DuckDB relation to use), types in CAST, `* EXCEPT`, array subscripts, and function calls
 * (through the FUNCTIONS table; unknown functions are refused by name).
 */
import { extractCall, FUNCTIONS, type Call, type CallArgument } from './functions.js';
import { SqlError, unsupported } from './sqlError.js';
import { cat, quoteIdentifier, render, stringLiteral, type Out } from './sqlText.js';
import { isTrivia, tokenize, type Token } from './tokenizer.js';

export interface TranslateOptions {
  /** Returns the DuckDB relation name for a table reference (throws for unknown/forbidden ones). */
  relationFor(reference: string, position: number): string;
}

export interface Translation {
  out: Out;
  sql: string;
}

/** Words that may be followed by `(` without being a function call. */
const PAREN_KEYWORDS = new Set([
  'SELECT',
  'FROM',
  'WHERE',
  'AND',
  'OR',
  'NOT',
  'IN',
  'EXISTS',
  'OVER',
  'AS',
  'ON',
  'USING',
  'VALUES',
  'EXCLUDE',
  'INTERSECT',
  'UNION',
  'ALL',
  'DISTINCT',
  'ANY',
  'SOME',
  'THEN',
  'ELSE',
  'WHEN',
  'CASE',
  'BY',
  'HAVING',
  'LIMIT',
  'OFFSET',
  'IS',
  'LIKE',
  'BETWEEN',
  'WINDOW',
  'ROWS',
  'QUALIFY',
  'WITH',
  'RECURSIVE',
  'JOIN',
  'INNER',
  'FULL',
  'CROSS',
  'OUTER',
  'LATERAL',
  'END',
  'ASC',
  'DESC',
  'NULLS',
  'PARTITION',
  'ORDER',
  'GROUP',
]);

/** Keywords that end a FROM clause at their nesting level. */
const CLAUSE_WORDS = new Set([
  'WHERE',
  'GROUP',
  'HAVING',
  'ORDER',
  'LIMIT',
  'QUALIFY',
  'WINDOW',
  'UNION',
  'INTERSECT',
  'EXCEPT',
  'ON',
  'USING',
  'SELECT',
]);

/** Words that can follow a table in FROM without being its alias. */
const NOT_ALIAS = new Set([
  ...CLAUSE_WORDS,
  'JOIN',
  'INNER',
  'LEFT',
  'RIGHT',
  'FULL',
  'CROSS',
  'OUTER',
  'WITH',
  'AS',
]);

const REFUSED_WORDS: Record<string, string> = {
  STRUCT: 'STRUCT',
  PIVOT: 'PIVOT',
  UNPIVOT: 'UNPIVOT',
  TABLESAMPLE: 'TABLESAMPLE',
  SYSTEM_TIME: 'FOR SYSTEM_TIME AS OF',
  JSON: 'The JSON type',
  MERGE: 'MERGE',
  INSERT: 'INSERT',
  UPDATE: 'UPDATE',
  DELETE: 'DELETE',
  CREATE: 'CREATE',
  DROP: 'DROP',
  DECLARE: 'Scripting (DECLARE)',
};

const TYPES: Record<string, string> = {
  INT64: 'BIGINT',
  INT: 'BIGINT',
  INTEGER: 'BIGINT',
  SMALLINT: 'BIGINT',
  BIGINT: 'BIGINT',
  TINYINT: 'BIGINT',
  BYTEINT: 'BIGINT',
  FLOAT64: 'DOUBLE',
  NUMERIC: 'DECIMAL(38,9)',
  DECIMAL: 'DECIMAL(38,9)',
  STRING: 'VARCHAR',
  BOOL: 'BOOLEAN',
  BOOLEAN: 'BOOLEAN',
  DATE: 'DATE',
  DATETIME: 'TIMESTAMP',
  TIMESTAMP: 'TIMESTAMPTZ',
  TIME: 'TIME',
};

class Translator {
  private readonly cteNames = new Set<string>();

  constructor(
    private readonly tokens: Token[],
    private readonly options: TranslateOptions,
  ) {
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      const as = this.sig(i + 1);
      const paren = this.sig(as + 1);
      if (t?.kind === 'word' && this.tokens[as]?.value === 'AS' && this.tokens[paren]?.text === '(') {
        const before = this.tokens[this.prevSig(i - 1)];
        if (before && (before.value === 'WITH' || before.value === 'RECURSIVE' || before.text === ',')) {
          this.cteNames.add(t.value);
        }
      }
    }
  }

  /** Index of the first significant token at or after `i` (tokens.length when none). */
  sig(i: number, end = this.tokens.length): number {
    let j = i;
    while (j < end && isTrivia(this.tokens[j] as Token)) j += 1;
    return j;
  }

  prevSig(i: number): number {
    let j = i;
    while (j >= 0 && isTrivia(this.tokens[j] as Token)) j -= 1;
    return j;
  }

  private at(i: number): Token | undefined {
    return this.tokens[i];
  }

  /** Index of the bracket closing the one at `open`. */
  matching(open: number): number {
    let depth = 0;
    for (let i = open; i < this.tokens.length; i++) {
      const text = this.tokens[i]?.kind === 'op' ? this.tokens[i]?.text : '';
      if (text === '(' || text === '[') depth += 1;
      if (text === ')' || text === ']') depth -= 1;
      if (depth === 0) return i;
    }
    throw new SqlError('Unbalanced parentheses', this.at(open)?.start ?? 0);
  }

  /** Splits `(open, close)` at top-level commas into [from, to) ranges. */
  splitArgs(open: number, close: number): [number, number][] {
    const ranges: [number, number][] = [];
    let start = open + 1;
    let depth = 0;
    for (let i = open + 1; i < close; i++) {
      const text = this.tokens[i]?.kind === 'op' ? this.tokens[i]?.text : '';
      if (text === '(' || text === '[') depth += 1;
      else if (text === ')' || text === ']') depth -= 1;
      else if (text === ',' && depth === 0) {
        ranges.push([start, i]);
        start = i + 1;
      }
    }
    if (this.sig(start, close) < close || ranges.length > 0) ranges.push([start, close]);
    return ranges;
  }

  private words(from: number, to: number): string {
    return this.tokens
      .slice(from, to)
      .filter((t) => !isTrivia(t))
      .map((t) => (t.kind === 'word' ? t.value : t.text))
      .join('');
  }

  private argument(from: number, to: number): CallArgument {
    const first = this.sig(from, to);
    const significant = this.tokens.slice(from, to).filter((t) => !isTrivia(t));
    const only = significant.length === 1 ? significant[0] : undefined;
    let interval: CallArgument['interval'] = null;
    if (this.at(first)?.value === 'INTERVAL') {
      const last = this.prevSig(to - 1);
      interval = { amount: this.emit(first + 1, last), part: this.at(last)?.value ?? '' };
    }
    return {
      out: this.emit(from, to),
      words: this.words(from, to),
      literal: only?.kind === 'string' ? only.value : null,
      interval,
      position: this.at(first)?.start ?? 0,
    };
  }

  /** Emits tokens [from, to) as DuckDB SQL. */
  emit(from: number, to: number): Out {
    const out: Out = [];
    let depth = 0;
    const inFrom: boolean[] = [false];
    let tablePosition = false;
    for (let i = from; i < to; i++) {
      const token = this.tokens[i] as Token;
      const src = token.start;
      if (isTrivia(token)) {
        out.push({ text: token.kind === 'comment' ? ' ' : token.text, src });
        continue;
      }
      const wasTable = tablePosition;
      tablePosition = false;
      switch (token.kind) {
        case 'string':
          // DuckDB would read a string in FROM as a file path.
          if (wasTable) throw unsupported('A string in FROM (table references go in backticks)', src);
          out.push({ text: stringLiteral(token.value), src });
          break;
        case 'bytes':
          throw unsupported('BYTES literals', src);
        case 'number':
          out.push({ text: /^0x/i.test(token.text) ? String(BigInt(token.text)) : token.text, src });
          break;
        case 'backtick':
          if (wasTable || /[.:]/.test(token.value)) {
            out.push({ text: this.options.relationFor(token.value, src), src });
          } else {
            out.push({ text: quoteIdentifier(token.value), src });
          }
          break;
        case 'op': {
          const text = token.text;
          if (text === '(') {
            depth += 1;
            inFrom[depth] = false;
          } else if (text === ')') {
            depth = Math.max(0, depth - 1);
          } else if (text === ',' && inFrom[depth]) {
            tablePosition = true;
          } else if (text === ';') {
            if (this.sig(i + 1, to) < to) throw new SqlError('Only one statement can be run per query', src);
            break;
          } else if (text === '[') {
            const subscript = this.subscript(i);
            if (subscript) {
              out.push(...subscript.out);
              i = subscript.end;
              break;
            }
          }
          out.push({ text, src });
          break;
        }
        case 'word': {
          const next = this.sig(i + 1, to);
          const nextToken = next < to ? this.at(next) : undefined;
          const word = token.value;
          const refused = REFUSED_WORDS[word];
          if (refused) throw unsupported(refused, src);
          if (word === 'SAFE' && nextToken?.text === '.') throw unsupported('The SAFE. function prefix', src);
          if (word === 'FROM' || word === 'JOIN') {
            inFrom[depth] = true;
            tablePosition = true;
            out.push({ text: token.text, src });
            break;
          }
          if (CLAUSE_WORDS.has(word)) inFrom[depth] = false;
          if (word === 'SELECT' && nextToken?.value === 'AS')
            throw unsupported('SELECT AS STRUCT/VALUE', src);
          if (word === 'EXCEPT' && this.at(this.prevSig(i - 1))?.text === '*' && nextToken?.text === '(') {
            out.push({ text: 'EXCLUDE', src });
            break;
          }
          if (word === 'ARRAY' && (nextToken?.text === '(' || nextToken?.text === '<')) {
            throw unsupported('ARRAY(…) and ARRAY<…>', src);
          }
          if (
            nextToken?.kind === 'string' &&
            ['DATETIME', 'TIMESTAMP', 'NUMERIC', 'BIGNUMERIC'].includes(word)
          ) {
            out.push(...this.typedLiteral(word, nextToken));
            i = next;
            break;
          }
          if (nextToken?.text === '(' && !PAREN_KEYWORDS.has(word)) {
            if (word === 'REPLACE' && this.at(this.prevSig(i - 1))?.text === '*') {
              out.push({ text: token.text, src });
              break;
            }
            if (this.at(this.prevSig(i - 1))?.text === '.') throw unsupported(`The function ${word}`, src);
            const call = this.call(i, next, wasTable);
            out.push(...call.out);
            i = call.end;
            break;
          }
          if (wasTable && !PAREN_KEYWORDS.has(word) && word !== 'UNNEST') {
            const chain = this.pathAt(i, to);
            if (chain.parts === 1 && this.cteNames.has(word)) out.push({ text: token.text, src });
            else out.push({ text: this.options.relationFor(chain.text, src), src });
            i = chain.end;
            break;
          }
          out.push({ text: token.text, src });
          break;
        }
        default:
          out.push({ text: token.text, src });
      }
    }
    return out;
  }

  /** An unquoted dotted table path `a.b.c` starting at word `i`. */
  private pathAt(i: number, to: number): { text: string; parts: number; end: number } {
    let text = this.at(i)?.text ?? '';
    let end = i;
    let parts = 1;
    while (end + 2 < to && this.at(end + 1)?.text === '.' && this.at(end + 2)?.kind === 'word') {
      text += `.${this.at(end + 2)?.text ?? ''}`;
      end += 2;
      parts += 1;
    }
    return { text, parts, end };
  }

  private typedLiteral(word: string, literal: Token): Out {
    const src = literal.start;
    const value = stringLiteral(literal.value);
    if (word === 'DATETIME') return cat(src, `TIMESTAMP ${value}`);
    if (word === 'TIMESTAMP') return cat(src, `TIMESTAMPTZ ${value}`);
    return cat(src, `CAST(${value} AS DECIMAL(38,9))`);
  }

  /** `[OFFSET(i)]`, `[SAFE_OFFSET(i)]`, `[ORDINAL(i)]`, `[SAFE_ORDINAL(i)]` → DuckDB's 1-based `[…]`. */
  private subscript(open: number): { out: Out; end: number } | null {
    const word = this.sig(open + 1);
    const kind = this.at(word)?.value ?? '';
    if (!['OFFSET', 'SAFE_OFFSET', 'ORDINAL', 'SAFE_ORDINAL'].includes(kind)) return null;
    const paren = this.sig(word + 1);
    if (this.at(paren)?.text !== '(') return null;
    const close = this.matching(paren);
    const end = this.sig(close + 1);
    if (this.at(end)?.text !== ']') return null;
    const src = this.at(open)?.start ?? 0;
    const index = this.emit(paren + 1, close);
    return { out: cat(src, '[(', index, kind.endsWith('OFFSET') ? ') + 1]' : ')]'), end };
  }

  private call(nameIndex: number, open: number, inTablePosition: boolean): { out: Out; end: number } {
    const name = this.at(nameIndex)?.value ?? '';
    const position = this.at(nameIndex)?.start ?? 0;
    const close = this.matching(open);
    if (name === 'CAST' || name === 'SAFE_CAST') {
      return { out: this.cast(name, open, close, position), end: close };
    }
    if (name === 'EXTRACT') return { out: this.extract(open, close, position), end: close };
    if (name === 'UNNEST') {
      if (!inTablePosition) throw unsupported('UNNEST outside FROM', position);
      return this.unnest(open, close, position);
    }
    const rule = FUNCTIONS[name];
    if (!rule) throw unsupported(`The function ${name}`, position);
    const call: Call = {
      name,
      position,
      args: this.splitArgs(open, close).map(([a, b]) => this.argument(a, b)),
      inner: this.emit(open + 1, close),
    };
    return { out: rule(call), end: close };
  }

  private cast(name: string, open: number, close: number, position: number): Out {
    let as = -1;
    let depth = 0;
    for (let i = open + 1; i < close; i++) {
      const t = this.at(i);
      if (t?.text === '(' || t?.text === '[') depth += 1;
      if (t?.text === ')' || t?.text === ']') depth -= 1;
      if (depth === 0 && t?.kind === 'word' && t.value === 'AS') as = i;
    }
    if (as < 0) throw new SqlError(`${name} needs AS and a type`, position);
    const typeWords = this.words(as + 1, close);
    const base = /^[A-Z0-9_]+/.exec(typeWords)?.[0] ?? '';
    if (typeWords.includes('FORMAT')) throw unsupported(`${name} … FORMAT`, position);
    let type = TYPES[base];
    const params = /^(NUMERIC|DECIMAL)\((\d+)(?:,(\d+))?\)$/.exec(typeWords);
    if (params) type = `DECIMAL(${params[2] ?? '38'},${params[3] ?? '0'})`;
    else if (typeWords !== base) type = undefined;
    if (!type) throw unsupported(`${name} to ${typeWords}`, position);
    const value = this.emit(open + 1, as);
    return cat(position, name === 'SAFE_CAST' ? 'TRY_CAST(' : 'CAST(', value, ` AS ${type})`);
  }

  private extract(open: number, close: number, position: number): Out {
    let from = -1;
    for (let i = open + 1; i < close; i++) {
      if (this.at(i)?.kind === 'word' && this.at(i)?.value === 'FROM') {
        from = i;
        break;
      }
    }
    if (from < 0) throw new SqlError('EXTRACT needs FROM', position);
    for (let i = from; i < close; i++) {
      if (this.at(i)?.value === 'AT') throw unsupported('EXTRACT … AT TIME ZONE', position);
    }
    return extractCall(this.words(open + 1, from), this.emit(from + 1, close), position);
  }

  /** `UNNEST(GENERATE_ARRAY(a, b))` streams as DuckDB's generate_series; alias names the column. */
  private unnest(open: number, close: number, position: number): { out: Out; end: number } {
    const inner = this.sig(open + 1, close);
    const innerParen = this.sig(inner + 1, close);
    let body: Out;
    if (
      this.at(inner)?.value === 'GENERATE_ARRAY' &&
      this.at(innerParen)?.text === '(' &&
      this.sig(this.matching(innerParen) + 1, close) === close
    ) {
      body = cat(position, 'generate_series(', this.emit(innerParen + 1, this.matching(innerParen)), ')');
    } else {
      body = cat(position, 'unnest(', this.emit(open + 1, close), ')');
    }
    let end = close;
    let alias = 'f0_';
    const next = this.sig(close + 1);
    const nextToken = this.at(next);
    if (nextToken?.kind === 'word' && nextToken.value === 'AS') {
      const name = this.sig(next + 1);
      alias = this.at(name)?.text ?? alias;
      end = name;
    } else if (nextToken?.kind === 'word' && !NOT_ALIAS.has(nextToken.value)) {
      alias = nextToken.text;
      end = next;
    }
    const after = this.at(this.sig(end + 1));
    if (after?.value === 'WITH') throw unsupported('UNNEST … WITH OFFSET', position);
    return { out: cat(position, body, ` AS ${alias}(${alias})`), end };
  }
}

/** Translates one BigQuery SELECT statement. */
export function translate(sql: string, options: TranslateOptions): Translation {
  const tokens = tokenize(sql);
  const translator = new Translator(tokens, options);
  const first = tokens[translator.sig(0)];
  if (!first) throw new SqlError('The query is empty', 0);
  if (!(first.value === 'SELECT' || first.value === 'WITH' || first.text === '(')) {
    throw new SqlError(`Only SELECT queries can be run; found ${first.text}`, first.start);
  }
  const out = translator.emit(0, tokens.length);
  return { out, sql: render(out) };
}
