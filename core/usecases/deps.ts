import type { Clock } from '../shared/clock';
import type { IdGenerator } from '../shared/ids';
import type { Store } from '../ports/store';

/** What every use case needs; built once in the composition root (app/). */
export interface Deps {
  store: Store;
  clock: Clock;
  ids: IdGenerator;
}
