// Linted as a file in electron/web/: browser mode importing the Electron shell.
import { createMainWindow } from '../shell/mainWindow';

export const window = createMainWindow;
