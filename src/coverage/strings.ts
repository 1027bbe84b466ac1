// Every string of the coverage page, localized on the host (the webview has no l10n of its own).
// Placeholders in {braces} without arguments are filled in by the page.
import * as vscode from 'vscode';
import { vaultFieldStrings } from '../webview/fieldMessages';
import type { ExportColumn } from './export';
import { PROTECTION_STATUSES } from '../azure/protectionState';
import { protectionStatusLabel } from '../presentation/protectionText';

export function coverageTitle(): string {
  return vscode.l10n.t('Backup coverage');
}

/** The page's header sentence when Resource Graph could not answer and the vaults were read one by one. */
export function fallbackWords(): { refused: string; throttled: string } {
  return {
    refused: vscode.l10n.t(
      'Azure Resource Graph refused the query ({0}), so coverage was read from each vault instead, which takes longer.',
    ),
    throttled: vscode.l10n.t(
      "Azure Resource Graph's query quota is spent, so coverage was read from each vault instead, which takes longer.",
    ),
  };
}

export function coverageStrings(): Record<string, string> {
  return {
    title: coverageTitle(),
    loading: vscode.l10n.t('Loading…'),
    refresh: vscode.l10n.t('Refresh'),
    asOf: vscode.l10n.t('Data as of {time}.'),
    readSoFar: vscode.l10n.t('Still loading: {read} virtual machines read so far.'),
    readOf: vscode.l10n.t('Still loading: {read} of {total} virtual machines read.'),
    estatePending: vscode.l10n.t('Bulk protection becomes available once the vaults and their policies are read.'),
    graphLag: vscode.l10n.t(
      'Azure Resource Graph can lag a few minutes behind the vaults; changes made in this window show as they are now.',
    ),
    exportCsv: vscode.l10n.t('Export CSV'),
    exportJson: vscode.l10n.t('Export JSON'),
    notSignedIn: vscode.l10n.t('Sign in to Azure or open the sandbox to see your virtual machines.'),
    noVms: vscode.l10n.t('No virtual machines match.'),
    loadError: vscode.l10n.t('Could not read {name}: {message}'),
    code: vscode.l10n.t('Code'),
    requestId: vscode.l10n.t('Request id'),
    // totals and chart
    totals: vscode.l10n.t('Totals'),
    bySubscription: vscode.l10n.t('By subscription'),
    byRegion: vscode.l10n.t('By region'),
    chart: vscode.l10n.t('Coverage of {total} virtual machines'),
    counted: vscode.l10n.t(
      'Resource Graph counts {vms} virtual machines and {items} VM backup items, {active} of them with scheduled backups. The totals below count the virtual machines read so far.',
    ),
    total: vscode.l10n.t('Virtual machines'),
    protected: vscode.l10n.t('Protected'),
    unprotected: vscode.l10n.t('Not protected'),
    unknown: vscode.l10n.t('Unknown'),
    failing: vscode.l10n.t('Failing'),
    stale: vscode.l10n.t('Stale'),
    stopped: vscode.l10n.t('Protection stopped'),
    ...stateStrings(),
    // filters
    status: vscode.l10n.t('Status'),
    all: vscode.l10n.t('All'),
    subscription: vscode.l10n.t('Subscription'),
    allSubscriptions: vscode.l10n.t('All subscriptions'),
    region: vscode.l10n.t('Region'),
    allRegions: vscode.l10n.t('All regions'),
    search: vscode.l10n.t('Search'),
    searchPlaceholder: vscode.l10n.t('Name, resource group, vault or policy'),
    // table
    vm: vscode.l10n.t('Virtual machine'),
    protection: vscode.l10n.t('Protection'),
    vault: vscode.l10n.t('Vault'),
    policy: vscode.l10n.t('Policy'),
    lastBackup: vscode.l10n.t('Last backup'),
    health: vscode.l10n.t('Health'),
    select: vscode.l10n.t('Select {name}'),
    selectShown: vscode.l10n.t('Select all unprotected shown'),
    clearSelection: vscode.l10n.t('Clear selection'),
    selected: vscode.l10n.t('{count} selected'),
    pending: vscode.l10n.t('Initial backup pending'),
    never: vscode.l10n.t('No backup yet'),
    ago: vscode.l10n.t('{status}, {age} ago'),
    justNow: vscode.l10n.t('just now'),
    minutes: vscode.l10n.t('{n} min'),
    hours: vscode.l10n.t('{n} h'),
    days: vscode.l10n.t('{n} days'),
    'backup.Completed': vscode.l10n.t('Completed'),
    'backup.CompletedWithWarnings': vscode.l10n.t('Completed with warnings'),
    'backup.Failed': vscode.l10n.t('Failed'),
    'backup.InProgress': vscode.l10n.t('In progress'),
    'health.Passed': vscode.l10n.t('Healthy'),
    'health.ActionRequired': vscode.l10n.t('Action required'),
    'health.ActionSuggested': vscode.l10n.t('Action suggested'),
    'health.Invalid': vscode.l10n.t('Unknown'),
    shownCount: vscode.l10n.t('{count} virtual machines shown'),
    sortBy: vscode.l10n.t('Sort by {column}'),
    // bulk protection
    protect: vscode.l10n.t('Protect selected virtual machines'),
    protectHelp: vscode.l10n.t(
      'Select unprotected virtual machines in the table. Each region needs a vault of its own.',
    ),
    groupTitle: vscode.l10n.t('{region} · {subscription} · {count} virtual machines'),
    noVault: vscode.l10n.t('No vault in {region} yet.'),
    enhancedNeeded: vscode.l10n.t('{count} virtual machines need an Enhanced policy ({reasons}):'),
    'reason.TrustedLaunch': vscode.l10n.t('Trusted Launch'),
    'reason.PremiumV2Disk': vscode.l10n.t('Premium SSD v2 disk'),
    'reason.UltraDisk': vscode.l10n.t('Ultra disk'),
    enhancedPolicy: vscode.l10n.t('Enhanced policy'),
    noEnhancedPolicy: vscode.l10n.t(
      'Vault {vault} has no Enhanced policy, so these virtual machines are left out: create an Enhanced policy in it, or choose another vault.',
    ),
    createVault: vscode.l10n.t('Create vault'),
    vaultName: vscode.l10n.t('Vault name'),
    ...vaultFieldStrings(),
    resourceGroup: vscode.l10n.t('Resource group'),
    enable: vscode.l10n.t('Enable backup for {count} virtual machines'),
    tooMany: vscode.l10n.t('Select at most {max} virtual machines to enable at once.'),
    retry: vscode.l10n.t('Retry failed'),
    working: vscode.l10n.t('Working…'),
    'progress.queued': vscode.l10n.t('Waiting'),
    'progress.configuring': vscode.l10n.t('Configuring backup…'),
    'progress.done': vscode.l10n.t('Backup enabled'),
    'progress.skipped': vscode.l10n.t('Skipped: already protected by {vault}'),
    'progress.failed': vscode.l10n.t('Failed'),
  };
}

/** The Protection cell of each state: the tree's sentences (protectionText.ts). */
function stateStrings(): Record<string, string> {
  return Object.fromEntries(
    PROTECTION_STATUSES.map((status) => [`state.${status}`, protectionStatusLabel(status, vscode.l10n)]),
  );
}

/** Column titles of the CSV export. */
export function exportHeaders(): Record<ExportColumn, string> {
  return {
    subscription: vscode.l10n.t('Subscription'),
    subscriptionId: vscode.l10n.t('Subscription id'),
    resourceGroup: vscode.l10n.t('Resource group'),
    name: vscode.l10n.t('Virtual machine'),
    location: vscode.l10n.t('Region'),
    osType: vscode.l10n.t('Operating system'),
    protection: vscode.l10n.t('Protection'),
    vault: vscode.l10n.t('Vault'),
    policy: vscode.l10n.t('Policy'),
    protectionState: vscode.l10n.t('Protection state'),
    lastBackupStatus: vscode.l10n.t('Last backup status'),
    lastBackupTime: vscode.l10n.t('Last backup'),
    lastSuccessTime: vscode.l10n.t('Last successful backup'),
    health: vscode.l10n.t('Health'),
    failing: vscode.l10n.t('Failing'),
    stale: vscode.l10n.t('Stale'),
    vmId: vscode.l10n.t('Resource id'),
  };
}
