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
  /** The managed OS disk's name; `<name>_OsDisk_1` when absent. Replaced by a restore to the original location. */
  osDiskName?: string;
  dataDisks?: DataDiskRecord[];
  /** The subnet its NIC is in (ARM id), and its availability zone, where known. */
  subnetId?: string;
  zone?: string;
  /** 'TrustedLaunch' or 'ConfidentialVM' (Compute's securityProfile.securityType); a standard VM when absent. */
  securityType?: string;
  /** The OS disk's storage type ('Premium_LRS' when absent). */
  osDiskStorageType?: string;
}

export interface DataDiskRecord {
  lun: number;
  name: string;
  sizeGB: number;
  /** Compute's storageAccountType ('Premium_LRS' when absent); 'PremiumV2_LRS' and 'UltraSSD_LRS' need an Enhanced policy. */
  storageType?: string;
}

/** A managed disk (Microsoft.Compute/disks) that is not a seeded VM's own: restored or detached ones. */
export interface DiskRecord {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location: string;
  sizeGB: number;
  osType?: OsType;
  /** The VM it is attached to (lower-cased ARM id), if any. */
  managedBy?: string;
  createdAt: number;
}

export interface SubnetRecord {
  name: string;
  addressPrefix: string;
}

export interface VirtualNetworkRecord {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location: string;
  addressPrefix: string;
  subnets: SubnetRecord[];
}

export interface StorageAccountRecord {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location: string;
  skuName: string;
  kind: string;
  createdAt: number;
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
  /** Customer-managed key of the vault's backup data; Microsoft-managed when absent. */
  encryptionKeyUri?: string;
  /** Its Resource Guard mapping (multi-user authorization); none when absent. */
  resourceGuard?: ResourceGuardMapping;
  /** Extra vault properties the client sent that we keep and echo (monitoringSettings, ...). */
  extraProperties: Record<string, unknown>;
  /** VMs created up to this time are visible as protectable items (containers refresh moves it). */
  discoveredAt: number;
  createdAt: number;
  modifiedAt: number;
}

export interface ResourceGuardMapping {
  /** The mapping's name under backupResourceGuardProxies ('VaultProxy' in Azure). */
  proxyName: string;
  /** The Resource Guard's ARM id (Microsoft.DataProtection/resourceGuards). */
  resourceGuardId: string;
  lastUpdatedTime: number;
  /** A delete of this item (lower-cased ARM id) is allowed until `until` (unlockDelete). */
  unlockedDelete?: { resource: string; until: number };
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
  /** Selective disk backup: the data disk LUNs included (or excluded); every disk when absent. */
  diskExclusion?: { diskLunList: number[]; isInclusionList: boolean };
}

export type JobStatus = 'InProgress' | 'Completed' | 'Failed' | 'CompletedWithWarnings' | 'Cancelled' | 'Cancelling';
export type JobOperation = 'ConfigureBackup' | 'Backup' | 'DisableBackup' | 'DeleteBackupData' | 'Undelete' | 'Restore';

export type RecoveryType = 'AlternateLocation' | 'RestoreDisks' | 'OriginalLocation';

/** What a Restore job restores, and (once done) what it made. */
export interface RestoreRecord {
  recoveryType: RecoveryType;
  recoveryPointName: string;
  recoveryPointTime: number;
  osType: OsType;
  vmSize: string;
  storageAccountId: string;
  targetResourceGroup?: string;
  targetVmName?: string;
  subnetId?: string;
  zone?: string;
  /** Names of the managed disks it created (RestoreDisks, AlternateLocation, OriginalLocation). */
  createdDisks?: string[];
}

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
  restore?: RestoreRecord;
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
  /** A file-recovery session (provisionInstantItemRecovery) is open on it. */
  ilrActive?: boolean;
  /** Moved to the archive tier (its snapshot and vault copies gone): restorable only after rehydration. */
  archived?: boolean;
}

/** A file-recovery script as the service hands it out (ClientScriptForConnect). */
export interface ClientScriptRecord {
  scriptContent: string;
  scriptExtension: string;
  osType: OsType;
  scriptNameSuffix: string;
}

export type OperationKind =
  | 'enable'
  | 'stop'
  | 'deleteData'
  | 'undelete'
  | 'backup'
  | 'restore'
  | 'provisionIlr'
  | 'revokeIlr'
  | 'refresh'
  | 'policyDelete'
  | 'vaultUpdate'
  | 'cancelJob';

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
  /** File recovery: the recovery point mounted or unmounted, and (provision) the scripts that mount it. */
  recoveryPointName?: string;
  clientScripts?: ClientScriptRecord[];
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
  /** Absent in data files written before restore existed. */
  disks?: DiskRecord[];
  virtualNetworks?: VirtualNetworkRecord[];
  storageAccounts?: StorageAccountRecord[];
}
