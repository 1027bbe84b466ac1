// The modular SDKs' paging helper throws a RestError with a generic "Pagination failed with unexpected
// statusCode 500" and drops the ARM error body, so the service's message (and for some codes the code
// itself) would never reach the user. This policy keeps the body of each error response, keyed by its
// request, for AzureError.from to read. Memory only, released with the request.
import type { PipelinePolicy, PipelineRequest } from '@azure/core-rest-pipeline';

export const errorBodyPolicyName = 'azureBackupErrorBody';

const bodies = new WeakMap<PipelineRequest, string>();

export function errorBodyPolicy(): PipelinePolicy {
  return {
    name: errorBodyPolicyName,
    async sendRequest(request, next) {
      const response = await next(request);
      if (response.status >= 400 && response.bodyAsText) {
        bodies.set(request, response.bodyAsText);
      } else {
        bodies.delete(request);
      }
      return response;
    },
  };
}

/** The body of the last error response to this request, if one was kept. */
export function errorBodyOf(request: unknown): string | undefined {
  return typeof request === 'object' && request !== null ? bodies.get(request as PipelineRequest) : undefined;
}
