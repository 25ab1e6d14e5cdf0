import { SQLDialect, StandardSQL } from '@codemirror/lang-sql';

/**
 * BigQuery Standard SQL as Redivis runs it: identifiers (and Redivis references) in backticks,
 * strings in single or double quotes with backslash escapes, `#` and `--` comments.
 */
export const bigQuerySql = SQLDialect.define({
  ...StandardSQL.spec,
  identifierQuotes: '`',
  doubleQuotedStrings: true,
  backslashEscapes: true,
  hashComments: true,
  caseInsensitiveIdentifiers: true,
  keywords: `${StandardSQL.spec.keywords ?? ''} except qualify unnest struct array safe_cast countif approx_count_distinct
    date_trunc date_diff date_add date_sub timestamp_diff format_date parse_date extract interval window over partition
    rows range following preceding unbounded current row ignore respect nulls`,
  types: `${StandardSQL.spec.types ?? ''} int64 float64 numeric bignumeric bool string bytes date datetime time timestamp geography json`,
});
