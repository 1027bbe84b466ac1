// Resource Graph's per-user quota (15 queries per 5 s by default) told on every answer in x-ms-user-quota-remaining
// and x-ms-user-quota-resets-after. A session's queries wait for the window to reset once the quota is spent instead
// of being refused with 429; a 429 that still comes is waited out by the pipeline's retry policy (its Retry-After).
import type { HttpHeaders } from '@azure/core-rest-pipeline';
import { sleep } from '../polling';
import type { OperationContext } from './context';

/** "hh:mm:ss" (Resource Graph's form of x-ms-user-quota-resets-after) in ms; undefined when unreadable. */
export function parseQuotaResetsAfter(value: string | undefined): number | undefined {
  const parts = /^(\d+):(\d{2}):(\d{2})(?:\.\d+)?$/.exec(value?.trim() ?? '');
  if (!parts) return undefined;
  return ((Number(parts[1]) * 60 + Number(parts[2])) * 60 + Number(parts[3])) * 1000;
}

/** The queries one session may still send before its window resets, as Resource Graph last told it. */
export class GraphQuotaPacer {
  private remaining = Infinity;
  private resetAt = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** Waits while the quota is known to be spent, then counts this query against it. */
  async take(signal?: AbortSignal): Promise<void> {
    for (;;) {
      if (this.now() >= this.resetAt) this.remaining = Math.max(this.remaining, 1);
      if (this.remaining > 0) {
        this.remaining--;
        return;
      }
      await sleep(Math.max(1, this.resetAt - this.now()), signal);
    }
  }

  /** Reads the quota headers of an answer (any status); answers without them leave the pacing as it was. */
  observe(headers: HttpHeaders): void {
    const remaining = Number(headers.get('x-ms-user-quota-remaining') ?? NaN);
    const resetsAfter = parseQuotaResetsAfter(headers.get('x-ms-user-quota-resets-after'));
    if (!Number.isFinite(remaining) || resetsAfter === undefined) return;
    this.remaining = remaining;
    this.resetAt = this.now() + resetsAfter;
  }
}

const pacers = new WeakMap<OperationContext, GraphQuotaPacer>();

/** The session's pacer (one per OperationContext: one signed-in user, one quota). */
export function graphPacerOf(ctx: OperationContext): GraphQuotaPacer {
  let pacer = pacers.get(ctx);
  if (!pacer) pacers.set(ctx, (pacer = new GraphQuotaPacer()));
  return pacer;
}
