// createBackupService: the BackupService contract, wired to the operations over one session's clients.
import type { BackupService } from './backupService';
import { createClientSet } from './clients';
import * as arm from './operations/arm';
import { backupNow } from './operations/backupNow';
import type { OperationContext } from './operations/context';
import { discoverVirtualMachines } from './operations/discovery';
import { getBackupItem, listBackupItems } from './operations/items';
import { cancelJob, getJob, listJobs, waitForJob } from './operations/jobs';
import { createOrUpdatePolicy, getPolicy, listPolicies } from './operations/policies';
import { enableProtection, enableProtectionMany } from './operations/enable';
import { stopProtection } from './operations/protection';
import { changePolicy, resumeProtection, undelete } from './operations/configureItem';
import { getVaultSecurity, listResourceGuardMappings, updateVaultSecurity } from './operations/vaultSecurity';
import { getEncryptionConfig } from './operations/encryption';
import { provisionFileRecovery, revokeFileRecovery } from './operations/fileRecovery';
import { getRecoveryPoint, listRecoveryPoints } from './operations/recoveryPoints';
import { findRunningJob, gateOf } from './operations/neverTwice';
import { restore } from './operations/restore';
import { isVmNameAvailable, listStorageAccounts, listVirtualNetworks } from './operations/restoreTargets';
import {
  checkVaultName,
  createVault,
  getStorageConfig,
  getVault,
  listVaults,
  setStorageConfig,
} from './operations/vaults';
import { graphBackupItems, graphVirtualMachines } from './operations/graphCoverage';
import { graphCounts, graphPolicies, graphResourceGroups, graphVaults } from './operations/graphEstate';
import { graphProtectedVirtualMachines } from './operations/graphJoin';
import {
  getVirtualMachine,
  getVmProtection,
  listVirtualMachinesPage,
  listVirtualMachinesWithProtection,
} from './operations/vmProtection';
import { createListingCache, noListingCache } from './transport/listingCache';
import type { AzureSession, BackupServiceOptions } from './session';

/**
 * Parallel reads per fan-out (one items listing per vault of a subscription): a burst of 12 is far inside ARM's read
 * bucket per subscription and principal, and covers a typical subscription's vaults in one round instead of three.
 * No session-wide cap on top. Measurements: docs/PERFORMANCE.md (Decisions).
 */
export const DEFAULT_CONCURRENCY = 12;
/** Parallel writes per fan-out (enable protection for many VMs): writes have the smaller bucket, and each starts a backup RP operation. */
export const DEFAULT_WRITE_CONCURRENCY = 4;
export const DEFAULT_POLL_INTERVAL_MS = 2000;
export const DEFAULT_MAX_POLL_INTERVAL_MS = 30_000;

export function createBackupService(session: AzureSession, options: BackupServiceOptions = {}): BackupService {
  const intervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  const ctx: OperationContext = {
    clients: createClientSet(session, { logger: options.logger, retry: options.retry }),
    concurrency: Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY),
    writeConcurrency: Math.max(1, options.writeConcurrency ?? DEFAULT_WRITE_CONCURRENCY),
    timing: {
      intervalMs,
      maxIntervalMs: Math.max(intervalMs, options.maxPollIntervalMs ?? DEFAULT_MAX_POLL_INTERVAL_MS),
    },
    cache: options.cacheListings ? createListingCache() : noListingCache,
    vmListing: { computeOnly: false, fallbackLogged: false, logger: options.logger },
  };
  return {
    listSubscriptions: (signal) => arm.listSubscriptions(ctx, signal, session.tenantId),
    listResourceGroups: (subscriptionId, signal) => arm.listResourceGroups(ctx, subscriptionId, signal),
    listRegions: (subscriptionId, signal) => arm.listRegions(ctx, subscriptionId, signal),
    listVirtualMachinesWithProtection: (subscriptionId, signal) =>
      listVirtualMachinesWithProtection(ctx, subscriptionId, signal),
    graphVirtualMachines: (subscriptionIds, signal) => graphVirtualMachines(ctx, subscriptionIds, signal),
    graphBackupItems: (subscriptionIds, signal) => graphBackupItems(ctx, subscriptionIds, signal),
    graphProtectedVirtualMachines: (subscriptionIds, changedSinceMs, signal) =>
      graphProtectedVirtualMachines(ctx, subscriptionIds, changedSinceMs, signal),
    graphVaults: (subscriptionIds, signal) => graphVaults(ctx, subscriptionIds, signal),
    graphPolicies: (subscriptionIds, signal) => graphPolicies(ctx, subscriptionIds, signal),
    graphResourceGroups: (subscriptionIds, signal) => graphResourceGroups(ctx, subscriptionIds, signal),
    graphCounts: (subscriptionIds, signal) => graphCounts(ctx, subscriptionIds, signal),
    listVirtualMachinesPage: (subscriptionId, pageOptions) => listVirtualMachinesPage(ctx, subscriptionId, pageOptions),
    forgetListings: (scope) => ctx.cache.invalidate(scope),
    getVmProtection: (vm, signal) => getVmProtection(ctx, vm, signal),
    getVirtualMachine: (ref, signal) => getVirtualMachine(ctx, ref, signal),
    listVaults: (subscriptionId, pageOptions) => listVaults(ctx, subscriptionId, pageOptions),
    getVault: (ref, signal) => getVault(ctx, ref, signal),
    checkVaultName: (subscriptionId, resourceGroup, location, name, signal) =>
      checkVaultName(ctx, subscriptionId, resourceGroup, location, name, signal),
    createVault: (input, signal) => createVault(ctx, input, signal),
    getStorageConfig: (ref, signal) => getStorageConfig(ctx, ref, signal),
    setStorageConfig: (ref, redundancy, crr, signal) => setStorageConfig(ctx, ref, redundancy, crr, signal),
    listPolicies: (ref, pageOptions) => listPolicies(ctx, ref, pageOptions),
    getPolicy: (ref, name, signal) => getPolicy(ctx, ref, name, signal),
    createOrUpdatePolicy: (ref, input, signal) => createOrUpdatePolicy(ctx, ref, input, signal),
    listBackupItems: (ref, pageOptions) => listBackupItems(ctx, ref, pageOptions),
    getBackupItem: (ref, signal) => getBackupItem(ctx, ref, signal),
    discoverVirtualMachines: (ref, signal) => discoverVirtualMachines(ctx, ref, signal),
    enableProtection: (ref, vm, policyName, trackOptions) => enableProtection(ctx, ref, vm, policyName, trackOptions),
    enableProtectionMany: (ref, vms, policyName, trackOptions) =>
      enableProtectionMany(ctx, ref, vms, policyName, trackOptions),
    backupNow: (ref, retainUntil, trackOptions) => backupNow(ctx, ref, retainUntil, trackOptions),
    stopProtection: (ref, mode, trackOptions) => stopProtection(ctx, ref, mode, trackOptions),
    changePolicy: (ref, policyName, trackOptions) => changePolicy(ctx, ref, policyName, trackOptions),
    resumeProtection: (ref, policyName, trackOptions) => resumeProtection(ctx, ref, policyName, trackOptions),
    undelete: (ref, trackOptions) => undelete(ctx, ref, trackOptions),
    getVaultSecurity: (ref, signal) => getVaultSecurity(ctx, ref, signal),
    updateVaultSecurity: (ref, settings, signal) => updateVaultSecurity(ctx, ref, settings, signal),
    listResourceGuardMappings: (ref, signal) => listResourceGuardMappings(ctx, ref, signal),
    listJobs: (ref, filter, pageOptions) => listJobs(ctx, ref, filter, pageOptions),
    getJob: (ref, jobName, signal) => getJob(ctx, ref, jobName, signal),
    cancelJob: (ref, jobName, signal) => cancelJob(ctx, ref, jobName, signal),
    waitForJob: (ref, jobName, trackOptions) => waitForJob(ctx, ref, jobName, trackOptions),
    listRecoveryPoints: (ref, pageOptions) => listRecoveryPoints(ctx, ref, pageOptions),
    getRecoveryPoint: (ref, recoveryPointId, signal) => getRecoveryPoint(ctx, ref, recoveryPointId, signal),
    restore: (ref, recoveryPointId, request, trackOptions) => restore(ctx, ref, recoveryPointId, request, trackOptions),
    provisionFileRecovery: (ref, recoveryPointId, signal) => provisionFileRecovery(ctx, ref, recoveryPointId, signal),
    revokeFileRecovery: (ref, recoveryPointId, signal) => revokeFileRecovery(ctx, ref, recoveryPointId, signal),
    listVirtualNetworks: (subscriptionId, region, signal) => listVirtualNetworks(ctx, subscriptionId, region, signal),
    listStorageAccounts: (subscriptionId, region, signal) => listStorageAccounts(ctx, subscriptionId, region, signal),
    isVmNameAvailable: (subscriptionId, resourceGroup, name, signal) =>
      isVmNameAvailable(ctx, subscriptionId, resourceGroup, name, signal),
    getEncryptionConfig: (ref, signal) => getEncryptionConfig(ctx, ref, signal),
    reserve: (kind, resourceId) => gateOf(ctx).reserve(kind, resourceId),
    findRunningJob: (ref, operation, item, signal) => findRunningJob(ctx, ref, operation, item, signal),
    fanOut: (items, limit, fn, signal) => ctx.clients.transport.mapWithConcurrency(items, limit, fn, signal),
  };
}
