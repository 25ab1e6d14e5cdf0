import { shell } from 'electron';
import { checkExternalUrl } from '../services/externalUrl';

/** The one place the app hands a URL to the OS; everything else goes through here. */
export async function openExternalSafely(url: string, extraOrigins: string[] = []): Promise<void> {
  const checked = checkExternalUrl(url, extraOrigins);
  await shell.openExternal(checked.toString());
}
