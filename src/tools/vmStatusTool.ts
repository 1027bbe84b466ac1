// Tool: one VM's backup: its protection (the shared state model), vault, policy, last backup, its recent jobs and
// latest recovery points. One VM listing per subscription (the join), then the vault's jobs and the item's points.
import * as vscode from 'vscode';
import type { BackupService } from '../azure/backupService';
import type { BackupItem, BackupJob, VirtualMachine } from '../azure/model';
import { protectionWithVault } from '../presentation/protectionText';
import { jobStatusLabel, operationLabel, sortJobs } from '../presentation/describe';
import { itemRef } from '../tree/refs';
import { failureText, plain, region, signedOutText, textResult, utc } from './format';
import { findVms, Refusal, type ToolDeps } from './resolve';

interface VmStatusInput {
  vm: string;
  subscription?: string;
}

const RECENT = 5;
const POINTS = 3;

/** The VM's jobs among its vault's: jobs name the container `iaasvmcontainerv2;<group>;<vm>` (or only the VM). */
function isJobOf(job: BackupJob, vm: Pick<VirtualMachine, 'name' | 'resourceGroup'>): boolean {
  const container = job.containerName?.toLowerCase();
  return container
    ? container.endsWith(`;${vm.resourceGroup.toLowerCase()};${vm.name.toLowerCase()}`)
    : job.entityFriendlyName.toLowerCase() === vm.name.toLowerCase();
}

export function jobLine(job: BackupJob): string {
  const parts = [
    vscode.l10n.t(
      '{0} of {1}: {2}',
      operationLabel(job.operation, vscode.l10n),
      plain(job.entityFriendlyName),
      jobStatusLabel(job, vscode.l10n),
    ),
    vscode.l10n.t('started {0}', utc(job.startTime)),
  ];
  if (job.endTime) parts.push(vscode.l10n.t('ended {0}', utc(job.endTime)));
  if (job.errorCode || job.errorMessage)
    parts.push(vscode.l10n.t('error {0}: {1}', job.errorCode ?? '-', plain(job.errorMessage)));
  parts.push(vscode.l10n.t('vault {0}', plain(job.vaultName)), vscode.l10n.t('job id {0}', job.name));
  return parts.join(', ');
}

async function itemDetails(service: BackupService, vm: VirtualMachine, item: BackupItem): Promise<string[]> {
  const lines = [
    vscode.l10n.t(
      'Vault: {0} (resource group {1}), id {2}',
      plain(item.vaultName),
      plain(item.vaultResourceGroup),
      item.vaultId,
    ),
    vscode.l10n.t('Policy: {0}', plain(item.policyName ?? vm.protection?.policyName ?? '-')),
    item.lastBackupTime
      ? vscode.l10n.t(
          'Last backup: {0} at {1}; health {2}',
          item.lastBackupStatus,
          utc(item.lastBackupTime),
          item.healthStatus,
        )
      : vscode.l10n.t('Last backup: none yet; health {0}', item.healthStatus),
    vscode.l10n.t('Backup item id: {0}', item.id),
  ];
  const [jobs, points] = await Promise.all([
    service.listJobs(itemRef(item), undefined, { maxItems: 200 }),
    service.listRecoveryPoints(itemRef(item), { maxItems: 100 }),
  ]);
  const recent = sortJobs(jobs.items.filter((j) => isJobOf(j, vm))).slice(0, RECENT);
  lines.push(
    recent.length > 0 ? vscode.l10n.t('Recent jobs ({0}):', recent.length) : vscode.l10n.t('Recent jobs: none.'),
  );
  lines.push(...recent.map((j) => `- ${jobLine(j)}`));
  const latest = [...points.items].sort((a, b) => b.time.getTime() - a.time.getTime()).slice(0, POINTS);
  lines.push(
    latest.length > 0
      ? vscode.l10n.t('Latest recovery points ({0} of {1}):', latest.length, points.items.length)
      : vscode.l10n.t('Recovery points: none.'),
  );
  lines.push(
    ...latest.map(
      (p) =>
        `- ${vscode.l10n.t('{0}, {1}, tier {2}, expires {3}, id {4}', utc(p.time), p.consistency, p.tier, p.expiry ? utc(p.expiry) : '-', p.name)}`,
    ),
  );
  return lines;
}

export function vmStatusTool(deps: ToolDeps): vscode.LanguageModelTool<VmStatusInput> {
  return {
    prepareInvocation: (options) => ({
      invocationMessage: vscode.l10n.t('Reading the backup status of {0}', plain(options.input?.vm)),
    }),
    async invoke(options) {
      if (deps.session.mode === 'signedOut') return textResult(signedOutText());
      try {
        const [{ vm, service, subscription }] = await findVms(
          deps,
          [options.input?.vm ?? ''],
          options.input?.subscription,
        );
        const protection = vm.protection;
        const lines = [
          vscode.l10n.t(
            '{0}: {1}',
            plain(vm.name),
            protectionWithVault(
              protection?.state ?? 'Unknown',
              protection?.vaultName && plain(protection.vaultName),
              vscode.l10n,
            ),
          ),
          vscode.l10n.t(
            'Virtual machine id: {0}; resource group {1}; region {2}; subscription {3} ({4})',
            vm.id,
            plain(vm.resourceGroup),
            region(vm.location),
            plain(subscription.displayName),
            subscription.subscriptionId,
          ),
        ];
        if (protection?.item) lines.push(...(await itemDetails(service, vm, protection.item)));
        return textResult(...lines);
      } catch (error) {
        return textResult(error instanceof Refusal ? error.message : failureText(error));
      }
    },
  };
}
