/**
 * Dragging a file of a file-index table out of the desktop app onto the desktop. The OS drag
 * needs a file on disk, so the page first asks (through the contract's `files.prepareDrag`) for
 * the file to be fetched into the app's cache; on `dragstart` it calls `start` on the object the
 * preload exposes under this name, which tells the main process to start the drag with that
 * cached file. The page names only the table and the file id, never a path. Browser mode has no
 * such object (downloads there go through jobs).
 */
export const fileDragKey = 'redivisFileDrag';

/** The IPC message the preload sends on dragstart: `{ tableRef, fileId }`. */
export const startFileDragMessage = 'files.startDrag';

export interface FileDrag {
  start(tableRef: string, fileId: string): void;
}
