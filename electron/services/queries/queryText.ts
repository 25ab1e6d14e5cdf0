/**
 * A light scan of BigQuery SQL text: enough to find the table references a query names and
 * whether it selects every column, skipping strings and comments. It is not a parser; Redivis
 * parses the query. `SELECT 1 -- FROM \`x\`` names no table; `FROM \`demo.iris\`` does.
 */
export interface ScannedQuery {
  /** Backticked references and bare names that follow FROM or JOIN, in order, once each. */
  tables: string[];
  /** `SELECT *` without EXCEPT somewhere in the query. */
  selectsStar: boolean;
}

export function scanQuery(sql: string): ScannedQuery {
  const tables: string[] = [];
  const words: string[] = [];
  let selectsStar = false;
  const add = (name: string) => {
    if (!tables.includes(name)) tables.push(name);
  };
  const previousWord = () => words[words.length - 1]?.toUpperCase();
  let i = 0;
  while (i < sql.length) {
    const c = sql[i] as string;
    const next = sql[i + 1];
    if (c === '-' && next === '-') i = lineEnd(sql, i);
    else if (c === '#') i = lineEnd(sql, i);
    else if (c === '/' && next === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 2;
    } else if (c === "'" || c === '"') i = stringEnd(sql, i);
    else if (c === '`') {
      const end = sql.indexOf('`', i + 1);
      const name = sql.slice(i + 1, end < 0 ? sql.length : end);
      if (/[.:]/.test(name) || previousWord() === 'FROM' || previousWord() === 'JOIN') add(name);
      words.push('`');
      i = end < 0 ? sql.length : end + 1;
    } else if (/[A-Za-z_]/.test(c)) {
      let end = i + 1;
      while (end < sql.length && /[A-Za-z0-9_]/.test(sql[end] as string)) end++;
      const word = sql.slice(i, end);
      const before = previousWord();
      if (
        (before === 'FROM' || before === 'JOIN') &&
        !/^(SELECT|UNNEST|WITH)$/i.test(word) &&
        sql[end] !== '('
      ) {
        add(word);
      }
      words.push(word);
      i = end;
    } else if (c === '*') {
      if (previousWord() === 'SELECT' && !/^\s*EXCEPT\b/i.test(sql.slice(i + 1))) selectsStar = true;
      words.push('*');
      i++;
    } else {
      if (!/\s/.test(c)) words.push(c);
      i++;
    }
  }
  // Names a WITH clause defines are not tables of the catalog.
  const defined = new Set(
    [...sql.matchAll(/(?:\bWITH|,)\s*(?:RECURSIVE\s+)?`?(\w+)`?\s+AS\s*\(/gi)].map((m) =>
      m[1]?.toLowerCase(),
    ),
  );
  return {
    tables: tables.filter((name) => /[.:]/.test(name) || !defined.has(name.toLowerCase())),
    selectsStar,
  };
}

function lineEnd(sql: string, from: number): number {
  const end = sql.indexOf('\n', from);
  return end < 0 ? sql.length : end + 1;
}

function stringEnd(sql: string, from: number): number {
  const quote = sql[from] as string;
  const triple = sql.startsWith(quote.repeat(3), from);
  const close = triple ? quote.repeat(3) : quote;
  let i = from + close.length;
  while (i < sql.length) {
    if (sql[i] === '\\') i += 2;
    else if (sql.startsWith(close, i)) return i + close.length;
    else i++;
  }
  return sql.length;
}
