// Linted as a file in electron/services/: a service reaching into the Electron shell.
import { createMainWindow } from '../../shell/mainWindow';

export const window = createMainWindow;
