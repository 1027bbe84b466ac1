// At most one call per key in flight per service: a second request for the same item (a double click)
// joins the first instead of sending the service a second trigger.
import type { OperationContext } from './context';

const inFlight = new WeakMap<OperationContext, Map<string, Promise<unknown>>>();

export function joinInFlight<T>(ctx: OperationContext, key: string, start: () => Promise<T>): Promise<T> {
  const running = inFlight.get(ctx) ?? new Map<string, Promise<unknown>>();
  inFlight.set(ctx, running);
  const existing = running.get(key);
  if (existing) {
    return existing as Promise<T>;
  }
  const started = start().finally(() => running.delete(key));
  running.set(key, started);
  return started;
}
