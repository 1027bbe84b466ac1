// The contract between the UI layers and the Azure layer: every backup operation the extension performs.
// One implementation (createBackupService in ./index.ts) talks to Azure or the sandbox through the official SDKs.
import type {
  AzureOperation,
  BackupItem,
  BackupJob,
  DiskSelection,
  EncryptionConfig,
  FileRecoveryScript,
  GraphCounts,
  ItemRef,
  JobOperation,
  JobStatus,
  NameCheck,
  Policy,
  PolicyInput,
  RecoveryPoint,
  Region,
  ResourceGroup,
  ResourceGuardMapping,
  RestoreRequest,
  StorageAccount,
  StorageConfig,
  StorageRedundancy,
  Subscription,
  Vault,
  VaultRef,
  VaultSecurity,
  VaultSummary,
  VirtualMachine,
  VirtualNetwork,
} from './model';
import type { ListScope } from './transport/listingCache';

export type { ListScope } from './transport/listingCache';
// Where a vault and an item are, by name: defined with the model so that pure modules (ids.ts) need no service types.
export type { ItemRef, VaultRef } from './model';

/** A page of a list plus the token to ask for the next one ("Load more"). */
export interface Page<T> {
  items: T[];
  /** Opaque; pass back as `continuationToken` to get the next page. Absent on the last page. */
  continuationToken?: string;
}

export interface PageOptions {
  continuationToken?: string;
  /** Cap on items gathered before returning a page to the caller (the service's own page size still applies). */
  maxItems?: number;
  signal?: AbortSignal;
}

export interface JobFilter {
  status?: JobStatus;
  operation?: string;
  startTime?: Date;
  endTime?: Date;
}

/** Operations that change a protected item, each done at most once at a time per resource (docs/ARCHITECTURE.md, "Never twice"). */
export type OperationKind =
  'backup' | 'enable' | 'stop' | 'configure' | 'undelete' | 'restore' | 'provisionFileRecovery' | 'revokeFileRecovery';

/** An (operation, resource) held by one caller until it makes its call (passed in TrackOptions.reserved) or releases it. */
export interface Reservation {
  readonly kind: OperationKind;
  /** The item's ARM id (enable: the VM's). */
  readonly resourceId: string;
  /** Gives the key back when the call will not be made; once the call has started it does nothing. */
  release(): void;
}

export interface TrackOptions {
  signal?: AbortSignal;
  /** Called whenever the tracked job changes (progress, status). */
  onProgress?: (job: BackupJob) => void;
  /** Stop after the operation reports its job id instead of following the job to its end. */
  untilJobStarted?: boolean;
  /** Reservations the caller took for this call (BackupService.reserve): the call runs under them instead of joining. */
  reserved?: readonly Reservation[];
}

/** Enable, change policy, resume: `diskSelection` is which disks to back up; the item keeps what it has when absent. */
export type ProtectOptions = TrackOptions & { diskSelection?: DiskSelection };

/** The VM as the caller read it: its security type and disks decide whether only an Enhanced policy may protect it. */
export type VmToProtect = Pick<VirtualMachine, 'id' | 'name' | 'resourceGroup'> &
  Partial<Pick<VirtualMachine, 'securityType' | 'disks'>>;

export interface CreateVaultInput {
  subscriptionId: string;
  resourceGroup: string;
  /** Create the resource group first when it does not exist. */
  createResourceGroup: boolean;
  name: string;
  location: string;
}

/** A VM found by discovery (refresh containers + protectable items), with why it cannot be chosen if so. */
export interface ProtectableVm {
  vmId: string;
  name: string;
  resourceGroup: string;
  location: string;
  /** e.g. iaasvmcontainerv2;rg;vm */
  protectableItemName: string;
  /** Undefined when it can be protected in this vault; otherwise a reason code for the UI to word. */
  unavailableReason?: 'OtherRegion' | 'AlreadyProtected';
}

export interface EnableResult {
  vmId: string;
  ok: boolean;
  operation?: AzureOperation;
  error?: { code: string; message: string; requestId?: string };
}

export interface BackupService {
  listSubscriptions(signal?: AbortSignal): Promise<Subscription[]>;
  listResourceGroups(subscriptionId: string, signal?: AbortSignal): Promise<ResourceGroup[]>;
  listRegions(subscriptionId: string, signal?: AbortSignal): Promise<Region[]>;

  /** Every VM of the subscriptions through Resource Graph, a page (up to 1,000) at a time, without protection. */
  graphVirtualMachines(subscriptionIds: readonly string[], signal?: AbortSignal): AsyncIterable<VirtualMachine[]>;
  /** Every VM backup item of the subscriptions' vaults through Resource Graph, as it last indexed them (a short delay). */
  graphBackupItems(subscriptionIds: readonly string[], signal?: AbortSignal): AsyncIterable<BackupItem[]>;
  /**
   * Every VM of the subscriptions with its protection through Resource Graph, streamed as both queries progress;
   * vaults this session changed since `changedSinceMs` are read live instead (Resource Graph lags the vaults).
   */
  graphProtectedVirtualMachines(
    subscriptionIds: readonly string[],
    changedSinceMs: number,
    signal?: AbortSignal,
  ): AsyncIterable<VirtualMachine[]>;
  /** The subscriptions' vaults through Resource Graph (one query, whatever their number). */
  graphVaults(subscriptionIds: readonly string[], signal?: AbortSignal): Promise<VaultSummary[]>;
  /** The VM backup policies of every vault of the subscriptions through Resource Graph. */
  graphPolicies(subscriptionIds: readonly string[], signal?: AbortSignal): Promise<Policy[]>;
  /** The subscriptions' resource groups through Resource Graph. */
  graphResourceGroups(
    subscriptionIds: readonly string[],
    signal?: AbortSignal,
  ): Promise<{ subscriptionId: string; name: string }[]>;
  /** VMs per subscription and region, items per state: Resource Graph's counts, before any row is read. */
  graphCounts(subscriptionIds: readonly string[], signal?: AbortSignal): Promise<GraphCounts>;
  /** Every VM of the subscription joined with its protection: one VM listing + one items listing per vault. */
  listVirtualMachinesWithProtection(subscriptionId: string, signal?: AbortSignal): Promise<VirtualMachine[]>;
  /** A page of the subscription's VMs joined with the protection index (every vault's items, listed once per session when cached). */
  listVirtualMachinesPage(subscriptionId: string, options?: PageOptions): Promise<Page<VirtualMachine>>;
  /** Drop cached listings (refresh): all, a subscription's, one vault's items, or a subscription's vault list. No-op without caching. */
  forgetListings(scope?: ListScope): void;
  getVmProtection(
    vm: Pick<VirtualMachine, 'id' | 'location' | 'subscriptionId'>,
    signal?: AbortSignal,
  ): Promise<VirtualMachine['protection']>;
  /** One VM read now (not from a cached listing), with its protection. */
  getVirtualMachine(
    ref: { subscriptionId: string; resourceGroup: string; name: string },
    signal?: AbortSignal,
  ): Promise<VirtualMachine>;

  listVaults(subscriptionId: string, options?: PageOptions): Promise<Page<Vault>>;
  getVault(ref: VaultRef, signal?: AbortSignal): Promise<Vault>;
  checkVaultName(
    subscriptionId: string,
    resourceGroup: string,
    location: string,
    name: string,
    signal?: AbortSignal,
  ): Promise<NameCheck>;
  createVault(input: CreateVaultInput, signal?: AbortSignal): Promise<Vault>;

  getStorageConfig(ref: VaultRef, signal?: AbortSignal): Promise<StorageConfig>;
  setStorageConfig(
    ref: VaultRef,
    redundancy: StorageRedundancy,
    crossRegionRestore: boolean,
    signal?: AbortSignal,
  ): Promise<StorageConfig>;

  listPolicies(ref: VaultRef, options?: PageOptions): Promise<Page<Policy>>;
  getPolicy(ref: VaultRef, name: string, signal?: AbortSignal): Promise<Policy>;
  createOrUpdatePolicy(ref: VaultRef, input: PolicyInput, signal?: AbortSignal): Promise<Policy>;

  listBackupItems(ref: VaultRef, options?: PageOptions): Promise<Page<BackupItem>>;
  getBackupItem(ref: ItemRef, signal?: AbortSignal): Promise<BackupItem>;

  /** Refresh containers (tracked to its end), then list protectable VMs; VMs elsewhere are returned with a reason. */
  discoverVirtualMachines(ref: VaultRef, signal?: AbortSignal): Promise<ProtectableVm[]>;
  /** Enable protection for one VM; resolves when the ConfigureBackup job ends (or has started, with untilJobStarted). */
  /** A Standard policy for a VM that needs an Enhanced one is refused before sending (EnhancedPolicyRequired). */
  enableProtection(
    ref: VaultRef,
    vm: VmToProtect,
    policyName: string,
    options?: ProtectOptions,
  ): Promise<AzureOperation>;
  /** Enable protection for many VMs with bounded concurrency; one result per VM, never throws for one VM's failure. */
  enableProtectionMany(
    ref: VaultRef,
    vms: VmToProtect[],
    policyName: string,
    options?: ProtectOptions & { onResult?: (r: EnableResult) => void },
  ): Promise<EnableResult[]>;

  backupNow(ref: ItemRef, retainUntil: Date, options?: TrackOptions): Promise<AzureOperation>;
  /** DeleteData is refused (ResourceGuardApprovalRequired, target: the guard) when a Resource Guard protects the vault. */
  stopProtection(ref: ItemRef, mode: 'RetainData' | 'DeleteData', options?: TrackOptions): Promise<AzureOperation>;
  /**
   * Another policy for an actively protected item (a ConfigureBackup job). Nothing is sent when it already has it;
   * Enhanced → Standard is refused before sending (EnhancedToStandardPolicy), and so is a Standard policy for a VM
   * that needs an Enhanced one (EnhancedPolicyRequired). Never sent twice (as enable).
   */
  changePolicy(ref: ItemRef, policyName: string, options?: ProtectOptions): Promise<AzureOperation>;
  /** Protection again for an item stopped with its data retained (a ConfigureBackup job). Never sent twice. */
  resumeProtection(ref: ItemRef, policyName: string, options?: ProtectOptions): Promise<AzureOperation>;
  /** A soft-deleted item back to "stopped, data retained" (an Undelete job). Never sent twice. */
  undelete(ref: ItemRef, options?: TrackOptions): Promise<AzureOperation>;
  /** The vault's soft-delete and enhanced-security settings (backupconfig/vaultconfig). */
  getVaultSecurity(ref: VaultRef, signal?: AbortSignal): Promise<VaultSecurity>;
  /** Saves them; turning soft delete off or shortening its retention is refused when a Resource Guard protects the vault. */
  updateVaultSecurity(ref: VaultRef, settings: VaultSecurity, signal?: AbortSignal): Promise<VaultSecurity>;
  /** The Resource Guards mapped to the vault (multi-user authorization); empty without one. */
  listResourceGuardMappings(ref: VaultRef, signal?: AbortSignal): Promise<ResourceGuardMapping[]>;

  listJobs(ref: VaultRef, filter?: JobFilter, options?: PageOptions): Promise<Page<BackupJob>>;
  getJob(ref: VaultRef, jobName: string, signal?: AbortSignal): Promise<BackupJob>;
  cancelJob(ref: VaultRef, jobName: string, signal?: AbortSignal): Promise<BackupJob>;
  /** Follow a job until it ends. */
  waitForJob(ref: VaultRef, jobName: string, options?: TrackOptions): Promise<BackupJob>;

  listRecoveryPoints(ref: ItemRef, options?: PageOptions): Promise<Page<RecoveryPoint>>;
  getRecoveryPoint(ref: ItemRef, recoveryPointId: string, signal?: AbortSignal): Promise<RecoveryPoint>;

  /**
   * Restore from a recovery point; resolves when the Restore job ends (or has started, with untilJobStarted).
   * Checked before sending: a refusal throws AzureError with `target` = the request field and sends nothing
   * (codes InvalidRestoreRequest, InvalidVmName, RestoreTargetInOtherRegion, RestoreTargetNotFound, VmNameTaken).
   * Never sent twice: a second call for the item in flight joins the first; after a lost answer the item's new
   * Restore job is followed (joinedExisting), or AzureError ResponseLost is thrown.
   */
  restore(
    ref: ItemRef,
    recoveryPointId: string,
    request: RestoreRequest,
    options?: TrackOptions,
  ): Promise<AzureOperation>;
  /** Opens (or renews) a file-recovery session on the point: the scripts that mount its disks. */
  provisionFileRecovery(ref: ItemRef, recoveryPointId: string, signal?: AbortSignal): Promise<FileRecoveryScript[]>;
  /** Closes the point's file-recovery session. */
  revokeFileRecovery(ref: ItemRef, recoveryPointId: string, signal?: AbortSignal): Promise<void>;
  /** The subscription's virtual networks (with subnets) in a region, by name. */
  listVirtualNetworks(subscriptionId: string, region: string, signal?: AbortSignal): Promise<VirtualNetwork[]>;
  /** The subscription's storage accounts in a region (a restore's staging location), by name. */
  listStorageAccounts(subscriptionId: string, region: string, signal?: AbortSignal): Promise<StorageAccount[]>;
  /** Whether no VM of that name exists in the resource group. */
  isVmNameAvailable(
    subscriptionId: string,
    resourceGroup: string,
    name: string,
    signal?: AbortSignal,
  ): Promise<boolean>;
  /** How the vault encrypts backup data at rest. */
  getEncryptionConfig(ref: VaultRef, signal?: AbortSignal): Promise<EncryptionConfig>;

  /**
   * `fn` over `items`, at most `limit` at once, results in input order: a caller's own fan-out of this service's
   * calls, started through the session's start gate like the layer's own fan-outs (docs/ARCHITECTURE.md).
   */
  /**
   * Holds (kind, resource) for the caller, synchronously, or undefined when a call for it is in flight or reserved:
   * the UI's guard against a second click. The resource is the item's ARM id (`BackupItem.id`), for enable the VM's.
   */
  reserve(kind: OperationKind, resourceId: string): Reservation | undefined;
  /** The item's running job of this operation, by anyone (the vault's InProgress jobs); a failed lookup throws. */
  findRunningJob(
    ref: VaultRef,
    operation: JobOperation,
    item: Pick<BackupItem, 'containerName' | 'friendlyName'>,
    signal?: AbortSignal,
  ): Promise<BackupJob | undefined>;

  fanOut<T, R>(
    items: readonly T[],
    limit: number,
    fn: (item: T, index: number) => Promise<R>,
    signal?: AbortSignal,
  ): Promise<R[]>;
}
