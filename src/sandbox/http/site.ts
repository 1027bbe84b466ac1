/** What route handlers share: the state, the engine driving it, and the knobs of this sandbox instance. */
import type { Engine } from '../state/engine';
import type { Store } from '../state/store';
import type { GraphQuota } from './graphQuota';
import type { ListKind } from './pageSizes';

export interface Site {
  store: Store;
  engine: Engine;
  /** `https://127.0.0.1:port`, used in nextLinks and async-operation headers. */
  endpoint: string;
  /** Entries per page of each list. */
  pageSizes: Readonly<Record<ListKind, number>>;
  retryAfterSeconds: number;
  resourceGraph: { ingestionDelayMs: number; quota: GraphQuota | undefined };
  now(): number;
}
