// Follows a backup-service operation that the SDK returns from on its first 202 (enable, stop, delete,
// backup now): Azure-AsyncOperation / Location → vault-level backupOperations/{op} until not InProgress →
// properties.jobId → the job until it ends. Cancellation (AbortSignal) ends tracking with outcome
// 'Cancelled' and never throws; the Azure job itself keeps running.
import type { BackupsTriggerOptionalParams, RecoveryServicesBackupClient } from '@azure/arm-recoveryservicesbackup';
import type { TrackOptions, VaultRef } from './backupService';
import { isJobRunning, toBackupJob } from './convert/jobs';
import { AzureError, headerValue } from './errors';
import { FABRIC, operationIdFromUrl } from './ids';
import type { AzureOperation, BackupJob } from './model';
import type { PollTiming } from './polling';
import { cancelled, nextDelay, parseRetryAfter, sleep } from './polling';

export interface TrackerContext {
  client: RecoveryServicesBackupClient;
  vault: VaultRef;
  timing: PollTiming;
}

/** What the first call's raw response said about where to poll. */
export interface AcceptedOperation {
  operationId?: string;
  retryAfterMs?: number;
  requestId?: string;
}

/** The HLC SDK's `onResponse` hook: sees the raw response (status, headers) of a call. */
export type RawResponseHandler = NonNullable<BackupsTriggerOptionalParams['onResponse']>;

/** Runs the call that starts an operation and captures the headers of its 202. */
export async function startOperation(
  call: (onResponse: RawResponseHandler) => Promise<unknown>,
): Promise<AcceptedOperation> {
  let accepted: AcceptedOperation = {};
  try {
    await call((raw) => {
      const asyncOp = headerValue(raw.headers, 'azure-asyncoperation');
      const location = headerValue(raw.headers, 'location');
      accepted = {
        operationId: operationIdFromUrl(asyncOp ?? location),
        retryAfterMs: parseRetryAfter(headerValue(raw.headers, 'retry-after')),
        requestId: headerValue(raw.headers, 'x-ms-request-id'),
      };
    });
  } catch (e) {
    throw AzureError.from(e);
  }
  return accepted;
}

/**
 * Like startOperation, for an SDK long-running call (`begin…`) that polls once itself before returning: only the
 * first answer is the trigger's, and a failure of the SDK's own poll after an accepted trigger does not hide it
 * (the caller tracks the operation from the trigger's headers).
 */
export async function startLongRunningOperation(
  call: (onResponse: RawResponseHandler) => Promise<unknown>,
): Promise<AcceptedOperation> {
  let first: { status: number; accepted: AcceptedOperation } | undefined;
  try {
    await call((raw) => {
      first ??= {
        status: raw.status,
        accepted: {
          operationId: operationIdFromUrl(
            headerValue(raw.headers, 'azure-asyncoperation') ?? headerValue(raw.headers, 'location'),
          ),
          retryAfterMs: parseRetryAfter(headerValue(raw.headers, 'retry-after')),
          requestId: headerValue(raw.headers, 'x-ms-request-id'),
        },
      };
    });
  } catch (e) {
    if (!first || first.status < 200 || first.status >= 300 || !first.accepted.operationId) throw AzureError.from(e);
  }
  return first?.accepted ?? {};
}

/** Starts an operation and follows it to its end (or its job's start with untilJobStarted). */
export async function runTrackedOperation(
  ctx: TrackerContext,
  call: (onResponse: RawResponseHandler) => Promise<unknown>,
  options: TrackOptions = {},
): Promise<AzureOperation> {
  let accepted: AcceptedOperation;
  try {
    accepted = await startOperation(call);
  } catch (e) {
    // Cancelled before the service even answered: an outcome, not an error. Other failures of the first call throw.
    if (options.signal?.aborted || AzureError.from(e).code === 'Cancelled') {
      return { operationId: '', outcome: 'Cancelled' };
    }
    throw e;
  }
  return trackAcceptedOperation(ctx, accepted, options);
}

export async function trackAcceptedOperation(
  ctx: TrackerContext,
  accepted: AcceptedOperation,
  options: TrackOptions = {},
): Promise<AzureOperation> {
  const operationId = accepted.operationId ?? '';
  if (!operationId) {
    // The service answered 200 synchronously: nothing left to follow.
    return { operationId, outcome: 'Completed' };
  }
  let jobId: string | undefined;
  try {
    const status = await pollOperationStatus(ctx, operationId, accepted.retryAfterMs, options.signal);
    if (status.outcome !== 'Completed') {
      return { operationId, outcome: status.outcome, error: status.error };
    }
    jobId = status.jobId;
  } catch (e) {
    return endedEarly(operationId, undefined, undefined, e, options);
  }
  return jobId ? trackJob(ctx, operationId, jobId, options) : { operationId, outcome: 'Completed' };
}

/** Follows a known job (to its end, or its start with untilJobStarted) and turns it into the operation's outcome. */
export async function trackJob(
  ctx: TrackerContext,
  operationId: string,
  jobId: string,
  options: TrackOptions = {},
): Promise<AzureOperation> {
  let lastJob: BackupJob | undefined;
  let requestId: string | undefined;
  const seen = (id: string | undefined): void => {
    requestId = id ?? requestId;
  };
  try {
    lastJob = await readJob(ctx, jobId, options.signal, seen);
    options.onProgress?.(lastJob);
    if (!options.untilJobStarted && isJobRunning(lastJob.status)) {
      lastJob = await followJob(
        ctx,
        jobId,
        {
          ...options,
          onProgress: (job) => {
            lastJob = job;
            options.onProgress?.(job);
          },
        },
        lastJob,
        seen,
      );
    }
    return { operationId, jobId, job: lastJob, ...jobOutcome(lastJob, options.untilJobStarted === true, requestId) };
  } catch (e) {
    return endedEarly(operationId, jobId, lastJob, e, options);
  }
}

function endedEarly(
  operationId: string,
  jobId: string | undefined,
  job: BackupJob | undefined,
  e: unknown,
  options: TrackOptions,
): AzureOperation {
  const error = AzureError.from(e);
  if (error.code === 'Cancelled' || options.signal?.aborted) {
    return { operationId, jobId, job, outcome: 'Cancelled' };
  }
  return { operationId, jobId, job, outcome: 'Failed', error: error.toOperationError() };
}

/** One read of a job, reporting the response's x-ms-request-id (a failed job's error carries it for support). */
async function readJob(
  ctx: TrackerContext,
  jobName: string,
  signal: AbortSignal | undefined,
  seen?: (requestId: string | undefined) => void,
): Promise<BackupJob> {
  const { client, vault } = ctx;
  return toBackupJob(
    await client.jobDetails.get(vault.name, vault.resourceGroup, jobName, {
      abortSignal: signal,
      onResponse: (raw) => seen?.(headerValue(raw.headers, 'x-ms-request-id')),
    }),
  );
}

function jobOutcome(
  job: BackupJob,
  startedIsEnough: boolean,
  requestId: string | undefined,
): Pick<AzureOperation, 'outcome' | 'error'> {
  if (startedIsEnough && isJobRunning(job.status)) {
    return { outcome: 'Completed' };
  }
  switch (job.status) {
    case 'Completed':
    case 'CompletedWithWarnings':
      return { outcome: 'Completed' };
    case 'Cancelled':
    case 'Cancelling':
      return { outcome: 'Cancelled' };
    default:
      return {
        outcome: 'Failed',
        error: {
          code: job.errorCode ?? `Job${job.status}`,
          message: job.errorMessage ?? `The ${job.operation} job ended with status ${job.status}.`,
          ...(requestId ? { requestId } : {}),
        },
      };
  }
}

export interface StatusResult {
  outcome: AzureOperation['outcome'];
  jobId?: string;
  error?: AzureOperation['error'];
  /** The status's extended info as sent (a job id, or file recovery's scripts). */
  properties?: unknown;
}

/** Polls the vault-level operation status until it is no longer InProgress. */
export async function pollOperationStatus(
  ctx: TrackerContext,
  operationId: string,
  firstRetryAfterMs: number | undefined,
  signal?: AbortSignal,
): Promise<StatusResult> {
  const { client, vault, timing } = ctx;
  let retryAfterMs = firstRetryAfterMs;
  for (;;) {
    await sleep(nextDelay(timing, retryAfterMs), signal);
    let requestId: string | undefined;
    const status = await client.backupOperationStatuses.get(vault.name, vault.resourceGroup, operationId, {
      abortSignal: signal,
      onResponse: (raw) => {
        retryAfterMs = parseRetryAfter(headerValue(raw.headers, 'retry-after'));
        requestId = headerValue(raw.headers, 'x-ms-request-id');
      },
    });
    const value = (status.status ?? 'InProgress').toLowerCase();
    if (value === 'inprogress') {
      continue;
    }
    if (value === 'succeeded') {
      return { outcome: 'Completed', jobId: jobIdOf(status.properties), properties: status.properties };
    }
    if (value === 'canceled' || value === 'cancelled') {
      return { outcome: 'Cancelled', jobId: jobIdOf(status.properties) };
    }
    return {
      outcome: 'Failed',
      jobId: jobIdOf(status.properties),
      error: {
        code: status.error?.code ?? 'OperationFailed',
        message: status.error?.message ?? `The operation ended with status ${status.status ?? 'unknown'}.`,
        ...(requestId ? { requestId } : {}),
      },
    };
  }
}

function jobIdOf(properties: unknown): string | undefined {
  if (typeof properties !== 'object' || properties === null) {
    return undefined;
  }
  const p = properties as { jobId?: unknown; jobIds?: unknown };
  if (typeof p.jobId === 'string' && p.jobId) {
    return p.jobId;
  }
  return Array.isArray(p.jobIds) && typeof p.jobIds[0] === 'string' ? p.jobIds[0] : undefined;
}

/**
 * Re-reads a job until it is neither InProgress nor Cancelling, backing off from the base interval up to
 * the cap. Throws AzureError 'Cancelled' when the signal aborts.
 */
export async function followJob(
  ctx: TrackerContext,
  jobName: string,
  options: TrackOptions = {},
  current?: BackupJob,
  seen?: (requestId: string | undefined) => void,
): Promise<BackupJob> {
  const { timing } = ctx;
  let job = current;
  let backoff = timing.intervalMs;
  while (!job || isJobRunning(job.status)) {
    if (job) {
      await sleep(nextDelay(timing, undefined, backoff), options.signal);
      backoff = Math.min(backoff * 1.5, timing.maxIntervalMs);
    }
    options.signal?.throwIfAborted();
    const next = await readJob(ctx, jobName, options.signal, seen);
    if (!job || jobChanged(job, next)) {
      options.onProgress?.(next);
    }
    job = next;
  }
  return job;
}

function jobChanged(a: BackupJob, b: BackupJob): boolean {
  return (
    a.status !== b.status ||
    a.progressPercentage !== b.progressPercentage ||
    JSON.stringify(a.tasks) !== JSON.stringify(b.tasks)
  );
}

/** Refresh containers (discovery): Location → backupFabrics/Azure/operationResults/{op} until 204. */
export async function refreshContainers(ctx: TrackerContext, signal?: AbortSignal): Promise<void> {
  const { client, vault, timing } = ctx;
  const accepted = await startOperation((onResponse) =>
    client.protectionContainers.refresh(vault.name, vault.resourceGroup, FABRIC, { abortSignal: signal, onResponse }),
  );
  const operationId = accepted.operationId;
  if (!operationId) {
    return;
  }
  let retryAfterMs = accepted.retryAfterMs;
  for (;;) {
    await sleep(nextDelay(timing, retryAfterMs), signal);
    let status = 0;
    try {
      await client.protectionContainerRefreshOperationResults.get(
        vault.name,
        vault.resourceGroup,
        FABRIC,
        operationId,
        {
          abortSignal: signal,
          onResponse: (raw) => {
            status = raw.status;
            retryAfterMs = parseRetryAfter(headerValue(raw.headers, 'retry-after'));
          },
        },
      );
    } catch (e) {
      throw AzureError.from(e);
    }
    if (status !== 202) {
      return;
    }
    if (signal?.aborted) {
      throw cancelled();
    }
  }
}
