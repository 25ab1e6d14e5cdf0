import { useState } from 'react';
import { fileDragKey, type FileDrag } from '../../../shared/contract/filesDrag';
import type { FileEntry } from '../../../shared/contract/filesModel';
import { client } from '../../ui/client';

function fileDrag(): FileDrag | undefined {
  return (window as unknown as Record<string, FileDrag | undefined>)[fileDragKey];
}

/**
 * Desktop app only: a handle to drag a file out of the window onto the desktop or a folder.
 * Pointing at it fetches the file into the app's cache (the OS drag needs it on disk); once
 * there, dragging hands it to the system. Browser mode shows nothing (downloads are jobs there).
 */
export function FileDragHandle({ tableRef, file }: { tableRef: string; file: FileEntry }) {
  const [state, setState] = useState<'idle' | 'preparing' | 'ready' | 'failed'>('idle');
  const drag = fileDrag();
  if (!drag) return null;
  const prepare = () => {
    if (state !== 'idle' && state !== 'failed') return;
    setState('preparing');
    client()
      .files.prepareDrag({ tableRef, fileId: file.id })
      .then(
        () => setState('ready'),
        () => setState('failed'),
      );
  };
  const label =
    state === 'ready'
      ? `Drag ${file.name} out of the window`
      : state === 'preparing'
        ? `Fetching ${file.name} to drag it`
        : state === 'failed'
          ? `${file.name} could not be fetched; point here to try again`
          : `Point here to drag ${file.name} out of the window`;
  return (
    <span
      className={`file-drag-handle ${state}`}
      role="img"
      aria-label={label}
      title={label}
      draggable={state === 'ready'}
      onMouseEnter={prepare}
      onFocus={prepare}
      tabIndex={0}
      onDragStart={(event) => {
        event.preventDefault();
        if (state === 'ready') drag.start(tableRef, file.id);
      }}
    >
      ⠿
    </span>
  );
}
