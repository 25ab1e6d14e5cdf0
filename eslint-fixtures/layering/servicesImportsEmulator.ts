// Linted as a file in electron/services/: a service importing the emulator.
import { startEmulator } from '../../../emulator/src/index';

export const start = startEmulator;
