import { useRef } from 'react';
import type { UploadTarget } from './uploadTarget';
import { useUploads } from './uploadsStore';
import './uploads.css';

/** Lets the user pick files to upload into a table or dataset (the alternative to dropping). */
export function UploadButton(props: { target: UploadTarget }) {
  const input = useRef<HTMLInputElement>(null);
  const open = useUploads((state) => state.open);
  const label =
    props.target.kind === 'table'
      ? `Upload files to ${props.target.tableName}`
      : `Upload files to ${props.target.datasetName}`;
  return (
    <>
      <button
        type="button"
        className="upload-button"
        aria-label={label}
        onClick={() => input.current?.click()}
      >
        Upload files…
      </button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        aria-label={`${label} (file chooser)`}
        onChange={(event) => {
          const files = [...(event.currentTarget.files ?? [])];
          event.currentTarget.value = '';
          if (files.length > 0) open({ files, target: props.target });
        }}
      />
    </>
  );
}
