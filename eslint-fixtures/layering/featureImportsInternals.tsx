// Linted as a file in renderer/features/catalog/: a feature reaching into another's internals.
import { previewRows } from '../preview/previewRows';

export const rows = previewRows;
