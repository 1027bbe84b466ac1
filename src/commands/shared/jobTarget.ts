import type { BackupService, VaultRef } from '../../azure/backupService';
import type { BackupJob } from '../../azure/model';
import { jobVaultRef } from '../../tree/refs';
import type { CommandDeps } from '../commandDeps';
import { resolveJob } from './targets';

function isJob(value: unknown): value is BackupJob {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Partial<BackupJob>).vaultName === 'string' &&
    typeof (value as Partial<BackupJob>).status === 'string' &&
    typeof (value as Partial<BackupJob>).name === 'string'
  );
}

function isJobPointer(value: unknown): value is { vault: VaultRef; jobName: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { jobName?: unknown }).jobName === 'string' &&
    typeof (value as { vault?: unknown }).vault === 'object'
  );
}

/** A job from a job node, a BackupJob, a {vault, jobName} pointer (form links), or the pickers; always fetched fresh. */
export async function currentJob(
  deps: CommandDeps,
  arg: unknown,
  cancellableOnly = false,
): Promise<{ service: BackupService; job: BackupJob }> {
  if (isJobPointer(arg)) {
    const service = await deps.session.service(arg.vault.subscriptionId);
    return { service, job: await service.getJob(arg.vault, arg.jobName) };
  }
  if (isJob(arg)) {
    const service = await deps.session.service(arg.subscriptionId);
    return { service, job: await service.getJob(jobVaultRef(arg), arg.name) };
  }
  const { service, job } = await resolveJob(deps, arg, cancellableOnly);
  return { service, job: await service.getJob(jobVaultRef(job), job.name) };
}
