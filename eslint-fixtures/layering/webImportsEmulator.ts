// Linted as a file in electron/web/: browser mode importing the emulator.
import { startDemoServer } from '../../emulator/demoServer';

export const start = startDemoServer;
