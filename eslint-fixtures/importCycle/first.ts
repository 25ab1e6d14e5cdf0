import type { Second } from './second';

export interface First {
  next?: Second;
}
