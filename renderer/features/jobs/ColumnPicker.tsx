import type { ExportTableInfo } from '../../../shared/contract/exportModel';

/** Which columns to export, in the order given (the grid's); what the grid shows arrives pre-selected. */
export function ColumnPicker(props: {
  variables: ExportTableInfo['variables'];
  chosen: Set<string>;
  onChange: (chosen: Set<string>) => void;
}) {
  const { variables, chosen, onChange } = props;
  const toggle = (name: string) => {
    const next = new Set(chosen);
    if (next.has(name)) next.delete(name);
    else next.add(name);
    onChange(next);
  };
  return (
    <fieldset className="export-columns">
      <legend>
        Columns ({chosen.size} of {variables.length})
      </legend>
      <div className="export-column-actions">
        <button
          type="button"
          className="link"
          onClick={() => onChange(new Set(variables.map((v) => v.name)))}
        >
          Select all
        </button>
        <button type="button" className="link" onClick={() => onChange(new Set())}>
          Select none
        </button>
      </div>
      <ul className="export-column-list">
        {variables.map((variable) => (
          <li key={variable.name}>
            <label title={variable.label ?? undefined}>
              <input
                type="checkbox"
                checked={chosen.has(variable.name)}
                onChange={() => toggle(variable.name)}
              />
              <span>{variable.name}</span> <span className="muted">{variable.type}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
