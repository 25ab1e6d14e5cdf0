import type { Caller } from '../http/routeModule.js';
import type { StoreState } from '../store/model.js';

export interface SerializeContext {
  state: StoreState;
  /** `http://127.0.0.1:PORT`, used for the human-facing `url` fields. */
  origin: string;
  caller: Caller;
}
