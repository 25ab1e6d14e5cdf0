import type { App, Session, WebContents } from 'electron';

/**
 * Every webContents the app ever has (the main window, a devtools or print view, anything a
 * library opens) gets the same rules, not just the main window: no navigating away, no new
 * windows (links the user clicks go to the system browser through the one safe opener), no
 * <webview>.
 */
export function guardAllWebContents(app: App, openExternal: (url: string) => Promise<void>): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, openExternal));
}

export function guardWebContents(contents: WebContents, openExternal: (url: string) => Promise<void>): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    void openExternal(url).catch(() => undefined);
    return { action: 'deny' };
  });
}

/** The app needs no camera, microphone, location, notifications from the page, or anything else. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
