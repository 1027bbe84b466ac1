import * as vscode from 'vscode';
import type { BackupService, OperationKind, Reservation, VaultRef } from '../azure/backupService';
import type { BackupJob } from '../azure/model';
import { idKey } from '../azure/ids';

/** An operation this window started and is following to its end. */
export interface TrackedOperation {
  readonly id: number;
  /** Lower-cased resource ids whose nodes show a spinner meanwhile (VM id, vault id). */
  readonly keys: string[];
  readonly label: string;
  readonly operation: 'Backup' | 'ConfigureBackup' | 'StopProtection' | 'Restore' | 'Other';
  readonly vault: VaultRef;
  job?: BackupJob;
}

/**
 * Operations in flight, for node spinners and the status-bar count. Whether an operation may start is the Azure
 * layer's to say ("Never twice", docs/ARCHITECTURE.md): `reserve` asks it, synchronously, before the first await.
 */
export class JobTracker implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<string[]>();
  /** Fires with the affected resource keys whenever an operation starts, progresses or ends. */
  readonly onDidChange = this.changed.event;
  private readonly running = new Map<number, TrackedOperation>();
  /** Lower-cased resource keys shown busy while their reservation is held (before the operation's job is tracked). */
  private readonly reserved = new Map<Reservation, string[]>();
  private nextId = 1;

  isBusy(key: string): boolean {
    const k = idKey(key);
    for (const keys of this.reserved.values()) if (keys.includes(k)) return true;
    for (const op of this.running.values()) if (op.keys.includes(k)) return true;
    return false;
  }

  /**
   * The Azure layer's reservation of (kind, resource), or undefined when a call for it is in flight or reserved;
   * `keys` (resource ids) spin until it is released. Pass it to the operation (TrackOptions.reserved), then release it.
   */
  reserve(service: BackupService, kind: OperationKind, resourceId: string, keys: string[]): Reservation | undefined {
    const held = service.reserve(kind, resourceId);
    if (!held) return undefined;
    const shown = keys.map(idKey);
    const reservation: Reservation = {
      kind,
      resourceId,
      release: () => {
        held.release();
        if (this.reserved.delete(reservation)) this.changed.fire(shown);
      },
    };
    this.reserved.set(reservation, shown);
    this.changed.fire(shown);
    return reservation;
  }

  list(): TrackedOperation[] {
    return [...this.running.values()];
  }

  runningBackups(): number {
    return this.list().filter((op) => op.operation === 'Backup').length;
  }

  /** Follows `work` to its end; `progress` updates the tracked job as the service reports it. */
  async track<T>(
    info: Omit<TrackedOperation, 'id' | 'job'>,
    work: (progress: (job: BackupJob) => void) => Promise<T>,
  ): Promise<T> {
    const op: TrackedOperation = { ...info, keys: info.keys.map(idKey), id: this.nextId++ };
    this.running.set(op.id, op);
    this.changed.fire(op.keys);
    try {
      return await work((job) => {
        op.job = job;
        this.changed.fire(op.keys);
      });
    } finally {
      this.running.delete(op.id);
      this.changed.fire(op.keys);
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}
