import { expect, it } from 'vitest';
import { exportFormats } from '../../../shared/contract/exportModel';
import { formatInfo, isLocalFormat } from './exportFormats';

it('declares every format the dialog offers as made here (with a writer) or by Redivis (with its API name)', () => {
  for (const format of exportFormats) {
    const info = formatInfo[format];
    if (info.madeBy === 'app') {
      expect(isLocalFormat(format), format).toBe(true);
      expect(info.writer, format).toBeDefined();
      expect(info.serverFormat, format).toBeUndefined();
    } else {
      expect(isLocalFormat(format), format).toBe(false);
      expect(info.serverFormat, format).toBeDefined();
    }
  }
});
