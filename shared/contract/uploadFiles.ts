/**
 * How the renderer learns where a dropped or picked file lives. Electron no longer puts a
 * `path` on File objects; its preload exposes `webUtils.getPathForFile` under this name, next
 * to the contract's bridge. Browser mode has no such object: the page stages the file instead.
 */
export const localFilesKey = 'redivisFiles';

export interface LocalFiles {
  /** The file's absolute path, or '' when it has none (e.g. created by the page). */
  pathForFile(file: File): string;
}
