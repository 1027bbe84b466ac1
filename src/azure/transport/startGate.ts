// Bounded fan-out: at most `limit` calls in flight, results in input order, each start through its session's gate.
import type { ResponseQueue } from './responseQueue';
import { yieldToEventLoop } from './responseQueue';

/**
 * Calls started per event-loop turn, over every fan-out of a session. A start usually opens a connection, whose
 * setup (TLS socket, session, the SDK pipeline's first run while cold) is synchronous CPU, and the tree runs about
 * ten fan-outs at once: a limit per fan-out would still put ten starts in one turn. Measurements: docs/PERFORMANCE.md.
 */
const STARTS_PER_TURN = 3;

/** One session's start gate (sessionTransport.ts); waiting starts shrink its response queue's turn budget. */
export class StartGate {
  private startsThisTurn = 0;
  private resetArmed = false;

  constructor(private readonly queue: ResponseQueue) {}

  /** Waits for a turn with a start left; the count starts again in the next turn. */
  async slot(): Promise<void> {
    if (this.startsThisTurn >= STARTS_PER_TURN) {
      const done = this.queue.startWaiting();
      try {
        while (this.startsThisTurn >= STARTS_PER_TURN) await yieldToEventLoop();
      } finally {
        done();
      }
    }
    if (!this.resetArmed) {
      this.resetArmed = true;
      setImmediate(() => {
        this.startsThisTurn = 0;
        this.resetArmed = false;
      });
    }
    this.startsThisTurn++;
  }

  async map<T, R>(
    items: readonly T[],
    limit: number,
    fn: (item: T, index: number) => Promise<R>,
    signal?: AbortSignal,
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
      await this.slot();
      if (nextIndex >= items.length) break;
      const started = worker();
      started.catch(() => undefined); // handled: Promise.all below reports it
      workers.push(started);
    }
    await Promise.all(workers);
    return results;
  }
}
