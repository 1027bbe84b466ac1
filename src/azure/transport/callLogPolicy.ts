// A pipeline policy that reports every HTTP attempt (retries included) to the caller's logger.
// It reads only the method, path + query, status and x-ms-request-id: never a header that could hold a token.
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { isRestError } from '@azure/core-rest-pipeline';
import type { AzureCallLogger } from '../session';

export const callLogPolicyName = 'azureBackupCallLog';

export function callLogPolicy(logger: AzureCallLogger): PipelinePolicy {
  return {
    name: callLogPolicyName,
    async sendRequest(request, next) {
      const started = Date.now();
      const url = pathAndQuery(request.url);
      try {
        const response = await next(request);
        logger({
          method: request.method,
          url,
          status: response.status,
          requestId: response.headers.get('x-ms-request-id'),
          durationMs: Date.now() - started,
        });
        return response;
      } catch (e) {
        const response = isRestError(e) ? e.response : undefined;
        logger({
          method: request.method,
          url,
          status: response?.status,
          requestId: response?.headers.get('x-ms-request-id'),
          durationMs: Date.now() - started,
          error: e instanceof Error ? e.message : String(e),
        });
        throw e;
      }
    },
  };
}

export function pathAndQuery(url: string): string {
  try {
    const u = new URL(url);
    return u.pathname + u.search;
  } catch {
    return url;
  }
}
