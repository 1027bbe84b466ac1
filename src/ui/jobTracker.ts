import * as vscode from 'vscode';
import type { VaultRef } from '../azure/backupService';
import type { BackupJob } from '../azure/model';

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
 * Operations in flight: drives node spinners, the status-bar count and the double "Backup now" guard.
 * The guard is synchronous (claim before the first await) so two quick clicks cannot both pass it.
 */
export class JobTracker implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<string[]>();
  /** Fires with the affected resource keys whenever an operation starts, progresses or ends. */
  readonly onDidChange = this.changed.event;
  private readonly running = new Map<number, TrackedOperation>();
  private readonly claims = new Set<string>();
  private nextId = 1;

  isBusy(key: string): boolean {
    const k = key.toLowerCase();
    if (this.claims.has(k)) return true;
    for (const op of this.running.values()) if (op.keys.includes(k)) return true;
    return false;
  }

  /** Reserves a resource for one operation; false when another holds it. */
  claim(key: string): boolean {
    const k = key.toLowerCase();
    if (this.claims.has(k)) return false;
    this.claims.add(k);
    this.changed.fire([k]);
    return true;
  }

  release(key: string): void {
    const k = key.toLowerCase();
    if (this.claims.delete(k)) this.changed.fire([k]);
  }

  list(): TrackedOperation[] {
    return [...this.running.values()];
  }

  runningBackups(): number {
    return this.list().filter((op) => op.operation === 'Backup').length;
  }

  /** Follows `work` to its end; `progress` updates the tracked job as the service reports it. */
  async track<T>(info: Omit<TrackedOperation, 'id' | 'job'>, work: (progress: (job: BackupJob) => void) => Promise<T>): Promise<T> {
    const op: TrackedOperation = { ...info, keys: info.keys.map((k) => k.toLowerCase()), id: this.nextId++ };
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
