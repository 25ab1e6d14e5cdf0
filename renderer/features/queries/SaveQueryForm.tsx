import { useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';

/** Asks for a `.sql` file name; offers to replace when that name is taken. */
export function SaveQueryForm(props: {
  initial: string;
  error?: AppError;
  onSave(fileName: string, overwrite: boolean): void;
  onCancel(): void;
}) {
  const [name, setName] = useState(props.initial);
  const fileName = /\.sql$/i.test(name.trim()) ? name.trim() : `${name.trim()}.sql`;
  return (
    <form
      className="qw-save"
      aria-label="Save query"
      onSubmit={(e) => {
        e.preventDefault();
        props.onSave(fileName, false);
      }}
      onKeyDown={(e) => e.key === 'Escape' && props.onCancel()}
    >
      <label>
        File name{' '}
        <input value={name} autoFocus spellCheck={false} onChange={(e) => setName(e.target.value)} />
      </label>
      <button type="submit" className="primary" disabled={!name.trim()}>
        Save
      </button>
      <button type="button" onClick={props.onCancel}>
        Cancel
      </button>
      {props.error ? (
        <span role="alert" className="qw-save-error">
          {props.error.message}
          {props.error.code === 'conflict' ? (
            <button type="button" onClick={() => props.onSave(fileName, true)}>
              Replace it
            </button>
          ) : null}
        </span>
      ) : null}
    </form>
  );
}
