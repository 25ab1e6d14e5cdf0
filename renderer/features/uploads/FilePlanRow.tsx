import { useId } from 'react';
import type { ConflictChoice, DestinationTable, UploadOptions } from '../../../shared/contract/uploadModel';
import { ParsedRowsPreview } from './ParsedRowsPreview';
import { formatBytes, withBlock, type FilePlan, type PlanInto } from './uploadPlan';

const delimiters: { value: string; label: string }[] = [
  { value: '', label: 'Detect automatically' },
  { value: ',', label: 'Comma' },
  { value: '\t', label: 'Tab' },
  { value: ';', label: 'Semicolon' },
  { value: '|', label: 'Pipe' },
];

const conflictChoices: { value: ConflictChoice; label: string }[] = [
  { value: 'replace', label: 'Replace it' },
  { value: 'rename', label: 'Keep both (new name)' },
  { value: 'skip', label: 'Skip this file' },
];

const NEW_TABLE = '__new__';

/** One file in the upload dialog: where it goes, name conflicts, and its parsing options. */
export function FilePlanRow(props: {
  plan: FilePlan;
  tables: DestinationTable[];
  mergeStrategy?: 'append' | 'replace';
  onChange(plan: FilePlan): void;
}) {
  const { plan, onChange } = props;
  const id = useId();
  const tabular = plan.file.kind === 'tabular';
  const choices = props.tables.filter((t) => t.isFileIndex === !tabular);
  const setOptions = (change: Partial<UploadOptions>) =>
    onChange({ ...plan, options: { ...plan.options, ...change } });
  const setInto = (into: PlanInto) => onChange(withBlock({ ...plan, into, exists: false }));
  const name = plan.file.name;

  return (
    <li className="file-plan" aria-label={name}>
      <div className="file-plan-head">
        <strong>{name}</strong>
        <span className="muted">
          {formatBytes(plan.file.size)} · {tabular ? `data (${plan.file.type})` : 'file'}
        </span>
      </div>
      {plan.blocked ? (
        <p className="upload-error" role="alert">
          {plan.blocked}
        </p>
      ) : (
        <>
          <div className="file-plan-into">
            <label htmlFor={`${id}-into`}>Into</label>
            <select
              id={`${id}-into`}
              aria-label={`Table for ${name}`}
              value={plan.into.kind === 'table' ? plan.into.tableRef : NEW_TABLE}
              onChange={(event) => {
                const table = choices.find((t) => t.tableRef === event.target.value);
                setInto(
                  table
                    ? {
                        kind: 'table',
                        tableRef: table.tableRef,
                        tableName: table.name,
                        isFileIndex: table.isFileIndex,
                      }
                    : { kind: 'newTable', tableName: plan.into.tableName, isFileIndex: !tabular },
                );
              }}
            >
              {choices.map((table) => (
                <option key={table.tableRef} value={table.tableRef}>
                  {table.name}
                </option>
              ))}
              <option value={NEW_TABLE}>{tabular ? 'A new table' : 'A new file index table'}</option>
            </select>
            {plan.into.kind === 'newTable' && (
              <input
                aria-label={`New table name for ${name}`}
                value={plan.into.tableName}
                onChange={(event) => setInto({ ...plan.into, tableName: event.target.value })}
              />
            )}
          </div>
          {tabular && plan.into.kind === 'table' && props.mergeStrategy && (
            <p className="muted">
              {props.mergeStrategy === 'replace'
                ? 'This table replaces the rows of the previous version with its uploads.'
                : 'Rows are added to the rows the table already has.'}
            </p>
          )}
          {plan.exists && (
            <fieldset className="file-plan-conflict">
              <legend>
                An upload named {plan.name} is already on {plan.into.tableName}.
                {props.mergeStrategy === 'append' && !plan.onConflict ? ' Choose what to do with it.' : ''}
              </legend>
              {conflictChoices.map((choice) => (
                <label key={choice.value}>
                  <input
                    type="radio"
                    name={`${id}-conflict`}
                    checked={plan.onConflict === choice.value}
                    onChange={() => onChange({ ...plan, onConflict: choice.value })}
                  />
                  {choice.label}
                  {choice.value === 'rename' && props.mergeStrategy === 'append' ? (
                    <span className="muted"> — adds its rows to the table a second time</span>
                  ) : null}
                </label>
              ))}
            </fieldset>
          )}
          {tabular && (
            <details className="file-plan-options">
              <summary>Options (detected from the file)</summary>
              <label>
                <input
                  type="checkbox"
                  checked={plan.options.hasHeaderRow}
                  onChange={(event) => setOptions({ hasHeaderRow: event.target.checked })}
                />
                First row holds the column names
              </label>
              {plan.file.type === 'delimited' && (
                <>
                  <label>
                    Delimiter
                    <select
                      value={plan.options.delimiter ?? ''}
                      onChange={(event) => setOptions({ delimiter: event.target.value || null })}
                    >
                      {delimiters.map((d) => (
                        <option key={d.label} value={d.value}>
                          {d.label}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label>
                    Quote character
                    <input
                      value={plan.options.quoteCharacter}
                      maxLength={1}
                      size={2}
                      onChange={(event) => setOptions({ quoteCharacter: event.target.value })}
                    />
                  </label>
                  <label>
                    Null markers (comma separated)
                    <input
                      value={plan.options.nullMarkers.join(',')}
                      onChange={(event) =>
                        setOptions({ nullMarkers: event.target.value.split(',').filter((m) => m.length > 0) })
                      }
                    />
                  </label>
                  <label>
                    <input
                      type="checkbox"
                      checked={plan.options.hasQuotedNewlines}
                      onChange={(event) => setOptions({ hasQuotedNewlines: event.target.checked })}
                    />
                    Quoted values may contain line breaks
                  </label>
                </>
              )}
              <label>
                <input
                  type="checkbox"
                  checked={plan.options.skipBadRecords}
                  onChange={(event) => setOptions({ skipBadRecords: event.target.checked })}
                />
                Skip rows that cannot be read (instead of failing)
              </label>
              {plan.file.sample !== undefined ? (
                <ParsedRowsPreview fileName={name} sample={plan.file.sample} options={plan.options} />
              ) : null}
            </details>
          )}
        </>
      )}
    </li>
  );
}
