// The SDKs' retry policy honours any Retry-After a 429 or 503 carries, however long: a service that asks for an
// hour would hold a tree node or a notification for an hour. This policy, inside the retry loop, lets waits up
// to the cap through and turns a longer one into an AzureError at once, carrying the wait so the UI can name it.
// Thrown as a plain (non-Rest) error, the retry policy passes it on instead of waiting.
import type { PipelinePolicy, PipelineResponse } from '@azure/core-rest-pipeline';
import { armErrorIn, AzureError, parseJson } from '../errors';
import { parseRetryAfter } from '../polling';

export const retryAfterCapPolicyName = 'azureBackupRetryAfterCap';
/** Longest Retry-After the layer waits for before retrying (RetrySettings.maxRetryAfterMs). */
export const DEFAULT_MAX_RETRY_AFTER_MS = 60_000;

/** The wait a throttled answer asks for, in ms: the SDKs' headers (retry-after-ms, x-ms-retry-after-ms, Retry-After). */
export function requestedWaitMs(response: Pick<PipelineResponse, 'status' | 'headers'>): number | undefined {
  if (response.status !== 429 && response.status !== 503) return undefined;
  for (const name of ['retry-after-ms', 'x-ms-retry-after-ms']) {
    const ms = Number(response.headers.get(name));
    if (response.headers.get(name) && Number.isFinite(ms)) return ms;
  }
  return parseRetryAfter(response.headers.get('retry-after'));
}

export function retryAfterCapPolicy(maxRetryAfterMs: number): PipelinePolicy {
  return {
    name: retryAfterCapPolicyName,
    async sendRequest(request, next) {
      const response = await next(request);
      const waitMs = requestedWaitMs(response);
      if (waitMs === undefined || waitMs <= maxRetryAfterMs) return response;
      const envelope = armErrorIn(parseJson(response.bodyAsText));
      throw new AzureError({
        code: envelope?.code ?? `Http${response.status}`,
        message:
          envelope?.message ??
          `The service answered ${response.status} and asked to wait ${Math.ceil(waitMs / 1000)} s before retrying.`,
        status: response.status,
        requestId: response.headers.get('x-ms-request-id'),
        retryable: true,
        retryAfterMs: waitMs,
      });
    },
  };
}
