// Linted as a file in shared/contract/: shared code using a Node module (it also runs in the page).
import { readFile } from 'node:fs/promises';

export const read = readFile;
