import { fail } from '../../../shared/contract/errors';
import type { FilterValue } from '../../../shared/contract/tableViewModel';

/**
 * BigQuery Standard SQL spellings of names and values. Every name and value of a view passes
 * through here and nowhere else, so no text a user typed can end a literal early.
 */

/** Characters escaped inside quoted strings and quoted identifiers (BigQuery escape sequences). */
function escapeText(text: string, quote: "'" | '`'): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '\\') out += '\\\\';
    else if (char === quote) out += `\\${quote}`;
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    // Other control characters would end or bend a literal in some readers; spell them in hex.
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += char;
  }
  return out;
}

/** A column name or table reference in backticks. */
export function quoteName(name: string): string {
  return `\`${escapeText(name, '`')}\``;
}

/** A string literal in single quotes. */
export function quoteString(value: string): string {
  return `'${escapeText(value, "'")}'`;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?))?$/;
const TIME = /^\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?$/;
const INTEGER = /^[+-]?\d{1,19}$/;

function valueText(value: FilterValue): string {
  return typeof value === 'string' ? value.trim() : String(value);
}

function refuse(value: FilterValue, column: string, what: string): never {
  return fail('bad_input', `“${String(value)}” is not ${what}, so it cannot filter ${column}.`);
}

/**
 * A value as a literal of the column's Redivis type (spec 3.3 variable types). Values that do
 * not fit the type are refused with a plain message instead of being sent as text.
 */
export function literalFor(type: string, value: FilterValue, column: string): string {
  switch (type) {
    case 'integer': {
      const text = valueText(value);
      if (typeof value === 'boolean' || !INTEGER.test(text)) refuse(value, column, 'a whole number');
      return String(BigInt(text));
    }
    case 'float': {
      const text = valueText(value);
      const number = typeof value === 'boolean' || text === '' ? NaN : Number(text);
      if (!Number.isFinite(number)) refuse(value, column, 'a number');
      // Written by JavaScript itself: digits, a point, an exponent; never anything else.
      return number < 0 ? `(${String(number)})` : String(number);
    }
    case 'boolean': {
      const text = valueText(value).toLowerCase();
      if (text !== 'true' && text !== 'false') refuse(value, column, 'true or false');
      return text.toUpperCase();
    }
    case 'date': {
      const text = valueText(value);
      if (!DATE.test(text)) refuse(value, column, 'a date (YYYY-MM-DD)');
      return `DATE ${quoteString(text)}`;
    }
    case 'dateTime': {
      const match = DATE_TIME.exec(valueText(value));
      if (!match) refuse(value, column, 'a date and time (YYYY-MM-DD HH:MM:SS)');
      return `DATETIME ${quoteString(`${match[1] ?? ''} ${match[2] ?? '00:00:00'}`)}`;
    }
    case 'time': {
      const text = valueText(value);
      if (!TIME.test(text)) refuse(value, column, 'a time (HH:MM:SS)');
      return `TIME ${quoteString(text)}`;
    }
    case 'string':
      return quoteString(typeof value === 'string' ? value : String(value));
    default:
      return fail('bad_input', `${column} (${type}) can only be filtered by whether it is null.`);
  }
}
