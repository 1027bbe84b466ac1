/**
 * The state machine: starts async operations and jobs, and applies their transitions when simulated
 * time reaches them (protection IRPending → Protected, jobs → Completed/Failed/Cancelled, recovery points,
 * scheduled backups). Everything it needs to resume lives in the Store, so a restart picks up where it left.
 */
import { randomUUID } from 'node:crypto';
import { EventQueue } from './eventQueue';
import type {
  ArmErrorBody,
  JobOperation,
  JobRecord,
  OperationKind,
  OperationRecord,
  ProtectedItemRecord,
  ProtectionState,
  RecoveryPointRecord,
  RestoreRecord,
  VaultRecord,
  VmRecord,
} from './model';
import { shortContainerName } from './names';
import { nextScheduledRun, scheduledRetentionMs } from './policySchedule';
import type { Store } from './store';
import { DAY_MS, TIMINGS } from './timings';
import { applyRestore } from './restoreEffects';
import { fileRecoveryScript } from './fileRecoveryScript';
import { softDeleteRetentionDays } from './softDelete';

export interface EngineHooks {
  /** True while fault injection asks async operations to fail. */
  failOperations(): boolean;
  /** Called after transitions changed the state. */
  changed(): void;
}

const INJECTED_FAILURE: ArmErrorBody = {
  code: 'BMSUserErrorOperationFailed',
  message: 'The operation could not be completed (sandbox fault injection: failOperations).',
};

export class Engine {
  private readonly queue = new EventQueue();

  constructor(
    private readonly store: Store,
    private readonly now: () => number,
    private readonly hooks: EngineHooks,
  ) {
    for (const op of store.allOperations())
      if (!op.applied) this.queue.push(op.doneAt, 'operation', op.vaultKey, op.id);
    for (const job of store.allJobs())
      if (job.status === 'InProgress' || job.status === 'Cancelling') this.queueJob(job);
    for (const item of store.allItems()) {
      if (item.nextScheduledAt !== undefined)
        this.queue.push(item.nextScheduledAt, 'schedule', item.vaultKey, item.vmKey);
      if (item.purgeAt !== undefined) this.queue.push(item.purgeAt, 'purge', item.vaultKey, item.vmKey);
    }
  }

  /** Simulated time of the next pending transition, if any. */
  nextDueAt(): number | undefined {
    return this.queue.peek()?.at;
  }

  /** Applies, in time order, every transition due by now. */
  runDue(): void {
    const now = this.now();
    let changed = false;
    for (let e = this.queue.peek(); e && e.at <= now; e = this.queue.peek()) {
      this.queue.pop();
      if (e.kind === 'operation') changed = this.finishOperation(e.vaultKey, e.ref, e.at) || changed;
      else if (e.kind === 'job') changed = this.finishJob(e.vaultKey, e.ref, e.at) || changed;
      else if (e.kind === 'purge') changed = this.purge(e.vaultKey, e.ref, e.at) || changed;
      else changed = this.runSchedule(e.vaultKey, e.ref, e.at) || changed;
    }
    if (changed) this.hooks.changed();
  }

  // ---- operations started by routes ----

  /** Whether a configure/stop/delete operation on this VM's item is still running. */
  protectionOperationRunning(vaultKey: string, vmKey: string): boolean {
    const now = this.now();
    return this.store
      .allOperations()
      .some(
        (o) =>
          o.vaultKey === vaultKey &&
          o.vmKey === vmKey &&
          !o.applied &&
          o.doneAt > now &&
          (o.kind === 'enable' || o.kind === 'stop' || o.kind === 'deleteData' || o.kind === 'undelete'),
      );
  }

  runningBackup(vaultKey: string, vmKey: string): JobRecord | undefined {
    return this.store
      .jobsOf(vaultKey)
      .find(
        (j) =>
          j.vmKey === vmKey && j.operation === 'Backup' && (j.status === 'InProgress' || j.status === 'Cancelling'),
      );
  }

  /** Enable, resume or change policy; `diskExclusion` replaces the item's disk selection when given. */
  enable(
    vault: VaultRecord,
    vaultKey: string,
    vm: VmRecord,
    vmKey: string,
    policyName: string,
    diskExclusion?: ProtectedItemRecord['diskExclusion'],
  ): OperationRecord {
    const now = this.now();
    const op = this.newOperation(vaultKey, 'enable', now + TIMINGS.enableOperation, vmKey);
    if (op.error) return op;
    const existing = this.store.item(vaultKey, vmKey);
    const item: ProtectedItemRecord = existing ?? {
      vaultKey,
      vmKey,
      protectionState: 'IRPending',
      lastBackupStatus: '',
      healthStatus: 'Passed',
      protectedItemDataId: String(this.store.nextNumber() + 17_592_186_044_416),
      createdAt: now,
    };
    item.policyName = policyName;
    if (diskExclusion) item.diskExclusion = diskExclusion;
    if (item.protectionState === 'ProtectionStopped' || item.protectionState === 'BackupsSuspended') {
      item.protectionState = item.lastRecoveryPoint !== undefined ? 'Protected' : 'IRPending';
    }
    this.store.putItem(item);
    vault.storageLocked = true;
    this.schedule(item);
    op.jobId = this.newJob(vaultKey, vm, vmKey, 'ConfigureBackup', now, TIMINGS.configureJob, true).id;
    return op;
  }

  stop(vaultKey: string, vm: VmRecord, item: ProtectedItemRecord, state: ProtectionState): OperationRecord {
    const now = this.now();
    const op = this.newOperation(vaultKey, 'stop', now + TIMINGS.stopOperation, item.vmKey);
    if (op.error) return op;
    item.protectionState = state;
    item.policyName = undefined;
    item.nextScheduledAt = undefined;
    op.jobId = this.newJob(vaultKey, vm, item.vmKey, 'DisableBackup', now, TIMINGS.disableJob, true).id;
    return op;
  }

  deleteData(vaultKey: string, vm: VmRecord, item: ProtectedItemRecord): OperationRecord {
    const now = this.now();
    const op = this.newOperation(vaultKey, 'deleteData', now + TIMINGS.deleteOperation, item.vmKey);
    if (op.error) return op;
    item.protectionState = 'ProtectionStopped';
    item.policyName = undefined;
    item.nextScheduledAt = undefined;
    op.jobId = this.newJob(vaultKey, vm, item.vmKey, 'DeleteBackupData', now, TIMINGS.deleteJob, true).id;
    return op;
  }

  /** Undelete: a soft-deleted item returns to "protection stopped, data retained", its recovery points intact. */
  undelete(vaultKey: string, vm: VmRecord, item: ProtectedItemRecord): OperationRecord {
    const now = this.now();
    const op = this.newOperation(vaultKey, 'undelete', now + TIMINGS.undeleteOperation, item.vmKey);
    if (op.error) return op;
    op.jobId = this.newJob(vaultKey, vm, item.vmKey, 'Undelete', now, TIMINGS.undeleteJob, true).id;
    return op;
  }

  /** Restore from a recovery point: a Restore job whose end applies the restore to Compute (restoreEffects.ts). */
  restore(vaultKey: string, vm: VmRecord, item: ProtectedItemRecord, restore: RestoreRecord): OperationRecord {
    const now = this.now();
    const op = this.newOperation(vaultKey, 'restore', now + TIMINGS.restoreOperation, item.vmKey);
    if (op.error) return op;
    const job = this.newJob(vaultKey, vm, item.vmKey, 'Restore', now, TIMINGS.restoreJob, true);
    job.restore = restore;
    op.jobId = job.id;
    return op;
  }

  runningRestore(vaultKey: string, vmKey: string): JobRecord | undefined {
    return this.store
      .jobsOf(vaultKey)
      .find(
        (j) =>
          j.vmKey === vmKey && j.operation === 'Restore' && (j.status === 'InProgress' || j.status === 'Cancelling'),
      );
  }

  /** File recovery: mounts (provision) or unmounts (revoke) a recovery point; no job, as in Azure. */
  itemLevelRecovery(
    vaultKey: string,
    vm: VmRecord,
    vmKey: string,
    rp: RecoveryPointRecord,
    kind: 'provisionIlr' | 'revokeIlr',
  ): OperationRecord {
    const op = this.newOperation(vaultKey, kind, this.now() + TIMINGS.ilrOperation, vmKey);
    op.recoveryPointName = rp.name;
    if (kind === 'provisionIlr' && !op.error) op.clientScripts = [fileRecoveryScript(vm, rp, randomUUID())];
    return op;
  }

  /**
   * Backup now. A backup requested while another runs is accepted (202) and its operation fails with
   * UserErrorBackupOperationInProgress, as the service documents it; no second job starts.
   */
  backup(vaultKey: string, vm: VmRecord, item: ProtectedItemRecord, expiry: number): OperationRecord {
    const now = this.now();
    if (this.runningBackup(vaultKey, item.vmKey)) {
      const op = this.newOperation(vaultKey, 'backup', now, item.vmKey);
      op.error ??= {
        code: 'UserErrorBackupOperationInProgress',
        message:
          'Unable to initiate backup as another backup operation is currently in progress. Please wait until the previous backup operation is completed and retry.',
      };
      return op;
    }
    const op = this.newOperation(vaultKey, 'backup', now + TIMINGS.backupOperation, item.vmKey);
    if (op.error) return op;
    op.jobId = this.startBackupJob(vaultKey, vm, item, now, expiry, true).id;
    return op;
  }

  refresh(vaultKey: string): OperationRecord {
    return this.newOperation(vaultKey, 'refresh', this.now() + TIMINGS.refreshOperation, undefined, false);
  }

  cancelJob(vaultKey: string, job: JobRecord): OperationRecord {
    const now = this.now();
    const op = this.newOperation(vaultKey, 'cancelJob', now + TIMINGS.cancelOperation, job.vmKey, false);
    op.jobId = job.id;
    job.status = 'Cancelling';
    job.cancelRequestedAt = now;
    return op;
  }

  vaultUpdate(vaultKey: string): OperationRecord {
    return this.newOperation(vaultKey, 'vaultUpdate', this.now() + TIMINGS.vaultOperation, undefined, false);
  }

  /** Recomputes the next scheduled backup of an item from its policy. */
  schedule(item: ProtectedItemRecord): void {
    const policy = item.policyName ? this.store.policy(item.vaultKey, item.policyName) : undefined;
    const next =
      policy && isScheduledState(item.protectionState) ? nextScheduledRun(policy.properties, this.now()) : undefined;
    item.nextScheduledAt = next;
    if (next !== undefined) this.queue.push(next, 'schedule', item.vaultKey, item.vmKey);
  }

  // ---- internals ----

  private newOperation(
    vaultKey: string,
    kind: OperationKind,
    doneAt: number,
    vmKey?: string,
    mayFail = true,
  ): OperationRecord {
    const op: OperationRecord = { vaultKey, id: randomUUID(), kind, startTime: this.now(), doneAt, vmKey };
    if (mayFail && this.hooks.failOperations()) {
      op.error = INJECTED_FAILURE;
      op.doneAt = op.startTime;
    }
    this.store.addOperation(op);
    this.queue.push(op.doneAt, 'operation', vaultKey, op.id);
    return op;
  }

  private newJob(
    vaultKey: string,
    vm: VmRecord,
    vmKey: string,
    operation: JobOperation,
    start: number,
    duration: number,
    userTriggered: boolean,
  ): JobRecord {
    const job: JobRecord = {
      vaultKey,
      id: randomUUID(),
      operation,
      status: 'InProgress',
      vmKey,
      entityFriendlyName: vm.name,
      containerName: shortContainerName(vm),
      startTime: start,
      endTime: start + duration,
      isUserTriggered: userTriggered,
      activityId: randomUUID(),
    };
    this.store.addJob(job);
    this.queueJob(job);
    return job;
  }

  private startBackupJob(
    vaultKey: string,
    vm: VmRecord,
    item: ProtectedItemRecord,
    start: number,
    expiry: number,
    userTriggered: boolean,
  ): JobRecord {
    const job = this.newJob(vaultKey, vm, item.vmKey, 'Backup', start, TIMINGS.backupJob, userTriggered);
    job.recoveryPointExpiry = expiry;
    if (vm.broken) {
      // A broken VM fails while taking the snapshot.
      job.failAt = start + TIMINGS.backupJob * TIMINGS.snapshotShare;
      this.queueJob(job);
    }
    return job;
  }

  private queueJob(job: JobRecord): void {
    const at =
      job.status === 'Cancelling'
        ? (job.cancelRequestedAt ?? job.startTime) + TIMINGS.cancelOperation
        : (job.failAt ?? job.endTime);
    this.queue.push(at, 'job', job.vaultKey, job.id);
  }

  private finishOperation(vaultKey: string, id: string, at: number): boolean {
    const op = this.store.operation(vaultKey, id);
    if (!op || op.applied) return false;
    op.applied = true;
    if (op.error) return true;
    if (op.kind === 'refresh') {
      const vault = this.store.vault(vaultKey);
      if (vault) vault.discoveredAt = Math.max(vault.discoveredAt, op.startTime);
    } else if (op.kind === 'deleteData' && op.vmKey) {
      const item = this.store.item(vaultKey, op.vmKey);
      if (item) this.deleteOrSoftDelete(item, at);
    } else if (op.kind === 'undelete' && op.vmKey) {
      const item = this.store.item(vaultKey, op.vmKey);
      if (item) {
        item.softDeletedAt = undefined;
        item.purgeAt = undefined;
      }
    } else if ((op.kind === 'provisionIlr' || op.kind === 'revokeIlr') && op.vmKey) {
      const rp = this.store.recoveryPointsOf(vaultKey, op.vmKey).find((p) => p.name === op.recoveryPointName);
      if (rp) rp.ilrActive = op.kind === 'provisionIlr';
    } else if (op.kind === 'cancelJob' && op.jobId) {
      const job = this.store.job(vaultKey, op.jobId);
      if (job && job.status === 'Cancelling') {
        job.status = 'Cancelled';
        job.endTime = at;
      }
    }
    return true;
  }

  /** With soft delete on, deleted data is kept for the vault's retention and purged then; otherwise it goes now. */
  private deleteOrSoftDelete(item: ProtectedItemRecord, at: number): void {
    const vault = this.store.vault(item.vaultKey);
    if (!vault || vault.softDeleteState === 'Disabled') {
      this.store.removeItem(item);
      return;
    }
    item.softDeletedAt = at;
    item.purgeAt = at + softDeleteRetentionDays(vault) * DAY_MS;
    this.queue.push(item.purgeAt, 'purge', item.vaultKey, item.vmKey);
  }

  private purge(vaultKey: string, vmKey: string, at: number): boolean {
    const item = this.store.item(vaultKey, vmKey);
    if (!item || item.purgeAt !== at) return false;
    this.store.removeItem(item);
    return true;
  }

  private finishJob(vaultKey: string, id: string, at: number): boolean {
    const job = this.store.job(vaultKey, id);
    if (!job || job.status !== 'InProgress') return false;
    const dueAt = job.failAt ?? job.endTime;
    if (at < dueAt) return false;
    const item = this.store.item(vaultKey, job.vmKey);
    const vm = this.store.vm(job.vmKey);
    job.endTime = dueAt;
    if (job.failAt !== undefined) {
      job.status = 'Failed';
      job.errorDetails = [
        {
          errorCode: 400_019,
          errorTitle: 'UserErrorVmProvisioningStateFailed',
          errorString: 'The VM is in a failed state, so the snapshot could not be taken.',
          recommendations: [
            'Restart the virtual machine or redeploy it, and make sure its provisioning state is Succeeded before retrying the backup.',
          ],
        },
      ];
      if (item) {
        item.lastBackupStatus = 'Failed';
        item.lastBackupTime = job.startTime;
        item.healthStatus = 'ActionRequired';
      }
      return true;
    }
    if (job.operation === 'Restore' && job.restore && vm) {
      const error = applyRestore(this.store, vm, job.restore, at);
      if (error) {
        job.status = 'Failed';
        job.errorDetails = [error];
        return true;
      }
    }
    job.status = 'Completed';
    if (job.operation === 'Backup' && item && vm) this.completeBackup(job, item, vm);
    return true;
  }

  private completeBackup(job: JobRecord, item: ProtectedItemRecord, vm: VmRecord): void {
    const rpTime = job.startTime + TIMINGS.backupJob * TIMINGS.snapshotShare;
    const consistent = vm.agentReady && vm.powerState === 'running';
    const points = this.store.recoveryPointsOf(item.vaultKey, item.vmKey).filter((p) => p.expiry > job.endTime);
    points.push({
      vaultKey: item.vaultKey,
      vmKey: item.vmKey,
      name: String(rpTime * 10 + (this.store.nextNumber() % 10)),
      time: rpTime,
      expiry: job.recoveryPointExpiry ?? rpTime + TIMINGS.defaultBackupRetentionDays * 86_400_000,
      type: consistent ? (vm.osType === 'Windows' ? 'AppConsistent' : 'FileSystemConsistent') : 'CrashConsistent',
      osType: vm.osType,
      vmSize: vm.vmSize,
    });
    this.store.setRecoveryPoints(item.vaultKey, item.vmKey, points);
    if (item.protectionState === 'IRPending' || item.protectionState === 'ProtectionError')
      item.protectionState = 'Protected';
    item.lastBackupStatus = 'Completed';
    item.lastBackupTime = job.startTime;
    item.lastRecoveryPoint = rpTime;
    item.healthStatus = 'Passed';
  }

  private runSchedule(vaultKey: string, vmKey: string, at: number): boolean {
    const item = this.store.item(vaultKey, vmKey);
    if (!item || item.nextScheduledAt !== at) return false;
    const policy = item.policyName ? this.store.policy(vaultKey, item.policyName) : undefined;
    const vm = this.store.vm(vmKey);
    if (policy && vm && isScheduledState(item.protectionState) && !this.runningBackup(vaultKey, vmKey)) {
      this.startBackupJob(vaultKey, vm, item, at, at + scheduledRetentionMs(policy.properties), false);
    }
    const next = policy ? nextScheduledRun(policy.properties, at) : undefined;
    item.nextScheduledAt = next;
    if (next !== undefined) this.queue.push(next, 'schedule', vaultKey, vmKey);
    return true;
  }
}

function isScheduledState(state: ProtectionState): boolean {
  return state === 'IRPending' || state === 'Protected' || state === 'ProtectionError';
}
