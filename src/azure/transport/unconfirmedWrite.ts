// A write whose answer never came back (the connection dropped after the request went out) may have been applied.
// The SDKs' retry sends it again blindly; for a write that must not happen twice (enable protection: a second PUT
// after the first one finished starts a second ConfigureBackup job) the caller marks the request with
// `confirmBeforeResend`, this policy turns the lost answer into AzureError RESPONSE_LOST instead of a resend, and
// the caller looks at what the service did before sending again. The mark never leaves the process.
import type { PipelinePolicy, PipelineRequest } from '@azure/core-rest-pipeline';
import { isRestError } from '@azure/core-rest-pipeline';
import { AzureError } from '../errors';

const MARK = 'x-azure-backup-confirm-before-resend';
export const RESPONSE_LOST = 'ResponseLost';
export const unconfirmedWritePolicyName = 'azureBackupUnconfirmedWrite';

/** The SDK call's `requestOptions` for a write the caller confirms itself before sending it again. */
export const confirmBeforeResend = { customHeaders: { [MARK]: '1' } };

const marked = new WeakSet<PipelineRequest>();

export function unconfirmedWritePolicy(): PipelinePolicy {
  return {
    name: unconfirmedWritePolicyName,
    async sendRequest(request, next) {
      // The retry policy sends the same request object again: remember the mark, take it off the wire.
      if (request.headers.has(MARK)) {
        request.headers.delete(MARK);
        marked.add(request);
      }
      if (!marked.has(request)) return next(request);
      try {
        return await next(request);
      } catch (e) {
        // No response at all, and not the caller's abort. Thrown as a plain error, the retry policy passes it on.
        if (isRestError(e) && !e.response && !request.abortSignal?.aborted) {
          throw new AzureError({
            code: RESPONSE_LOST,
            retryable: true,
            message: `The connection closed before the service answered (${e.code ?? e.message}); the request may have been applied.`,
          });
        }
        throw e;
      }
    },
  };
}
