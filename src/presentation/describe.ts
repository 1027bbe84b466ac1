// Pure view-model formatting for tree items: descriptions, accessible labels and icon choice.
// Takes a `Localize` function so it can be unit-tested without VS Code.
// The vscode type import lets the l10n string extractor see the l10n.t() calls; nothing is loaded at runtime.
import type * as vscode from 'vscode';
import type { BackupItem, BackupJob, Vault, VirtualMachine } from '../azure/model';
import { regionDisplayName } from '../azure/regionNames';
import { elapsed, formatDate, formatDuration } from './time';
import { itemProtectionStatus } from '../azure/protectionState';
import { protectionWithVault } from './protectionText';

export type Localize = (message: string, ...args: (string | number)[]) => string;

/** The part of vscode.l10n used here; named l10n so `l10n.t('…')` calls are found by the string extractor. */
export interface L10n {
  t: Localize;
}

/** vscode.l10n satisfies L10n. The type-only vscode import also lets `npm run l10n` find this file's strings. @public */
export type VscodeL10n = Pick<typeof vscode.l10n, 't'>;

export function relativeTime(then: Date, now: Date, l10n: L10n): string {
  const { value, unit } = elapsed(then, now);
  switch (unit) {
    case 'second':
      return l10n.t('just now');
    case 'minute':
      return value === 1 ? l10n.t('1 minute ago') : l10n.t('{0} minutes ago', value);
    case 'hour':
      return value === 1 ? l10n.t('1 hour ago') : l10n.t('{0} hours ago', value);
    default:
      return value === 1 ? l10n.t('1 day ago') : l10n.t('{0} days ago', value);
  }
}

/** A wait the service asked for, in the largest unit that reads well: "45 seconds", "3 minutes", "1 hour". */
export function waitLabel(ms: number, l10n: L10n): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 120) return l10n.t('{0} seconds', seconds);
  if (seconds < 3600) return l10n.t('{0} minutes', Math.round(seconds / 60));
  const hours = Math.round(seconds / 3600);
  return hours === 1 ? l10n.t('1 hour') : l10n.t('{0} hours', hours);
}

/** Why a throttled call was not retried: the wait Azure asked for is longer than the extension holds a view or notification. */
export function waitSentence(ms: number, l10n: L10n): string {
  return l10n.t('Azure asked to wait {0} before trying again; try again later.', waitLabel(ms, l10n));
}

export function redundancyLabel(redundancy: Vault['redundancy'], l10n: L10n): string {
  switch (redundancy) {
    case 'GeoRedundant':
      return l10n.t('Geo-redundant');
    case 'LocallyRedundant':
      return l10n.t('Locally redundant');
    case 'ZoneRedundant':
      return l10n.t('Zone-redundant');
    default:
      return l10n.t('Unknown redundancy');
  }
}

export function vaultDescription(vault: Vault, l10n: L10n): string {
  return l10n.t('{0} · {1}', regionDisplayName(vault.location), redundancyLabel(vault.redundancy, l10n));
}

export type ItemHealth = 'pending' | 'healthy' | 'warning' | 'error' | 'stopped' | 'softDeleted' | 'unknown';

/** The item's protection state first (protectionState.ts), then, for an active item, its health and last backup. */
export function itemHealth(item: BackupItem): ItemHealth {
  switch (itemProtectionStatus(item)) {
    case 'ProtectionStopped':
      return 'stopped';
    case 'SoftDeleted':
      return 'softDeleted';
    case 'InitialBackupPending':
      return 'pending';
    case 'ProtectionError':
      return 'error';
    case 'Unknown':
      return 'unknown';
    default:
      break;
  }
  if (item.healthStatus === 'ActionRequired' || item.lastBackupStatus === 'Failed') return 'error';
  if (item.healthStatus === 'ActionSuggested') return 'warning';
  return 'healthy';
}

export function healthLabel(health: ItemHealth, l10n: L10n): string {
  switch (health) {
    case 'pending':
      return l10n.t('Warning (initial backup pending)');
    case 'healthy':
      return l10n.t('Healthy');
    case 'warning':
      return l10n.t('Warning');
    case 'error':
      return l10n.t('Unhealthy');
    case 'stopped':
      return l10n.t('Protection stopped (data retained)');
    case 'softDeleted':
      return l10n.t('Soft deleted (backup data kept until purged)');
    case 'unknown':
      return l10n.t('Protection unknown');
  }
}

/** e.g. "Healthy · last backup 2 hours ago", the portal's "Warning (initial backup pending)", or "Soft deleted, purged on 17 Dec 2026". */
export function itemDescription(item: BackupItem, now: Date, l10n: L10n, locale = 'en'): string {
  const health = itemHealth(item);
  if (health === 'softDeleted' && item.purgeTime)
    return l10n.t('Soft deleted, purged on {0}', formatDate(item.purgeTime, locale));
  if (health === 'pending' || !item.lastBackupTime) return healthLabel(health, l10n);
  const when = relativeTime(item.lastBackupTime, now, l10n);
  return item.lastBackupStatus === 'Failed'
    ? l10n.t('{0} · last backup failed {1}', healthLabel(health, l10n), when)
    : l10n.t('{0} · last backup {1}', healthLabel(health, l10n), when);
}

export function itemIcon(health: ItemHealth, running: boolean): string {
  if (running) return 'loading~spin';
  switch (health) {
    case 'healthy':
      return 'pass';
    case 'pending':
      return 'warning';
    case 'warning':
      return 'warning';
    case 'error':
      return 'error';
    case 'stopped':
      return 'debug-pause';
    case 'softDeleted':
      return 'trash';
    case 'unknown':
      return 'question';
  }
}

/** Protection first, so a narrow sidebar cuts the region, not the state: "Protected by contoso-vault · westeurope". */
export function vmDescription(vm: VirtualMachine, l10n: L10n): string {
  const protection = protectionWithVault(vm.protection?.state ?? 'Unknown', vm.protection?.vaultName, l10n);
  return l10n.t('{0} · {1}', protection, regionDisplayName(vm.location));
}

export function jobStatusLabel(job: BackupJob, l10n: L10n): string {
  switch (job.status) {
    case 'InProgress':
      return job.progressPercentage !== undefined
        ? l10n.t('In progress ({0}%)', job.progressPercentage)
        : l10n.t('In progress');
    case 'Completed':
      return l10n.t('Completed');
    case 'CompletedWithWarnings':
      return l10n.t('Completed with warnings');
    case 'Failed':
      return l10n.t('Failed');
    case 'Cancelled':
      return l10n.t('Cancelled');
    case 'Cancelling':
      return l10n.t('Cancelling');
    default:
      return l10n.t('Unknown');
  }
}

/** A running job's time is counted from its start to `now`, so it moves between reads instead of freezing. */
export function jobDescription(job: BackupJob, l10n: L10n, now?: Date): string {
  const status = jobStatusLabel(job, l10n);
  const running = job.status === 'InProgress' || job.status === 'Cancelling';
  const durationMs =
    running && now && job.startTime
      ? Math.max(job.durationMs ?? 0, now.getTime() - job.startTime.getTime())
      : job.durationMs;
  return durationMs !== undefined ? l10n.t('{0} · {1}', status, formatDuration(durationMs)) : status;
}

export function jobIcon(job: BackupJob): string {
  switch (job.status) {
    case 'InProgress':
    case 'Cancelling':
      return 'loading~spin';
    case 'Completed':
      return 'pass';
    case 'CompletedWithWarnings':
      return 'warning';
    case 'Failed':
      return 'error';
    case 'Cancelled':
      return 'circle-slash';
    default:
      return 'question';
  }
}

/** Running jobs first, then newest first. */
export function sortJobs(jobs: BackupJob[]): BackupJob[] {
  const rank = (j: BackupJob): number => (j.status === 'InProgress' || j.status === 'Cancelling' ? 0 : 1);
  return [...jobs].sort((a, b) => rank(a) - rank(b) || (b.startTime?.getTime() ?? 0) - (a.startTime?.getTime() ?? 0));
}

/** A localized t() for code that runs with VS Code. */
export function operationLabel(operation: string, l10n: L10n): string {
  switch (operation) {
    case 'Backup':
      return l10n.t('Backup');
    case 'ConfigureBackup':
      return l10n.t('Configure backup');
    case 'DisableBackup':
      return l10n.t('Stop protection');
    case 'DeleteBackupData':
      return l10n.t('Delete backup data');
    case 'Restore':
      return l10n.t('Restore');
    default:
      return operation;
  }
}
