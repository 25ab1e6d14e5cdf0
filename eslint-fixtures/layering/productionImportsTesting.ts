// Linted as a production file in electron/services/catalog/: test support is for tests only.
import { startCatalogTestBed } from './testing/catalogTestBed';

export const start = startCatalogTestBed;
