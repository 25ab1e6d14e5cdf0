/**
 * BigQuery functions → DuckDB. Only functions listed here run; any other call is refused by
 * name, so a function DuckDB happens to spell the same way but computes differently can never
 * give a silently different answer. Entries are either the same function under DuckDB's name,
 * or a rewrite where arguments, NULL handling or results differ.
 */
import { extractPart, intervalOf, parseDatePart, translateFormat, weekStart } from './dateParts.js';
import { SqlError, unsupported } from './sqlError.js';
import { cat, joinOut, stringLiteral, type Out } from './sqlText.js';

export interface CallArgument {
  /** The argument translated. */
  out: Out;
  /** Its significant tokens' values joined (upper-cased words), e.g. `WEEK(MONDAY)`. */
  words: string;
  /** The decoded value when the argument is one string literal. */
  literal: string | null;
  /** For `INTERVAL n PART` arguments. */
  interval: { amount: Out; part: string } | null;
  position: number;
}

export interface Call {
  name: string;
  position: number;
  args: CallArgument[];
  /** Everything between the parentheses, translated (keeps DISTINCT, ORDER BY, IGNORE NULLS…). */
  inner: Out;
}

type Rule = (call: Call) => Out;

function arity(call: Call, min: number, max = min): void {
  if (call.args.length < min || call.args.length > max) {
    const expected = min === max ? `${min}` : `${min} to ${max}`;
    throw new SqlError(
      `${call.name} expects ${expected} arguments but got ${call.args.length}`,
      call.position,
    );
  }
}

function arg(call: Call, index: number): CallArgument {
  const found = call.args[index];
  if (!found) throw new SqlError(`${call.name} is missing argument ${index + 1}`, call.position);
  return found;
}

/** Same meaning in DuckDB, possibly under another name. */
function same(duckName?: string): Rule {
  return (call) => cat(call.position, `${duckName ?? call.name.toLowerCase()}(`, call.inner, ')');
}

function literalFormat(call: Call, index: number): string {
  const format = arg(call, index).literal;
  if (format === null)
    throw unsupported(`${call.name} with a format that is not a string literal`, call.position);
  return translateFormat(format, call.position);
}

/** NULL when any argument is NULL (BigQuery), where DuckDB would skip NULLs. */
function nullIfAnyNull(call: Call, body: Out): Out {
  const checks = call.args.map((a) => cat(call.position, '(', a.out, ') IS NULL'));
  return cat(
    call.position,
    'CASE WHEN ',
    joinOut(checks, ' OR ', call.position),
    ' THEN NULL ELSE ',
    body,
    ' END',
  );
}

function trunc(kind: 'DATE' | 'DATETIME' | 'TIMESTAMP'): Rule {
  return (call) => {
    arity(call, 2);
    const x = arg(call, 0).out;
    const part = parseDatePart(arg(call, 1).words, call.position);
    const src = call.position;
    if (part.kind === 'week') {
      const start = weekStart(x, part.start, src);
      if (kind === 'DATE') return start;
      return cat(src, `CAST(`, start, kind === 'DATETIME' ? ' AS TIMESTAMP)' : ' AS TIMESTAMPTZ)');
    }
    const truncated = cat(src, `date_trunc('${part.duck}', `, x, ')');
    if (kind === 'DATE') return cat(src, 'CAST(', truncated, ' AS DATE)');
    if (kind === 'DATETIME') return cat(src, 'CAST(', truncated, ' AS TIMESTAMP)');
    return truncated;
  };
}

function addInterval(kind: 'DATE' | 'DATETIME' | 'TIMESTAMP', sign: '+' | '-'): Rule {
  return (call) => {
    arity(call, 2);
    const interval = arg(call, 1).interval;
    if (!interval)
      throw new SqlError(`${call.name} expects an INTERVAL as its second argument`, call.position);
    const part = parseDatePart(interval.part, call.position);
    const sum = cat(
      call.position,
      '(',
      arg(call, 0).out,
      ` ${sign} `,
      intervalOf(part, interval.amount, call.position, call.position),
      ')',
    );
    // DuckDB's DATE ± INTERVAL is a TIMESTAMP; BigQuery's DATE_ADD stays a DATE.
    return kind === 'DATE' ? cat(call.position, 'CAST(', sum, ' AS DATE)') : sum;
  };
}

/** BigQuery DATE_DIFF/DATETIME_DIFF count part boundaries crossed; TIMESTAMP_DIFF whole parts. */
function diff(boundaries: boolean): Rule {
  return (call) => {
    arity(call, 3);
    const [a, b] = [arg(call, 0).out, arg(call, 1).out];
    const part = parseDatePart(arg(call, 2).words, call.position);
    const src = call.position;
    if (part.kind === 'week') {
      if (!boundaries) throw unsupported(`${call.name} with WEEK`, src);
      return cat(
        src,
        "(date_diff('day', ",
        weekStart(b, part.start, src),
        ', ',
        weekStart(a, part.start, src),
        ') // 7)',
      );
    }
    return cat(src, `${boundaries ? 'date_diff' : 'date_sub'}('${part.duck}', `, b, ', ', a, ')');
  };
}

function substr(call: Call): Out {
  arity(call, 2, 3);
  const src = call.position;
  const s = arg(call, 0).out;
  const p = arg(call, 1).out;
  // BigQuery: position 0 means 1, a negative one counts from the end and stops at the start.
  const start = cat(
    src,
    'CASE WHEN (',
    p,
    ') > 0 THEN (',
    p,
    ') WHEN (',
    p,
    ') = 0 THEN 1 ELSE greatest(length(',
    s,
    ') + (',
    p,
    ') + 1, 1) END',
  );
  const length = call.args[2] ? cat(src, ', ', call.args[2].out) : [];
  return cat(src, 'substr(', s, ', ', start, length, ')');
}

function pad(name: string): Rule {
  return (call) => {
    arity(call, 2, 3);
    const fill = call.args[2] ? call.args[2].out : cat(call.position, "' '");
    return cat(call.position, `${name}(`, arg(call, 0).out, ', ', arg(call, 1).out, ', ', fill, ')');
  };
}

function regexpExtract(call: Call): Out {
  arity(call, 2);
  const pattern = arg(call, 1).literal;
  if (pattern === null)
    throw unsupported('REGEXP_EXTRACT with a pattern that is not a string literal', call.position);
  const groups = (pattern.match(/(?<!\\)\((?!\?)/g) ?? []).length;
  if (groups > 1)
    throw new SqlError(
      'Regular expressions passed into extraction functions must not have more than 1 capturing group',
      call.position,
    );
  const [s, re] = [arg(call, 0).out, arg(call, 1).out];
  return cat(
    call.position,
    'CASE WHEN regexp_matches(',
    s,
    ', ',
    re,
    ') THEN regexp_extract(',
    s,
    ', ',
    re,
    `, ${groups}) END`,
  );
}

function dateConstructor(call: Call): Out {
  if (call.args.length === 3)
    return cat(
      call.position,
      'make_date(',
      joinOut(
        call.args.map((a) => a.out),
        ', ',
        call.position,
      ),
      ')',
    );
  arity(call, 1);
  return cat(call.position, 'CAST(', arg(call, 0).out, ' AS DATE)');
}

function dateTimeConstructor(call: Call): Out {
  const src = call.position;
  if (call.args.length === 6)
    return cat(
      src,
      'make_timestamp(',
      joinOut(
        call.args.map((a) => a.out),
        ', ',
        src,
      ),
      ')',
    );
  if (call.args.length === 2)
    return cat(src, '(CAST(', arg(call, 0).out, ' AS DATE) + CAST(', arg(call, 1).out, ' AS TIME))');
  arity(call, 1);
  return cat(src, 'CAST(', arg(call, 0).out, ' AS TIMESTAMP)');
}

function timeConstructor(call: Call): Out {
  if (call.args.length === 3)
    return cat(
      call.position,
      'make_time(',
      joinOut(
        call.args.map((a) => a.out),
        ', ',
        call.position,
      ),
      ')',
    );
  arity(call, 1);
  return cat(call.position, 'CAST(', arg(call, 0).out, ' AS TIME)');
}

function timestampConstructor(call: Call): Out {
  arity(call, 1);
  return cat(call.position, 'CAST(', arg(call, 0).out, ' AS TIMESTAMPTZ)');
}

function format(kind: 'DATE' | 'DATETIME' | 'TIMESTAMP' | 'TIME'): Rule {
  return (call) => {
    arity(call, 2);
    const value =
      kind === 'TIME'
        ? cat(call.position, "(DATE '1970-01-01' + CAST(", arg(call, 1).out, ' AS TIME))')
        : arg(call, 1).out;
    return cat(call.position, 'strftime(', value, `, ${stringLiteral(literalFormat(call, 0))})`);
  };
}

function parse(kind: 'DATE' | 'DATETIME' | 'TIMESTAMP'): Rule {
  return (call) => {
    arity(call, 2);
    const parsed = cat(
      call.position,
      'strptime(',
      arg(call, 1).out,
      `, ${stringLiteral(literalFormat(call, 0))})`,
    );
    const type = kind === 'DATE' ? 'DATE' : kind === 'DATETIME' ? 'TIMESTAMP' : 'TIMESTAMPTZ';
    return cat(call.position, 'CAST(', parsed, ` AS ${type})`);
  };
}

function noArguments(duck: string): Rule {
  return (call) => {
    arity(call, 0);
    return cat(call.position, duck);
  };
}

export const FUNCTIONS: Record<string, Rule> = {
  // Aggregates and windows: same meaning.
  COUNT: same(),
  SUM: same(),
  AVG: same(),
  MIN: same(),
  MAX: same(),
  STRING_AGG: same(),
  ANY_VALUE: same(),
  STDDEV: same('stddev_samp'),
  STDDEV_SAMP: same(),
  STDDEV_POP: same(),
  VARIANCE: same('var_samp'),
  VAR_SAMP: same(),
  VAR_POP: same(),
  CORR: same(),
  COVAR_POP: same(),
  COVAR_SAMP: same(),
  COUNTIF: same('count_if'),
  LOGICAL_AND: same('bool_and'),
  LOGICAL_OR: same('bool_or'),
  // An exact count is a valid answer for BigQuery's approximate one; DuckDB's HLL is not exact.
  APPROX_COUNT_DISTINCT: (call) => {
    arity(call, 1);
    return cat(call.position, 'count(DISTINCT ', arg(call, 0).out, ')');
  },
  ROW_NUMBER: same(),
  RANK: same(),
  DENSE_RANK: same(),
  NTILE: same(),
  PERCENT_RANK: same(),
  CUME_DIST: same(),
  LAG: same(),
  LEAD: same(),
  FIRST_VALUE: same(),
  LAST_VALUE: same(),
  NTH_VALUE: same(),
  // Conditionals.
  COALESCE: same(),
  IFNULL: same(),
  NULLIF: same(),
  IF: same(),
  // Math.
  ABS: same(),
  SIGN: same(),
  SQRT: same(),
  POW: same(),
  POWER: same(),
  EXP: same(),
  LN: same(),
  LOG10: same(),
  FLOOR: same(),
  CEIL: same(),
  CEILING: same(),
  TRUNC: same(),
  MOD: same(),
  IS_NAN: same('isnan'),
  IS_INF: same('isinf'),
  // BigQuery ROUND rounds half away from zero (as DuckDB does) and returns FLOAT64 for integers.
  ROUND: (call) => {
    arity(call, 1, 2);
    const digits = call.args[1] ? cat(call.position, ', ', call.args[1].out) : [];
    return cat(call.position, 'round(CAST(', arg(call, 0).out, ' AS DOUBLE)', digits, ')');
  },
  LOG: (call) => {
    arity(call, 1, 2);
    if (!call.args[1]) return cat(call.position, 'ln(', arg(call, 0).out, ')');
    return cat(call.position, '(ln(', arg(call, 0).out, ') / ln(', call.args[1].out, '))');
  },
  DIV: (call) => {
    arity(call, 2);
    return cat(call.position, '((', arg(call, 0).out, ') // (', arg(call, 1).out, '))');
  },
  SAFE_DIVIDE: (call) => {
    arity(call, 2);
    const [a, b] = [arg(call, 0).out, arg(call, 1).out];
    return cat(
      call.position,
      'CASE WHEN (',
      b,
      ') = 0 THEN NULL ELSE CAST(',
      a,
      ' AS DOUBLE) / (',
      b,
      ') END',
    );
  },
  GREATEST: (call) => nullIfAnyNull(call, cat(call.position, 'greatest(', call.inner, ')')),
  LEAST: (call) => nullIfAnyNull(call, cat(call.position, 'least(', call.inner, ')')),
  // Strings.
  CONCAT: (call) =>
    cat(
      call.position,
      '(',
      joinOut(
        call.args.map((a) => cat(call.position, '(', a.out, ')')),
        ' || ',
        call.position,
      ),
      ')',
    ),
  LOWER: same(),
  UPPER: same(),
  LENGTH: same(),
  CHAR_LENGTH: same('length'),
  CHARACTER_LENGTH: same('length'),
  TRIM: same(),
  LTRIM: same(),
  RTRIM: same(),
  REPLACE: same(),
  REVERSE: same(),
  REPEAT: same(),
  LEFT: same(),
  RIGHT: same(),
  STRPOS: same(),
  STARTS_WITH: same(),
  ENDS_WITH: same(),
  SUBSTR: substr,
  SUBSTRING: substr,
  LPAD: pad('lpad'),
  RPAD: pad('rpad'),
  SPLIT: (call) => {
    arity(call, 1, 2);
    const delimiter = call.args[1] ? call.args[1].out : cat(call.position, "','");
    return cat(call.position, 'string_split(', arg(call, 0).out, ', ', delimiter, ')');
  },
  ARRAY_LENGTH: same('len'),
  REGEXP_CONTAINS: same('regexp_matches'),
  // BigQuery replaces every match; DuckDB only the first unless 'g'.
  REGEXP_REPLACE: (call) => {
    arity(call, 3);
    return cat(call.position, 'regexp_replace(', call.inner, ", 'g')");
  },
  REGEXP_EXTRACT: regexpExtract,
  // Dates and times.
  CURRENT_DATE: noArguments('current_date'),
  CURRENT_DATETIME: noArguments('CAST(now() AS TIMESTAMP)'),
  CURRENT_TIMESTAMP: noArguments('now()'),
  CURRENT_TIME: noArguments('CAST(now() AS TIME)'),
  DATE: dateConstructor,
  DATETIME: dateTimeConstructor,
  TIME: timeConstructor,
  TIMESTAMP: timestampConstructor,
  LAST_DAY: (call) => {
    arity(call, 1);
    return cat(call.position, 'last_day(', arg(call, 0).out, ')');
  },
  DATE_TRUNC: trunc('DATE'),
  DATETIME_TRUNC: trunc('DATETIME'),
  TIMESTAMP_TRUNC: trunc('TIMESTAMP'),
  DATE_ADD: addInterval('DATE', '+'),
  DATE_SUB: addInterval('DATE', '-'),
  DATETIME_ADD: addInterval('DATETIME', '+'),
  DATETIME_SUB: addInterval('DATETIME', '-'),
  TIMESTAMP_ADD: addInterval('TIMESTAMP', '+'),
  TIMESTAMP_SUB: addInterval('TIMESTAMP', '-'),
  DATE_DIFF: diff(true),
  DATETIME_DIFF: diff(true),
  TIMESTAMP_DIFF: diff(false),
  FORMAT_DATE: format('DATE'),
  FORMAT_DATETIME: format('DATETIME'),
  FORMAT_TIMESTAMP: format('TIMESTAMP'),
  FORMAT_TIME: format('TIME'),
  PARSE_DATE: parse('DATE'),
  PARSE_DATETIME: parse('DATETIME'),
  PARSE_TIMESTAMP: parse('TIMESTAMP'),
  UNIX_DATE: (call) => {
    arity(call, 1);
    return cat(call.position, "date_diff('day', DATE '1970-01-01', ", arg(call, 0).out, ')');
  },
  UNIX_SECONDS: (call) => {
    arity(call, 1);
    return cat(call.position, 'CAST(floor(epoch(', arg(call, 0).out, ')) AS BIGINT)');
  },
  TIMESTAMP_SECONDS: (call) => {
    arity(call, 1);
    return cat(call.position, 'to_timestamp(', arg(call, 0).out, ')');
  },
  GENERATE_ARRAY: (call) => {
    arity(call, 2, 3);
    return cat(call.position, 'generate_series(', call.inner, ')');
  },
};

/** `EXTRACT(part FROM x)`, parsed by the translator. */
export function extractCall(part: string, x: Out, position: number): Out {
  return extractPart(part, x, position, position);
}
