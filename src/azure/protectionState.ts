// The one protection state of a VM and its backup item, read from the service's fields. The tree, the coverage
// page, the exports and the pickers all speak it, so a stopped or soft-deleted item never reads "Protected". Pure.
import type { BackupItem } from './model';

export type ProtectionStatus =
  | 'Protected'
  /** Enabled, first backup not yet done (protectionState IRPending). */
  | 'InitialBackupPending'
  /** Stop protection with "retain data": no more backups, recovery points kept (ProtectionStopped, ProtectionPaused, BackupsSuspended). */
  | 'ProtectionStopped'
  /** Stop protection with "delete data" under soft delete: the item waits for its deferred delete. */
  | 'SoftDeleted'
  | 'ProtectionError'
  | 'NotProtected'
  /** The service's answer could not be read (a vault failed to list, or a state this code does not know). */
  | 'Unknown';

export const PROTECTION_STATUSES: readonly ProtectionStatus[] = [
  'Protected',
  'InitialBackupPending',
  'ProtectionStopped',
  'SoftDeleted',
  'ProtectionError',
  'NotProtected',
  'Unknown',
];

export type ItemStateFields = Pick<BackupItem, 'protectionState'> & Partial<Pick<BackupItem, 'softDeleted'>>;

export function itemProtectionStatus(item: ItemStateFields): ProtectionStatus {
  if (item.softDeleted) return 'SoftDeleted';
  switch (item.protectionState) {
    case 'Protected':
      return 'Protected';
    case 'IRPending':
      return 'InitialBackupPending';
    case 'ProtectionError':
      return 'ProtectionError';
    case 'ProtectionStopped':
    case 'ProtectionPaused':
    case 'BackupsSuspended':
      return 'ProtectionStopped';
    default:
      return 'Unknown';
  }
}

/** The backupStatus API's protectionStatus when no item could be read: Protecting is an enable still configuring. */
export function backupStatusProtection(protectionStatus: string | undefined): ProtectionStatus {
  switch (protectionStatus) {
    case 'Protected':
      return 'Protected';
    case 'Protecting':
      return 'InitialBackupPending';
    case 'NotProtected':
      return 'NotProtected';
    default:
      return 'Unknown';
  }
}

/** Scheduled backups run for the VM: it counts as protected, and Backup now and Stop protection apply. */
export function isActivelyProtected(status: ProtectionStatus | undefined): boolean {
  return status === 'Protected' || status === 'InitialBackupPending' || status === 'ProtectionError';
}

/** Protection was stopped (data retained or soft deleted): recovery points may remain, but nothing new is taken. */
export function isStopped(status: ProtectionStatus | undefined): boolean {
  return status === 'ProtectionStopped' || status === 'SoftDeleted';
}

/** A backup item record exists for the VM (active, stopped or soft deleted): it is tied to that vault. */
export function hasBackupItem(status: ProtectionStatus | undefined): boolean {
  return isActivelyProtected(status) || isStopped(status);
}
