import { useState } from 'react';
import type { PreviewColumn } from '../../../shared/contract/previewModel';

interface ColumnChooserProps {
  /** Every variable of the table (from its metadata, or the loaded columns when unknown). */
  columns: readonly PreviewColumn[];
  hidden: readonly string[];
  selectedVariables?: readonly string[];
  onHiddenChange(hidden: string[]): void;
  onSelectedVariablesChange(selected: string[] | undefined): void;
  onClose(): void;
}

/**
 * Which columns to see. Checkboxes hide or show loaded columns at once; "Load only these"
 * restarts the preview asking the server for just the checked variables (selectedVariables),
 * which is what makes a 600-column table quick to preview.
 */
export function ColumnChooser(props: ColumnChooserProps) {
  const [filter, setFilter] = useState('');
  const hidden = new Set(props.hidden);
  const needle = filter.trim().toLowerCase();
  const shown = props.columns.filter(
    (column) =>
      !needle ||
      column.name.toLowerCase().includes(needle) ||
      (column.label ?? '').toLowerCase().includes(needle),
  );
  const checked = props.columns.filter((column) => !hidden.has(column.name)).map((column) => column.name);
  const setAll = (visible: boolean) =>
    props.onHiddenChange(
      visible
        ? props.hidden.filter((name) => !shown.some((column) => column.name === name))
        : [...new Set([...props.hidden, ...shown.map((column) => column.name)])],
    );

  return (
    <section className="pv-chooser" aria-label="Columns">
      <div className="pv-chooser-bar">
        <input
          type="search"
          aria-label="Filter columns"
          placeholder="Filter columns"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
        <button type="button" onClick={() => setAll(true)}>
          Show all
        </button>
        <button type="button" onClick={() => setAll(false)}>
          Hide all
        </button>
        <button type="button" onClick={props.onClose}>
          Done
        </button>
      </div>
      <ul className="pv-chooser-list">
        {shown.map((column) => (
          <li key={column.name}>
            <label>
              <input
                type="checkbox"
                checked={!hidden.has(column.name)}
                onChange={(event) =>
                  props.onHiddenChange(
                    event.target.checked
                      ? props.hidden.filter((name) => name !== column.name)
                      : [...props.hidden, column.name],
                  )
                }
              />
              <span className="pv-chooser-name">{column.name}</span>
              {column.label ? <span className="muted"> {column.label}</span> : null}
              <span className="pv-chooser-type muted"> {column.type}</span>
            </label>
          </li>
        ))}
      </ul>
      <div className="pv-chooser-bar">
        <button
          type="button"
          disabled={checked.length === 0}
          onClick={() => props.onSelectedVariablesChange(checked)}
          title="Ask the server only for the checked columns"
        >
          Load only checked columns ({checked.length})
        </button>
        {props.selectedVariables ? (
          <button type="button" onClick={() => props.onSelectedVariablesChange(undefined)}>
            Load all columns
          </button>
        ) : null}
      </div>
    </section>
  );
}
