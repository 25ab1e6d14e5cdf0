import type { First } from './first';

export type Third = First;
