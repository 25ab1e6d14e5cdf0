import { useMemo } from 'react';
import type { UploadOptions } from '../../../shared/contract/uploadModel';
import { parsePreview } from './parsedPreview';

const delimiterNames: Record<string, string> = { ',': 'comma', '\t': 'tab', ';': 'semicolon', '|': 'pipe' };

/** The file's first rows as the current options read them, each column with its detected type. */
export function ParsedRowsPreview(props: { fileName: string; sample: string; options: UploadOptions }) {
  const parsed = useMemo(() => parsePreview(props.sample, props.options), [props.sample, props.options]);
  if (parsed.columns.length === 0) return <p className="muted">The start of the file holds no rows.</p>;
  return (
    <div className="parsed-preview">
      <table aria-label={`First rows of ${props.fileName} as they will be read`}>
        <caption className="muted">
          First {parsed.rows.length} rows as they will be read
          {props.options.delimiter === null
            ? ` (detected delimiter: ${delimiterNames[parsed.delimiter] ?? parsed.delimiter})`
            : ''}
        </caption>
        <thead>
          <tr>
            {parsed.columns.map((column, i) => (
              <th key={i} scope="col">
                {column.name}
                <span className="parsed-type">{column.type}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {parsed.rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) =>
                cell === null ? (
                  <td key={c} className="parsed-null">
                    null
                  </td>
                ) : (
                  <td key={c}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
