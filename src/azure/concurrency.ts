// Bounded fan-out: at most `limit` calls in flight, results in input order.
import { yieldToEventLoop } from './yieldToLoop';

export async function mapWithConcurrency<T, R>(
  items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>, signal?: AbortSignal,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let nextIndex = 0;
  const worker = async (): Promise<void> => {
    while (nextIndex < items.length) {
      signal?.throwIfAborted();
      const index = nextIndex++;
      results[index] = await fn(items[index], index);
    }
  };
  const workers: Promise<void>[] = [];
  const count = Math.max(1, Math.min(limit, items.length));
  for (let w = 0; w < count; w++) {
    // One start per event-loop turn: a start usually opens a connection, whose TLS setup is synchronous CPU,
    // and a dozen started in one turn (times several subscriptions at once) blocked the loop for over 50 ms.
    if (w > 0) await yieldToEventLoop();
    if (nextIndex >= items.length) break;
    const started = worker();
    started.catch(() => undefined); // handled: Promise.all below reports it
    workers.push(started);
  }
  await Promise.all(workers);
  return results;
}
