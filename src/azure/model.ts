// Domain types of the Azure layer. Plain data only: no SDK type and no vscode type crosses this boundary,
// so the tree, the forms and the tests all speak this vocabulary whether the data came from Azure or the sandbox.
import type { ProtectionStatus } from './protectionState';

export interface VaultRef {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
}

export interface ItemRef extends VaultRef {
  /** e.g. IaasVMContainer;iaasvmcontainerv2;rg;vm */
  containerName: string;
  /** e.g. VM;iaasvmcontainerv2;rg;vm */
  itemName: string;
}

/** Where the Azure Resource Manager lives and how to trust it. Azure public, sovereign clouds and the sandbox differ only here. */
export interface AzureEnvironment {
  /** 'AzureCloud', 'AzureChinaCloud', 'AzureUSGovernment', 'Sandbox', or a custom name. */
  name: string;
  /** e.g. https://management.azure.com (no trailing slash). */
  resourceManagerEndpoint: string;
  /** e.g. https://management.azure.com/.default */
  tokenScope: string;
  /** Portal base URL for "Open in portal", e.g. https://portal.azure.com; empty when there is no portal (sandbox). */
  portalUrl: string;
  /** PEM of a CA trusted by this environment's clients only (the sandbox). Never installed process-wide. */
  caCertificate?: string;
  isSandbox: boolean;
}

export interface Tenant {
  id: string;
  displayName?: string;
}

export interface Subscription {
  subscriptionId: string;
  tenantId: string;
  displayName: string;
  state: string;
  /** `/subscriptions/{id}` */
  id: string;
}

export interface ResourceGroup {
  id: string;
  name: string;
  location: string;
}

export interface Region {
  /** e.g. 'westeurope' */
  name: string;
  /** e.g. 'West Europe' */
  displayName: string;
}

export type StorageRedundancy = 'GeoRedundant' | 'LocallyRedundant' | 'ZoneRedundant';

export interface Vault {
  id: string;
  name: string;
  resourceGroup: string;
  subscriptionId: string;
  location: string;
  redundancy: StorageRedundancy | 'Unknown';
  crossRegionRestore: boolean;
  provisioningState?: string;
  tags?: Record<string, string>;
  /** Soft delete: deleted backup data is kept this many days before it is gone. Undefined when Azure did not say. */
  softDelete?: { enabled: boolean; retentionDays?: number };
  /** Immutable vault: 'Locked' can never be undone. Undefined when Azure did not say. */
  immutability?: 'Disabled' | 'Unlocked' | 'Locked';
  /** Multi-user authorization: a Resource Guard protects some operations of the vault. Read-only here. */
  multiUserAuthorization?: boolean;
}

/** A vault as Resource Graph lists it for the coverage page: where it is, not its settings. */
export interface VaultSummary {
  id: string;
  name: string;
  resourceGroup: string;
  subscriptionId: string;
  location: string;
}

export interface GraphCounts {
  /** VMs per subscription and region. */
  virtualMachines: { subscriptionId: string; location: string; count: number }[];
  /** VM backup items per protection state (as the item reports it: Protected, IRPending, ProtectionStopped…). */
  items: { protectionState: string; count: number }[];
}

export type SecurityState = 'Enabled' | 'Disabled' | 'AlwaysOn';

/** The vault's backup security settings (backupconfig/vaultconfig): soft delete and enhanced security. */
export interface VaultSecurity {
  softDelete: SecurityState;
  /** 14 to 180 days. */
  softDeleteRetentionDays: number;
  enhancedSecurity: SecurityState;
}

/** A Resource Guard that protects operations of the vault (multi-user authorization). */
export interface ResourceGuardMapping {
  resourceGuardId: string;
  /** The guard's own name, the last segment of its id. */
  resourceGuardName: string;
}

export interface StorageConfig {
  redundancy: StorageRedundancy;
  crossRegionRestore: boolean;
  /** true once the first item is protected: the redundancy can no longer change. */
  locked: boolean;
}

/** See protectionState.ts: one state for the VM node, the coverage page, the exports and the pickers. */
export type VmProtectionState = ProtectionStatus;

export interface VmProtection {
  state: VmProtectionState;
  /** Set when a backup item exists for the VM (protected, stopped or soft deleted). */
  vaultId?: string;
  vaultName?: string;
  policyName?: string;
  /** The VM's backup item, when one exists (also a stopped or soft-deleted one). */
  item?: BackupItem;
}

export interface VirtualMachine {
  /** ARM id as ARM returns it (user casing). Join on `idKey(id)` (ids.ts). */
  id: string;
  name: string;
  resourceGroup: string;
  subscriptionId: string;
  location: string;
  osType: 'Windows' | 'Linux' | 'Unknown';
  vmSize?: string;
  powerState?: string;
  /** 'Ready' | 'NotReady' | 'Unknown' */
  vmAgentStatus?: string;
  /** The availability zones the VM is pinned to (read with the VM itself; lists leave it out). */
  zones?: string[];
  /** Compute's securityProfile.securityType, e.g. 'TrustedLaunch'; undefined for a standard VM. */
  securityType?: string;
  /** Its managed disks as Compute describes them; undefined when the source did not carry them. */
  disks?: VmDisks;
  protection?: VmProtection;
}

export interface VmDisks {
  /** Compute's storageAccountType of the OS disk, e.g. 'Premium_LRS', 'PremiumV2_LRS', 'UltraSSD_LRS'. */
  osDiskType?: string;
  dataDisks: DataDisk[];
}

export interface DataDisk {
  lun: number;
  name: string;
  sizeGB?: number;
  storageType?: string;
}

/** Which disks a VM's backup includes (the service's diskExclusionProperties); absent: all disks. */
export interface DiskSelection {
  /** true: back up the OS disk and only these data disks; false: all data disks but these. */
  isInclusionList: boolean;
  /** Data disk LUNs, ascending. */
  luns: number[];
}

/** The portal's wording: ProtectionState IRPending reads "Warning (initial backup pending)". */
export type ProtectionState =
  | 'IRPending'
  | 'Protected'
  | 'ProtectionError'
  | 'ProtectionStopped'
  | 'ProtectionPaused'
  | 'BackupsSuspended'
  | 'Invalid';

export type HealthStatus = 'Passed' | 'ActionRequired' | 'ActionSuggested' | 'Invalid';

export interface BackupItem {
  /** Full ARM id of the protected item. */
  id: string;
  /** e.g. VM;iaasvmcontainerv2;rg;vm */
  name: string;
  /** e.g. IaasVMContainer;iaasvmcontainerv2;rg;vm */
  containerName: string;
  vaultId: string;
  vaultName: string;
  vaultResourceGroup: string;
  subscriptionId: string;
  friendlyName: string;
  /** The protected VM's ARM id. */
  sourceResourceId: string;
  protectionState: ProtectionState;
  healthStatus: HealthStatus;
  /** '' before the first backup, else e.g. 'Completed' | 'Failed'. */
  lastBackupStatus: string;
  /** Undefined before the first backup (the service's 2001-01-01 sentinel is mapped to undefined). */
  lastBackupTime?: Date;
  lastRecoveryPoint?: Date;
  policyId?: string;
  policyName?: string;
  initialBackupPending: boolean;
  recoveryPointCount?: number;
  /** Stop + delete data under soft delete: kept until deferredDeleteTime, then purged (isScheduledForDeferredDelete). */
  softDeleted?: boolean;
  /** When the data was deleted (deferredDeleteTimeInUTC). */
  deferredDeleteTime?: Date;
  /** When the soft-deleted data is purged for good: the delete time plus the vault's soft-delete retention. */
  purgeTime?: Date;
  /** Selective disk backup; undefined: every disk is backed up. */
  diskSelection?: DiskSelection;
}

export type ScheduleFrequency = 'Daily' | 'Weekly';
export type DayOfWeek = 'Sunday' | 'Monday' | 'Tuesday' | 'Wednesday' | 'Thursday' | 'Friday' | 'Saturday';

export interface PolicySchedule {
  frequency: ScheduleFrequency;
  /** 'HH:MM', 24 h, in the policy's time zone. */
  time: string;
  /** Weekly schedules only. */
  days?: DayOfWeek[];
}

export interface HourlySchedule {
  /** Hours between backups: 4, 6, 8 or 12. */
  intervalHours: number;
  /** 'HH:MM' the window opens, in the policy's time zone. */
  windowStart: string;
  windowHours: number;
}

export interface PolicyRetention {
  /** Days a daily point is kept (daily schedules). */
  dailyDays?: number;
  /** Weekly retention: how many weeks, on which days. */
  weeklyWeeks?: number;
  weeklyDays?: DayOfWeek[];
  /** Monthly retention in months (first of the month). */
  monthlyMonths?: number;
  /** Yearly retention in years (first of January). */
  yearlyYears?: number;
}

export interface Policy {
  id: string;
  name: string;
  vaultId: string;
  /** 'AzureIaasVM' for VM policies; other workloads are listed but not editable here. */
  backupManagementType: string;
  /** 'V1' (standard) or 'V2' (enhanced). */
  policyType: 'V1' | 'V2' | 'Unknown';
  schedule?: PolicySchedule;
  /** Enhanced (V2) policies that back up every few hours within a daily window. */
  hourly?: HourlySchedule;
  /** What an 'AzureWorkload' policy protects, e.g. 'SQLDataBase' or 'SAPHanaDatabase'. */
  workloadType?: string;
  retention?: PolicyRetention;
  instantRestoreDays?: number;
  timeZone?: string;
  protectedItemsCount: number;
}

/** An Enhanced policy's hourly schedule as the form edits it. */
export type HourlyInputSchedule = { frequency: 'Hourly' } & HourlySchedule;

/** What the policy form sends; the Azure layer turns it into the service's shape. */
export interface PolicyInput {
  name: string;
  /** 'V2' (Enhanced) or 'V1' (Standard, also when absent). A policy keeps its type once created. */
  policyType?: 'V1' | 'V2';
  /** Hourly: Enhanced policies only. */
  schedule: PolicySchedule | HourlyInputSchedule;
  timeZone: string;
  instantRestoreDays: number;
  retention: PolicyRetention;
}

export type JobStatus =
  'InProgress' | 'Completed' | 'Failed' | 'CompletedWithWarnings' | 'Cancelled' | 'Cancelling' | 'Invalid';
export type JobOperation =
  'ConfigureBackup' | 'Backup' | 'Restore' | 'DisableBackup' | 'DeleteBackupData' | 'Register' | 'UnRegister' | string;

export interface JobTask {
  name: string;
  status: string;
  progressPercentage?: number;
  duration?: string;
}

export interface BackupJob {
  id: string;
  /** The job GUID. */
  name: string;
  vaultId: string;
  vaultName: string;
  vaultResourceGroup: string;
  subscriptionId: string;
  operation: JobOperation;
  status: JobStatus;
  entityFriendlyName: string;
  /** e.g. iaasvmcontainerv2;rg;vm */
  containerName?: string;
  startTime?: Date;
  endTime?: Date;
  /** Milliseconds, parsed from the ISO-8601 duration. */
  durationMs?: number;
  progressPercentage?: number;
  cancellable: boolean;
  errorCode?: string;
  errorMessage?: string;
  tasks?: JobTask[];
  /** From the job's property bag, e.g. the requested recovery point expiry. */
  properties?: Record<string, string>;
}

export type RecoveryPointType = 'AppConsistent' | 'CrashConsistent' | 'FileSystemConsistent' | string;

/** What the point captured, in the portal's words: application-, file-system- or crash-consistent. */
export type RecoveryPointConsistency = 'ApplicationConsistent' | 'FileSystemConsistent' | 'CrashConsistent' | 'Unknown';

/** Where the point lives (its valid tiers): the instant-restore snapshot, the vault, both, or the archive tier. */
export type RecoveryPointTier = 'Snapshot' | 'SnapshotAndVault' | 'Vault' | 'Archive' | 'Unknown';

export interface RecoveryPoint {
  id: string;
  name: string;
  time: Date;
  /** The service's recoveryPointType as sent; `consistency` is the same in a fixed vocabulary. */
  type: RecoveryPointType;
  consistency: RecoveryPointConsistency;
  /** From the point's valid tiers (recoveryPointTierDetails). */
  tier: RecoveryPointTier;
  expiry?: Date;
  tiers: { type: string; status: string }[];
  /** The protected VM's OS at the time of the point (decides the new VM's name rules and the file-recovery script). */
  osType: 'Windows' | 'Linux' | 'Unknown';
  vmSize?: string;
  /** A file-recovery session (provisionFileRecovery) is open on this point until revoked or expired. */
  fileRecoveryActive: boolean;
}

/** Fields every kind of restore carries. */
interface RestoreRequestBase {
  /** The source VM's region; the staging account and the new VM's network must be in it. Cross-region restore would name the paired region here. */
  region: string;
}

/** Create a new VM from the point (the service's AlternateLocation). */
export interface NewVmRestoreRequest extends RestoreRequestBase {
  kind: 'newVm';
  vmName: string;
  /** Name of the resource group (in the item's subscription) that receives the VM. */
  targetResourceGroup: string;
  virtualNetworkId: string;
  /** A subnet of `virtualNetworkId`. */
  subnetId: string;
  stagingStorageAccountId: string;
  /** Availability zone '1', '2' or '3'; none when absent. */
  zone?: string;
}

/** Create managed disks (and a template to build a VM from them) in a resource group (the service's RestoreDisks). */
export interface RestoreDisksRequest extends RestoreRequestBase {
  kind: 'restoreDisks';
  targetResourceGroup: string;
  stagingStorageAccountId: string;
}

/** Put the protected VM itself on disks restored from the point, keeping its old disks (the service's OriginalLocation). */
export interface ReplaceDisksRequest extends RestoreRequestBase {
  kind: 'replaceDisks';
  stagingStorageAccountId: string;
}

export type RestoreRequest = NewVmRestoreRequest | RestoreDisksRequest | ReplaceDisksRequest;
export type RestoreKind = RestoreRequest['kind'];

/** A script that mounts a recovery point's disks on the user's machine (file recovery). */
export interface FileRecoveryScript {
  /** VM name, point time and the service's suffix, e.g. `web-vm-01_2026-11-30_02-00-11_ab12cd34.ps1`. */
  fileName: string;
  /** The script text, decoded from the service's base64. */
  content: string;
  osType: 'Windows' | 'Linux' | 'Unknown';
  /** e.g. '.ps1', '.py', '.exe' */
  extension: string;
  /** Where the service offers the script for download, when it does. */
  url?: string;
}

/** How the vault encrypts its backup data at rest (a restore of a VM whose disks use the vault's key needs access to it). */
export interface EncryptionConfig {
  type: 'MicrosoftManaged' | 'CustomerManaged' | 'Unknown';
  /** The Key Vault key, with customer-managed keys. */
  keyUri?: string;
  infrastructureEncryption: boolean;
}

export interface Subnet {
  id: string;
  name: string;
  addressPrefix?: string;
}

export interface VirtualNetwork {
  id: string;
  name: string;
  resourceGroup: string;
  location: string;
  addressPrefixes: string[];
  subnets: Subnet[];
}

export interface StorageAccount {
  id: string;
  name: string;
  resourceGroup: string;
  location: string;
  /** e.g. 'Standard_LRS', 'Premium_LRS' (a restore cannot stage in a premium account). */
  sku?: string;
  /** e.g. 'StorageV2' */
  kind?: string;
}

/** One async operation of the backup service, tracked to its end. */
export type OperationOutcome = 'Completed' | 'Failed' | 'Cancelled';

export interface AzureOperation {
  /** The operation id taken from Azure-AsyncOperation / Location. */
  operationId: string;
  /** The job the operation started, once known. */
  jobId?: string;
  outcome: OperationOutcome;
  job?: BackupJob;
  error?: { code: string; message: string; requestId?: string };
  /**
   * True when this call started nothing itself and followed work already running or done for the item: a
   * second click, or a retried request the service had already accepted. The UI may say so.
   */
  joinedExisting?: boolean;
  /**
   * Enable only: the VM was already protected by this vault, with no configure running, so nothing was sent. An
   * enable sent again after the first one finished (a second submit, a stale view) says so instead of configuring
   * the VM again (a second ConfigureBackup job, or a silent change of its policy).
   */
  alreadyProtected?: { vaultName: string; policyName?: string };
}

export interface NameCheck {
  available: boolean;
  /** A message for the user when not available. */
  message?: string;
}
