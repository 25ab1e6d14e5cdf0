// Linted as a file in renderer/features/catalog/: another feature's index or public files, and its own files.
import { TablePreview } from '../preview/TablePreview';
import * as uploads from '../uploads';
import * as files from '../files/index';
import { formatBytes } from './catalogFormat';

export const parts = [TablePreview, uploads, files, formatBytes];
