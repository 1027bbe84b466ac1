// The PUT of a protected item (enable, change policy, resume, undelete), sent so it is never applied twice: a PUT
// whose answer was lost is sent again only when the service shows nothing applied, and the service's "operation in
// progress" (another client) follows the job that runs.
import type { ProtectedItemUnion } from '@azure/arm-recoveryservicesbackup';
import type { ItemRef, TrackOptions } from '../backupService';
import { AzureError } from '../errors';
import { itemPath } from '../ids';
import type { AzureOperation } from '../model';
import { runTrackedOperation } from '../tracker';
import { confirmBeforeResend, RESPONSE_LOST } from '../transport/unconfirmedWrite';
import type { OperationContext } from './context';
import { trackerFor } from './context';

const CONFLICT = 'BMSUserErrorConflictingProtectionOperation';
/** Sends of one PUT when each answer is lost and the service shows nothing applied (as the SDK's 1 + 3 retries). */
const MAX_SENDS = 4;

/** What the service shows of a PUT that could not be confirmed; undefined when it shows nothing. */
export interface PutFollowUp {
  /** After a lost answer: what the service did, followed (or undefined: the PUT is sent again). */
  afterLostAnswer(): Promise<AzureOperation | undefined>;
  /** After "conflicting operation in progress": the running job, followed (or undefined: the error stands). */
  afterConflict(): Promise<AzureOperation | undefined>;
}

export async function putProtectedItem(
  ctx: OperationContext,
  ref: ItemRef,
  properties: ProtectedItemUnion,
  options: TrackOptions,
  followUp: PutFollowUp,
): Promise<AzureOperation> {
  const client = ctx.clients.backup(ref.subscriptionId);
  for (let sent = 1; ; sent++) {
    try {
      return await runTrackedOperation(
        trackerFor(ctx, ref),
        (onResponse) =>
          client.protectedItems.createOrUpdate(
            ...itemPath(ref),
            { properties },
            { abortSignal: options.signal, onResponse, requestOptions: confirmBeforeResend },
          ),
        options,
      );
    } catch (e) {
      const error = AzureError.from(e);
      if (error.code === RESPONSE_LOST) {
        const applied = await followUp.afterLostAnswer();
        if (applied) return applied;
        if (sent < MAX_SENDS) continue;
        throw error;
      }
      const running = error.code === CONFLICT ? await followUp.afterConflict() : undefined;
      if (running) return running;
      throw error;
    }
  }
}
