/**
 * How the desktop app hands the Node side a file the user dropped or picked. Electron no
 * longer puts a `path` on File objects; only the preload can ask for it. The preload therefore
 * exposes `register(file)` under this name, next to the contract's bridge: it takes the path
 * from Electron and gives it straight to the Node side, and the page gets back an opaque id, so
 * no path ever passes through page code. Browser mode has no such object: the page stages the
 * file instead and gets a staging id.
 */
export const localFilesKey = 'redivisFiles';

/** The IPC message the preload (never the page) sends with a dropped file's path. */
export const registerLocalFileMessage = 'localFiles.register';

export interface LocalFiles {
  /** An id for the file to upload, or null when it is not a file on disk (e.g. made by the page). */
  register(file: File): Promise<string | null>;
}
