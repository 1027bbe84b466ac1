// Never twice: the one mechanism that keeps the layer from sending a change the service already has or is making
// (docs/ARCHITECTURE.md, "Never twice"). Every operation that changes a protected item (backup now, enable, stop,
// change policy and resume, undelete, restore, file recovery's provision and revoke) runs through `once`, keyed by
// (operation kind, resource id):
//  - one call per key in flight per service: a second caller (a double click, a command and a form at once) joins
//    the first's promise instead of sending a second trigger;
//  - a caller that must decide before it awaits anything (the UI's guard against a second click) reserves the key
//    synchronously; while it holds the key no one else can reserve it, and a call for it joins the holder's call;
//  - when the service answers that the same work already runs (another client), or an answer was lost after the
//    service may have accepted it, the item's running job is looked up and followed, never sent again;
//  - an operation that changes a vault's items drops the vault's cached listing when it ends, whatever the outcome.
import type { OperationKind, Reservation, TrackOptions, VaultRef } from '../backupService';
import type { AzureOperation, BackupItem, BackupJob, JobOperation } from '../model';
import { trackJob } from '../tracker';
import type { OperationContext } from './context';
import { trackerFor } from './context';
import { forgetVaultItems } from './items';
import { noteVaultChange } from './recentChanges';
import { listJobs } from './jobs';
import { idKey } from '../ids';

/** Settles a reservation whose holder made no call: those who joined it make their own. */
const NOT_RUN = Symbol('notRun');

interface Entry {
  holder?: Reservation;
  started: boolean;
  /** The call, once made: a joiner gets this very promise. */
  running?: Promise<unknown>;
  promise: Promise<unknown>;
  settle(outcome: Promise<unknown> | typeof NOT_RUN): void;
}

/** The keys of one service (one per OperationContext). */
export class OperationGate {
  private readonly entries = new Map<string, Entry>();

  /** Whether a call for the key is in flight or reserved. */
  busy(kind: OperationKind, resourceId: string): boolean {
    return this.entries.has(keyOf(kind, resourceId));
  }

  /** The key for the caller alone, or undefined when another call holds it. Synchronous, so two clicks cannot both pass. */
  reserve(kind: OperationKind, resourceId: string): Reservation | undefined {
    const key = keyOf(kind, resourceId);
    if (this.entries.has(key)) return undefined;
    const entry = this.open(key);
    const reservation: Reservation = {
      kind,
      resourceId,
      release: () => {
        if (entry.started || this.entries.get(key) !== entry) return;
        this.entries.delete(key);
        entry.settle(NOT_RUN);
      },
    };
    entry.holder = reservation;
    return reservation;
  }

  /** Starts `work` for the key, or joins the call that holds it; `reserved`: the caller holds the key's reservation. */
  run<T>(kind: OperationKind, resourceId: string, work: () => Promise<T>, reserved = false): Promise<T> {
    const key = keyOf(kind, resourceId);
    let entry = this.entries.get(key);
    if (entry && !(reserved && entry.holder && !entry.started)) {
      if (entry.running) return entry.running as Promise<T>;
      return entry.promise.then((outcome) => (outcome === NOT_RUN ? this.run(kind, resourceId, work) : (outcome as T)));
    }
    entry ??= this.open(key);
    entry.started = true;
    const current = entry;
    const started = work().finally(() => {
      if (this.entries.get(key) === current) this.entries.delete(key);
    });
    current.running = started;
    current.settle(started);
    return started;
  }

  private open(key: string): Entry {
    let settle!: Entry['settle'];
    const promise = new Promise<unknown>((resolve) => {
      settle = resolve;
    });
    promise.catch(() => undefined); // a joiner, if any, takes the failure; the first caller has it already
    const entry: Entry = { started: false, promise, settle };
    this.entries.set(key, entry);
    return entry;
  }
}

function keyOf(kind: OperationKind, resourceId: string): string {
  return `${kind}|${idKey(resourceId)}`;
}

const gates = new WeakMap<OperationContext, OperationGate>();

/** The service's gate (one per OperationContext). */
export function gateOf(ctx: OperationContext): OperationGate {
  let gate = gates.get(ctx);
  if (!gate) gates.set(ctx, (gate = new OperationGate()));
  return gate;
}

export interface OnceOptions {
  /** The vault whose cached items listing the operation changes. */
  changes?: VaultRef;
  /** The caller's reservations (TrackOptions.reserved): the one for this key, if any, lets the call run under it. */
  reserved?: readonly Reservation[];
}

/** After an operation on the vault's items: its cached listing is stale, and readers of lagging indexes should know. */
export function vaultChanged(ctx: OperationContext, vault: VaultRef): void {
  forgetVaultItems(ctx, vault);
  noteVaultChange(ctx, vault);
}

/** Runs `work` as the one call for (kind, resourceId) of this service, or joins the call already made for it. */
export function once<T>(
  ctx: OperationContext,
  kind: OperationKind,
  resourceId: string,
  work: () => Promise<T>,
  options: OnceOptions = {},
): Promise<T> {
  const { changes } = options;
  const run = changes ? () => work().finally(() => vaultChanged(ctx, changes)) : work;
  const key = keyOf(kind, resourceId);
  const reserved = options.reserved?.some((r) => keyOf(r.kind, r.resourceId) === key) ?? false;
  return gateOf(ctx).run(kind, resourceId, run, reserved);
}

/** "iaasvmcontainerv2;rg;vm", lower-cased, from either container name form. */
export function shortContainer(containerName: string | undefined): string {
  return (containerName ?? '').toLowerCase().replace(/^iaasvmcontainer;/, '');
}

/** Whether the job is this operation's, running, for the item (jobs without a container name are matched by the item's name). */
export function isRunningJobOf(
  item: Pick<BackupItem, 'containerName'> & { friendlyName?: string },
  operation: JobOperation,
  job: BackupJob,
): boolean {
  if (job.operation !== operation || (job.status !== 'InProgress' && job.status !== 'Cancelling')) return false;
  if (job.containerName) return shortContainer(job.containerName) === shortContainer(item.containerName);
  return item.friendlyName !== undefined && job.entityFriendlyName.toLowerCase() === item.friendlyName.toLowerCase();
}

/** The running job of this operation for the item, if any; a failed lookup throws. */
export async function findRunningJob(
  ctx: OperationContext,
  vault: VaultRef,
  operation: JobOperation,
  item: Pick<BackupItem, 'containerName'> & { friendlyName?: string },
  signal?: AbortSignal,
): Promise<BackupJob | undefined> {
  const jobs = await listJobs(ctx, vault, { operation, status: 'InProgress' }, { signal });
  return jobs.items.find((j) => isRunningJobOf(item, operation, j));
}

/**
 * Follows the item's running job of this operation to its end (joinedExisting), or undefined when none runs or the
 * lookup fails (the caller then reports what it has).
 */
export async function followRunningJob(
  ctx: OperationContext,
  vault: VaultRef,
  operation: JobOperation,
  containerName: string,
  options: TrackOptions,
): Promise<AzureOperation | undefined> {
  const job = await findRunningJob(ctx, vault, operation, { containerName }, options.signal).catch(() => undefined);
  return job ? followJob(ctx, vault, job, options) : undefined;
}

/** Follows a job this layer did not start (or whose start answer was lost) to its end. */
export async function followJob(
  ctx: OperationContext,
  vault: VaultRef,
  job: Pick<BackupJob, 'name'>,
  options: TrackOptions,
): Promise<AzureOperation> {
  return { ...(await trackJob(trackerFor(ctx, vault), '', job.name, options)), joinedExisting: true };
}
