import { Type } from 'apache-arrow';

// Read once: through the CommonJS build every `Type.X` is a getter call, too slow per cell.
export const INT = Type.Int;
export const FLOAT = Type.Float;
export const DATE = Type.Date;
export const TIMESTAMP = Type.Timestamp;
export const TIME = Type.Time;
export const BOOL = Type.Bool;
export const UTF8 = Type.Utf8;
export const DICTIONARY = Type.Dictionary;
