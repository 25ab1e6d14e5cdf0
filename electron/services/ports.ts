/**
 * How services reach the operating system. The Electron shell implements these with
 * shell/dialog/safeStorage/Notification; browser mode and tests implement them plainly.
 */
export interface Ports {
  /**
   * Opens a URL in the user's browser. The host re-checks it against the hosts it knows;
   * `trustedOrigin` adds the origin of a server the user chose themselves (sign-in pages of
   * a custom API endpoint).
   */
  openExternal(url: string, trustedOrigin?: string): Promise<void>;
  /** Asks the user where to save a file; undefined when they cancel. */
  chooseSavePath(options: {
    defaultName: string;
    /** The folder to start in (the settings' default export folder, already checked). */
    defaultDirectory?: string;
    filters?: { name: string; extensions: string[] }[];
  }): Promise<string | undefined>;
  /** Encrypts secrets at rest; `method` says how (shown to the user when weak). */
  secrets: SecretStore;
  /** Shows an OS notification when a long job ends. */
  notify(title: string, body: string): void;
  /** Progress on the taskbar/dock: 0..1, or undefined to clear. */
  setTaskbarProgress(fraction: number | undefined): void;
  /** Opens a finished file, or shows it in its folder. */
  openPath(path: string): Promise<void>;
  showItemInFolder(path: string): Promise<void>;
  /** Opens another app window on a page (`#/table/…`); absent where a host has no windows of its own. */
  openWindow?(route: string): void;
}

export type SecretProtection = 'os_keychain' | 'basic_text' | 'plain_file';

export interface SecretStore {
  /** How secrets are protected on this machine. */
  protection(): SecretProtection;
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}
