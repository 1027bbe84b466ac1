// Protection health of one VM: failing and stale, from its backup item and its policy's schedule. Pure.
import { needsEnhancedPolicy } from '../azure/enhancedPolicy';
import type { BackupItem, ScheduleFrequency, VirtualMachine } from '../azure/model';
import { hasBackupItem, isActivelyProtected } from '../azure/protectionState';
import type { CoverageRow } from './types';

export const DAY_MS = 86_400_000;

/** A backup that ended with one of these produced a recovery point. */
const SUCCESS = new Set(['completed', 'completedwithwarnings']);

/** The policy's interval plus one day of grace: daily → 2 days, weekly → 8 days (unknown schedules read as daily). */
export function staleAfterMs(frequency: ScheduleFrequency | undefined): number {
  return ((frequency === 'Weekly' ? 7 : 1) + 1) * DAY_MS;
}

type ItemTimes = Pick<
  BackupItem,
  'lastBackupStatus' | 'lastBackupTime' | 'lastRecoveryPoint' | 'healthStatus' | 'protectionState'
>;

/** The last moment a backup is known to have succeeded: a successful last backup, or the newest recovery point. */
export function lastSuccessTime(item: ItemTimes): number | undefined {
  const last =
    item.lastBackupTime && SUCCESS.has(item.lastBackupStatus.toLowerCase()) ? item.lastBackupTime.getTime() : undefined;
  const point = item.lastRecoveryPoint?.getTime();
  if (last === undefined) return point;
  return point === undefined ? last : Math.max(last, point);
}

export function isFailing(item: ItemTimes): boolean {
  return item.lastBackupStatus.toLowerCase() === 'failed' || item.healthStatus === 'ActionRequired';
}

/**
 * No successful backup for longer than the schedule allows. A VM still waiting for its initial backup is not
 * stale (it has its own "initial backup pending" state); any other item without a success is.
 */
export function isStale(item: ItemTimes, frequency: ScheduleFrequency | undefined, now: number): boolean {
  const success = lastSuccessTime(item);
  if (success === undefined) return item.protectionState !== 'IRPending';
  return now - success > staleAfterMs(frequency);
}

/** Looks up a policy's schedule by vault id and policy name (any casing). */
export type FrequencyOf = (vaultId: string, policyName: string) => ScheduleFrequency | undefined;

export function toCoverageRow(
  vm: VirtualMachine,
  subscriptionName: string,
  frequencyOf: FrequencyOf,
  now: number,
): CoverageRow {
  const enhancedReason = needsEnhancedPolicy(vm);
  const base: CoverageRow = {
    vmId: vm.id,
    name: vm.name,
    resourceGroup: vm.resourceGroup,
    subscriptionId: vm.subscriptionId,
    subscriptionName,
    location: vm.location.toLowerCase(),
    osType: vm.osType,
    protection: vm.protection?.state ?? 'Unknown',
    failing: false,
    stale: false,
    ...(enhancedReason ? { enhancedReason } : {}),
  };
  const p = vm.protection;
  const item = p?.item;
  if (!p || !hasBackupItem(p.state)) return base;
  const policyName = p.policyName ?? item?.policyName;
  const row: CoverageRow = { ...base, vaultId: p.vaultId, vaultName: p.vaultName, policyName };
  if (!item) return row;
  const times: CoverageRow = {
    ...row,
    protectionState: item.protectionState,
    lastBackupStatus: item.lastBackupStatus,
    lastBackupTime: item.lastBackupTime?.getTime(),
    lastSuccessTime: lastSuccessTime(item),
  };
  // Health, failing and stale speak of scheduled backups: a stopped item takes none, so it is none of them.
  if (!isActivelyProtected(p.state)) return times;
  const frequency = policyName ? frequencyOf(item.vaultId, policyName) : undefined;
  return { ...times, health: item.healthStatus, failing: isFailing(item), stale: isStale(item, frequency, now) };
}
