import { useState } from 'react';
import { ExportDialog } from './ExportDialog';
import './jobs.css';

/** Opens the export dialog for a table (keeping the preview's column choice when given). */
export function ExportButton(props: { tableRef: string; tableName: string; selectedVariables?: string[] }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} aria-haspopup="dialog">
        Export…
      </button>
      {open ? <ExportDialog {...props} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
