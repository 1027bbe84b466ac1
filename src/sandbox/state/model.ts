/** The sandbox's persisted state: plain JSON-friendly records, times in simulated epoch milliseconds. */

export type OsType = 'Windows' | 'Linux';
export type PowerState = 'running' | 'stopped' | 'deallocated';
export type StorageType = 'GeoRedundant' | 'LocallyRedundant' | 'ZoneRedundant';

export interface SubscriptionRecord {
  subscriptionId: string;
  displayName: string;
}

export interface ResourceGroupRecord {
  subscriptionId: string;
  name: string;
  location: string;
  tags?: Record<string, string>;
}

export interface VmRecord {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location: string;
  osType: OsType;
  vmSize: string;
  vmId: string;
  powerState: PowerState;
  agentReady: boolean;
  /** Backups of a broken VM fail (control.markVmBroken). */
  broken: boolean;
  createdAt: number;
  tags?: Record<string, string>;
}

export interface VaultRecord {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location: string;
  tags?: Record<string, string>;
  skuName: string;
  storageType: StorageType;
  crossRegionRestore: boolean;
  /** Set once the first item is protected; redundancy can no longer change. */
  storageLocked: boolean;
  publicNetworkAccess: string;
  softDeleteState: string;
  /** Days a soft-deleted item is kept (14 when absent: data files written before this field). */
  softDeleteRetentionDays?: number;
  /** 'Enabled' when absent. */
  enhancedSecurityState?: string;
  /** Extra vault properties the client sent that we keep and echo (monitoringSettings, ...). */
  extraProperties: Record<string, unknown>;
  /** VMs created up to this time are visible as protectable items (containers refresh moves it). */
  discoveredAt: number;
  createdAt: number;
  modifiedAt: number;
}

export interface PolicyRecord {
  vaultKey: string;
  name: string;
  /** The policy `properties` without protectedItemsCount (computed when rendered). */
  properties: Record<string, unknown>;
}

export type ProtectionState = 'IRPending' | 'Protected' | 'ProtectionError' | 'ProtectionStopped' | 'BackupsSuspended';

export interface ProtectedItemRecord {
  vaultKey: string;
  /** Lower-cased ARM id of the VM. */
  vmKey: string;
  policyName?: string;
  protectionState: ProtectionState;
  lastBackupStatus: string;
  lastBackupTime?: number;
  lastRecoveryPoint?: number;
  healthStatus: 'Passed' | 'ActionRequired' | 'ActionSuggested';
  protectedItemDataId: string;
  createdAt: number;
  /** Next scheduled backup per the policy (absent when not scheduled). */
  nextScheduledAt?: number;
  /** Set when its data was deleted in a vault with soft delete on: kept, with its recovery points, until purgeAt. */
  softDeletedAt?: number;
  purgeAt?: number;
}

export type JobStatus = 'InProgress' | 'Completed' | 'Failed' | 'CompletedWithWarnings' | 'Cancelled' | 'Cancelling';
export type JobOperation = 'ConfigureBackup' | 'Backup' | 'DisableBackup' | 'DeleteBackupData' | 'Undelete';

export interface JobErrorRecord {
  errorCode: number;
  errorTitle: string;
  errorString: string;
  recommendations: string[];
}

export interface JobRecord {
  vaultKey: string;
  id: string;
  operation: JobOperation;
  status: JobStatus;
  vmKey: string;
  /** Friendly VM name and container name, kept so the job survives the item's deletion. */
  entityFriendlyName: string;
  containerName: string;
  startTime: number;
  /** Planned end for running jobs; actual end once finished. */
  endTime: number;
  isUserTriggered: boolean;
  activityId: string;
  /** Backup jobs: the expiry of the recovery point they create. */
  recoveryPointExpiry?: number;
  /** When the job should fail (broken VM), the time it fails. */
  failAt?: number;
  cancelRequestedAt?: number;
  errorDetails?: JobErrorRecord[];
}

export interface RecoveryPointRecord {
  vaultKey: string;
  vmKey: string;
  name: string;
  time: number;
  expiry: number;
  type: 'AppConsistent' | 'CrashConsistent' | 'FileSystemConsistent';
  osType: OsType;
  vmSize: string;
}

export type OperationKind =
  | 'enable' | 'stop' | 'deleteData' | 'undelete' | 'backup' | 'refresh' | 'policyDelete' | 'vaultUpdate' | 'cancelJob';

export interface ArmErrorBody {
  code: string;
  message: string;
}

export interface OperationRecord {
  vaultKey: string;
  id: string;
  kind: OperationKind;
  startTime: number;
  doneAt: number;
  /** Outcome once doneAt has passed. */
  error?: ArmErrorBody;
  jobId?: string;
  vmKey?: string;
  policyName?: string;
  applied?: boolean;
}

export interface SandboxState {
  version: 1;
  tenantId: string;
  savedAt: number;
  counter: number;
  subscriptions: SubscriptionRecord[];
  resourceGroups: ResourceGroupRecord[];
  vms: VmRecord[];
  vaults: VaultRecord[];
  policies: PolicyRecord[];
  items: ProtectedItemRecord[];
  jobs: JobRecord[];
  recoveryPoints: RecoveryPointRecord[];
  operations: OperationRecord[];
}
