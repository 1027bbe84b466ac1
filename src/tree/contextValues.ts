// Every contextValue of the tree, in one place. package.json menus match them with `viewItem == <token>`
// or anchored regexes such as /^(virtualMachine|backupItem)$/, never with substrings.
// VMs and backup items carry one token per protection state, so their menus offer only what the state allows.
import type { ProtectionStatus } from '../azure/protectionState';
export const ContextValue = {
  action: 'action',
  message: 'message',
  error: 'error',
  cancelled: 'cancelled',
  loadMore: 'loadMore',
  tenantNeedsSignIn: 'tenantNeedsSignIn',
  subscription: 'subscription',
  vaults: 'vaults',
  vault: 'vault',
  backupItems: 'backupItems',
  backupItem: 'backupItem',
  backupItemInitialBackupPending: 'backupItemInitialBackupPending',
  backupItemProtectionError: 'backupItemProtectionError',
  backupItemProtectionStopped: 'backupItemProtectionStopped',
  backupItemSoftDeleted: 'backupItemSoftDeleted',
  backupItemUnknown: 'backupItemUnknown',
  backupJobs: 'backupJobs',
  recoveryPoint: 'recoveryPoint',
  /** A file-recovery session is open on it: Unmount Disks is offered too. */
  recoveryPointFileRecoveryActive: 'recoveryPointFileRecoveryActive',
  /** In the archive tier: neither restore nor file recovery without rehydration. */
  recoveryPointArchived: 'recoveryPointArchived',
  job: 'backupJob',
  jobCancellable: 'backupJobCancellable',
  policies: 'backupPolicies',
  policy: 'backupPolicy',
  policyReadOnly: 'backupPolicyReadOnly',
  virtualMachines: 'virtualMachines',
  vmUnprotected: 'virtualMachine',
  vmProtected: 'virtualMachineProtected',
  vmInitialBackupPending: 'virtualMachineInitialBackupPending',
  vmProtectionError: 'virtualMachineProtectionError',
  vmProtectionStopped: 'virtualMachineProtectionStopped',
  vmSoftDeleted: 'virtualMachineSoftDeleted',
} as const;

/** A VM node's token: NotProtected and Unknown both offer Enable backup (the enable checks the service first). */
export function vmContextValue(status: ProtectionStatus | undefined): ContextValueToken {
  switch (status) {
    case 'Protected':
      return ContextValue.vmProtected;
    case 'InitialBackupPending':
      return ContextValue.vmInitialBackupPending;
    case 'ProtectionError':
      return ContextValue.vmProtectionError;
    case 'ProtectionStopped':
      return ContextValue.vmProtectionStopped;
    case 'SoftDeleted':
      return ContextValue.vmSoftDeleted;
    default:
      return ContextValue.vmUnprotected;
  }
}

export function backupItemContextValue(status: ProtectionStatus): ContextValueToken {
  switch (status) {
    case 'Protected':
      return ContextValue.backupItem;
    case 'InitialBackupPending':
      return ContextValue.backupItemInitialBackupPending;
    case 'ProtectionError':
      return ContextValue.backupItemProtectionError;
    case 'ProtectionStopped':
      return ContextValue.backupItemProtectionStopped;
    case 'SoftDeleted':
      return ContextValue.backupItemSoftDeleted;
    default:
      return ContextValue.backupItemUnknown;
  }
}

export type ContextValueToken = (typeof ContextValue)[keyof typeof ContextValue];
