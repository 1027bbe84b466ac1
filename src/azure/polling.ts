// Waiting between polls: honour a server's Retry-After, never beyond a cap, and wake up at once on abort.
import { AzureError } from './errors';

export interface PollTiming {
  /** Base interval when the server gives no Retry-After. */
  intervalMs: number;
  /** Cap on any single wait. */
  maxIntervalMs: number;
}

/** Retry-After in seconds or as an HTTP date, in milliseconds; undefined when absent, zero or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (!value) {
    return undefined;
  }
  const seconds = Number(value);
  if (Number.isFinite(seconds)) {
    return seconds > 0 ? seconds * 1000 : undefined;
  }
  const at = Date.parse(value);
  return Number.isNaN(at) || at <= now ? undefined : at - now;
}

export function nextDelay(timing: PollTiming, retryAfterMs: number | undefined, backoffMs = timing.intervalMs): number {
  return Math.min(retryAfterMs ?? backoffMs, timing.maxIntervalMs);
}

/** Resolves after `ms`, or rejects with AzureError 'Cancelled' as soon as the signal aborts (timer cleared). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(cancelled());
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelled());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function cancelled(): AzureError {
  return new AzureError({ code: 'Cancelled', message: 'The operation was cancelled.', retryable: false });
}
