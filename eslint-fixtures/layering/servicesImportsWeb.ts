// Linted as a file in electron/services/: a service importing its browser-mode host.
import { startBrowserServer } from '../../web/browserServer';

export const start = startBrowserServer;
