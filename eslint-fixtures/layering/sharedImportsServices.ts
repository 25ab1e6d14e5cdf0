// Linted as a file in shared/contract/: shared code reaching into the Node side.
import { fail } from '../../electron/services/redivis/apiErrors';

export const parts = [fail];
