// Work the service is already doing for an item. When the service refuses a trigger because the same work
// is in progress (a second client, or the SDK retrying a request whose answer was lost after the service
// had accepted it), the layer follows that running job instead of reporting a failure or starting anew.
import type { TrackOptions, VaultRef } from '../backupService';
import type { AzureOperation, BackupJob, JobOperation } from '../model';
import { trackJob } from '../tracker';
import type { OperationContext } from './context';
import { trackerFor } from './context';
import { listJobs } from './jobs';

/** "iaasvmcontainerv2;rg;vm", lower-cased, from either container name form. */
export function shortContainer(containerName: string | undefined): string {
  return (containerName ?? '').toLowerCase().replace(/^iaasvmcontainer;/, '');
}

/** The running job of this operation for the item, if any (undefined also when the lookup itself fails). */
export async function runningJobFor(
  ctx: OperationContext, vault: VaultRef, operation: JobOperation, containerName: string, signal?: AbortSignal,
): Promise<BackupJob | undefined> {
  try {
    const jobs = await listJobs(ctx, vault, { operation, status: 'InProgress' }, { signal });
    const want = shortContainer(containerName);
    return jobs.items.find((j) => shortContainer(j.containerName) === want);
  } catch {
    return undefined;
  }
}

export async function joinRunningJob(ctx: OperationContext, vault: VaultRef, job: BackupJob, options: TrackOptions): Promise<AzureOperation> {
  return { ...(await trackJob(trackerFor(ctx, vault), '', job.name, options)), joinedExisting: true };
}
