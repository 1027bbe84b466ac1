/**
 * Resource Graph's per-user query quota: a fixed window per caller (Azure's default: 15 queries per 5 seconds), told
 * in `x-ms-user-quota-remaining` / `x-ms-user-quota-resets-after` on every answer and enforced with 429 once spent.
 * Callers are told apart by their bearer token (one token per signed-in user here). Windows run on the sandbox's
 * simulated clock, like every other time it keeps.
 */
export interface GraphQuota {
  requests: number;
  windowMs: number;
}

export const AZURE_GRAPH_QUOTA: GraphQuota = { requests: 15, windowMs: 5000 };

export interface QuotaDecision {
  allowed: boolean;
  remaining: number;
  resetsAfterMs: number;
}

/** Windows of callers idle for longer than this are forgotten (a bound on memory, not a rule of the service). */
const MAX_CALLERS = 1024;

export class QuotaWindows {
  private readonly windows = new Map<string, { startedAt: number; used: number }>();

  constructor(readonly quota: GraphQuota) {}

  take(caller: string, now: number): QuotaDecision {
    let window = this.windows.get(caller);
    if (!window || now - window.startedAt >= this.quota.windowMs) {
      if (!window && this.windows.size >= MAX_CALLERS) this.windows.clear();
      window = { startedAt: now, used: 0 };
      this.windows.set(caller, window);
    }
    const resetsAfterMs = Math.max(0, window.startedAt + this.quota.windowMs - now);
    if (window.used >= this.quota.requests) return { allowed: false, remaining: 0, resetsAfterMs };
    window.used++;
    return { allowed: true, remaining: this.quota.requests - window.used, resetsAfterMs };
  }
}

/** The headers Resource Graph sends with every answer: the queries left and the window's remaining time (hh:mm:ss). */
export function quotaHeaders(decision: QuotaDecision): Record<string, string> {
  const seconds = Math.ceil(decision.resetsAfterMs / 1000);
  const two = (n: number): string => String(n).padStart(2, '0');
  return {
    'x-ms-user-quota-remaining': String(decision.remaining),
    'x-ms-user-quota-resets-after': `${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`,
  };
}
