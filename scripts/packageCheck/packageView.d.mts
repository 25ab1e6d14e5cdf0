export interface PackagedFile {
  size: number;
  unpacked: boolean;
}
/** A read-only view of a packaged app's files (relative paths, forward slashes). */
export interface PackageView {
  label: string;
  files: Map<string, PackagedFile>;
  /** Files the asar header marks unpacked that are missing from app.asar.unpacked. */
  missingUnpacked: string[];
  read(path: string): Buffer;
}
/** Opens an app.asar (and its app.asar.unpacked folder). */
export function openAsar(asarPath: string): PackageView;
/** Opens a folder laid out like an unpacked app. */
export function openFolder(dir: string): PackageView;
