import { useEffect, useState } from 'react';
import { useNavigation, type Route } from '../catalog/navigationStore';
import type { UploadTarget } from './uploadTarget';
import { UploadDialog } from './UploadDialog';
import { useUploads } from './uploadsStore';
import './uploads.css';

/** The last part of a reference, for labels (`owner.ds:next.table` → `table`). */
function lastName(ref: string): string {
  return (ref.split('.').pop() ?? ref).split(':')[0] ?? ref;
}

/**
 * What a drop at `element` means: an element marked with `data-upload-table-ref` or
 * `data-upload-dataset-ref` (e.g. a table row in a list) wins, else the page being shown.
 */
function targetAt(element: EventTarget | null, route: Route): UploadTarget | null {
  const marked =
    element instanceof Element
      ? element.closest<HTMLElement>('[data-upload-table-ref],[data-upload-dataset-ref]')
      : null;
  const tableRef = marked?.dataset.uploadTableRef;
  const datasetRef = marked?.dataset.uploadDatasetRef;
  if (tableRef)
    return { kind: 'table', tableRef, tableName: marked?.dataset.uploadName ?? lastName(tableRef) };
  if (datasetRef)
    return { kind: 'dataset', datasetRef, datasetName: marked?.dataset.uploadName ?? lastName(datasetRef) };
  if (route.kind === 'table')
    return { kind: 'table', tableRef: route.tableRef, tableName: lastName(route.tableRef) };
  if (route.kind === 'dataset') {
    return { kind: 'dataset', datasetRef: route.datasetRef, datasetName: lastName(route.datasetRef) };
  }
  return null;
}

function describeTarget(target: UploadTarget | null): string {
  if (!target) return 'Drop files to upload them; you will choose where next.';
  if (target.kind === 'table') return `Drop to upload into the table ${target.tableName}`;
  return `Drop to add new tables to ${target.datasetName}`;
}

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

/** The overlay shown while files are dragged over the window; a drop opens the upload dialog. */
export function DropOverlay() {
  const draft = useUploads((state) => state.draft);
  const open = useUploads((state) => state.open);
  const [label, setLabel] = useState<string | null>(null);
  // Read the page at event time rather than re-subscribing the listeners on every navigation.
  const here = () => useNavigation.getState().current;

  useEffect(() => {
    // dragenter/dragleave fire for every child element; count them to know when we left.
    let depth = 0;
    const onEnter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth++;
      setLabel(describeTarget(targetAt(event.target, here())));
    };
    const onOver = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
      setLabel(describeTarget(targetAt(event.target, here())));
    };
    const onLeave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setLabel(null);
    };
    const onDrop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setLabel(null);
      const files = [...(event.dataTransfer?.files ?? [])];
      // Only .sql files: they open in the query workbench (features/queries/useSqlFileDrop).
      if (files.length > 0 && files.every((f) => /\.sql$/i.test(f.name))) return;
      if (files.length > 0) open({ files, target: targetAt(event.target, here()) });
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, [open]);

  return (
    <>
      {label && (
        <div className="drop-overlay" data-testid="drop-overlay">
          <div className="drop-overlay-card" role="status">
            {label}
          </div>
        </div>
      )}
      {draft && <UploadDialog key={draft.files.map((f) => f.name).join('\n')} draft={draft} />}
    </>
  );
}
