// Linted as a production file: importing from a test file.
import { sampleRows } from './catalogService.test';

export const rows = sampleRows;
