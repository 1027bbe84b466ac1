// What the coverage page asks the host to do: export a file, create a vault for a region, enable protection.
// Each is a plain function over the session so host tests can call them without clicking dialogs.
import { regionDisplayName } from '../azure/regionNames';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { Policy } from '../azure/model';
import { enhancedReasonSentence } from '../presentation/diskText';
import { policySummary } from '../presentation/policyText';
import type { BackupTreeProvider } from '../tree/backupTreeProvider';
import { UserCancelled } from '../ui/errorInfo';
import * as notify from '../ui/notify';
import { withProgress } from '../ui/progress';
import type { AccountSession } from '../session/session';
import { fieldError } from '../webview/replyError';
import { fieldMessage, vaultNameProblem, resourceGroupProblem } from '../webview/rules';
import { vaultFieldStrings } from '../webview/fieldMessages';
import { bulkEnable } from './bulkEnable';
import { csvChunks, jsonChunks } from './export';
import { vmPolicies } from './loadCoverage';
import type { CoverageRequest, EnableGroup, ExportFormat, VmProgress } from './protocol';
import { exportHeaders } from './strings';
import type { CoverageRow, VaultChoice } from './types';

export function summarizePolicy(policy: Policy): string {
  return policySummary(policy, vscode.l10n);
}

/** The export's text in chunks: the rows the page shows (same filter and sort), as CSV or JSON. */
export function exportChunks(rows: readonly CoverageRow[], format: ExportFormat, now: Date): Iterable<string> {
  return format === 'csv' ? csvChunks(rows, exportHeaders()) : jsonChunks(rows, now);
}

/**
 * Writes the chunks one after another: a local file through a file handle, so the whole export is never one
 * string; another file system (remote, virtual) only takes whole files through workspace.fs.
 */
export async function writeChunks(uri: vscode.Uri, chunks: Iterable<string>): Promise<void> {
  if (uri.scheme !== 'file') {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode([...chunks].join('')));
    return;
  }
  const file = await fs.promises.open(uri.fsPath, 'w');
  try {
    for (const chunk of chunks) await file.write(chunk);
  } finally {
    await file.close();
  }
}

/** Asks where to save (showSaveDialog) and writes the file; undefined when the user cancelled. */
export async function exportToFile(chunks: Iterable<string>, format: ExportFormat): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const name = `backup-coverage.${format}`;
  const uri = await vscode.window.showSaveDialog({
    title: vscode.l10n.t('Export coverage'),
    defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
    filters: format === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] },
  });
  if (!uri) return undefined;
  await writeChunks(uri, chunks);
  return uri;
}

type CreateVaultRequest = Extract<CoverageRequest, { type: 'createVault' }>;

/**
 * Creates `name` in the chosen resource group and the group's region, after a modal confirmation naming all
 * three (unless `confirmed`, for tests). Returns the vault with its policies, ready to be chosen. A name or group
 * the rules refuse, or a name Azure says is taken, is an error on its field of the page.
 */
export async function createRegionVault(
  session: AccountSession,
  tree: BackupTreeProvider,
  r: CreateVaultRequest,
  confirmed = false,
): Promise<VaultChoice> {
  const strings = vaultFieldStrings();
  const nameProblem = vaultNameProblem(r.name);
  if (nameProblem) throw fieldError(fieldMessage(strings, nameProblem), 'name');
  const groupProblem = resourceGroupProblem(r.resourceGroup);
  if (groupProblem) throw fieldError(fieldMessage(strings, groupProblem), 'resourceGroup');
  // Asked before the confirmation: a taken name is shown on its field rather than confirmed first.
  const service = await session.service(r.subscriptionId);
  const check = await service.checkVaultName(r.subscriptionId, r.resourceGroup, r.location, r.name);
  if (!check.available) throw fieldError(check.message ?? strings['vaultName.taken'], 'name');
  if (!confirmed) {
    const create = vscode.l10n.t('Create vault');
    const answer = await notify.modal(
      'info',
      vscode.l10n.t(
        'Create the Recovery Services vault {0} in resource group {1} ({2})?',
        r.name,
        r.resourceGroup,
        regionDisplayName(r.location),
      ),
      create,
    );
    if (answer !== create) throw new UserCancelled();
  }
  const vault = await withProgress(vscode.l10n.t('Creating vault {0}…', r.name), false, (signal) =>
    service.createVault(
      {
        subscriptionId: r.subscriptionId,
        resourceGroup: r.resourceGroup,
        createResourceGroup: false,
        name: r.name,
        location: r.location,
      },
      signal,
    ),
  );
  tree.refreshResource(r.subscriptionId, ['vaults']);
  const policies = vmPolicies(
    (
      await service.listPolicies({
        subscriptionId: vault.subscriptionId,
        resourceGroup: vault.resourceGroup,
        name: vault.name,
      })
    ).items,
    summarizePolicy,
  );
  return {
    id: vault.id,
    name: vault.name,
    resourceGroup: vault.resourceGroup,
    subscriptionId: vault.subscriptionId,
    location: vault.location.toLowerCase(),
    policies,
  };
}

/** Bulk enable under a cancellable notification; refreshes the tree nodes it touched. */
export async function enableFromCoverage(
  session: AccountSession,
  tree: BackupTreeProvider,
  groups: EnableGroup[],
  onProgress: (p: VmProgress) => void,
): Promise<VmProgress[]> {
  const count = groups.reduce((n, g) => n + g.vmIds.length, 0);
  try {
    return await withProgress(vscode.l10n.t('Enabling backup for {0} virtual machines', count), true, (signal) =>
      bulkEnable(groups, {
        serviceFor: (id) => session.service(id),
        onProgress,
        signal,
        words: {
          vaultNotFound: vscode.l10n.t('The vault was not found.'),
          vmNotFound: vscode.l10n.t('The virtual machine was not found.'),
          otherRegion: vscode.l10n.t('The vault is in another region than the virtual machine.'),
          enhancedRequired: (vmName, reason, policyName) =>
            vscode.l10n.t(
              '{0}: {1} is a Standard policy.',
              enhancedReasonSentence(vmName, reason, vscode.l10n),
              policyName,
            ),
        },
      }),
    );
  } finally {
    for (const g of groups) {
      tree.refreshResource(g.vaultId, ['items', 'jobs', 'vault']);
      tree.refreshResource(g.subscriptionId, ['virtualMachines']);
    }
  }
}

/** "Backup enabled for 2 virtual machines, 1 failed, 0 skipped." */
export function enableSummary(results: readonly VmProgress[]): string {
  const n = (state: VmProgress['state']): number => results.filter((r) => r.state === state).length;
  return vscode.l10n.t(
    'Backup enabled for {0} virtual machines, {1} failed, {2} skipped.',
    n('done'),
    n('failed'),
    n('skipped'),
  );
}
