// Which source answers the coverage page: Resource Graph, or, when it is refused (no access, not available, a query
// it rejects) or its quota keeps refusing after the waits it asks for, the per-vault join, with a sentence saying so.
import { loadCoverage } from './loadCoverage';
import type { GraphCoverageSource } from './loadGraphCoverage';
import { loadGraphCoverage } from './loadGraphCoverage';
import type { CoverageSnapshot } from './protocol';

/** Localized sentences of the fallback; `{0}` is Resource Graph's error code. */
export interface FallbackWords {
  refused: string;
  throttled: string;
}

/** What made Resource Graph unusable for this load, or undefined when the error is another one (shown as is). */
export function graphUnavailable(e: unknown): 'refused' | 'throttled' | undefined {
  const { status, retryAfterMs } = (e ?? {}) as { status?: unknown; retryAfterMs?: unknown };
  if (status === 429 || typeof retryAfterMs === 'number') return 'throttled';
  return status === 400 || status === 403 || status === 404 ? 'refused' : undefined;
}

/**
 * Coverage through Resource Graph, else through the join. Rows already handed to `onRows` before a fallback are
 * superseded by the result (`onRows` is not called by the join).
 */
export async function readCoverage(
  source: GraphCoverageSource,
  words: FallbackWords,
  onFallback?: (error: unknown) => void,
): Promise<Omit<CoverageSnapshot, 'signedIn' | 'focusSubscriptionId'>> {
  try {
    return await loadGraphCoverage(source);
  } catch (e) {
    const why = graphUnavailable(e);
    if (source.signal?.aborted || !why) throw e;
    onFallback?.(e);
    const data = await loadCoverage(source);
    const code = String((e as { code?: unknown }).code ?? '');
    return { ...data, asOf: source.now, source: 'join', notice: words[why].replace('{0}', code) };
  }
}
