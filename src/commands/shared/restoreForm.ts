// The Restore form of a recovery point: what it offers (the VM's region's networks and staging accounts, the
// subscription's resource groups), the live VM-name check, and its submit: the field rules again on the host, then
// one restore followed like Backup now. A refusal lands next to its field; the form and its draft stay.
import * as vscode from 'vscode';
import type { BackupService } from '../../azure/backupService';
import type { BackupItem, RecoveryPoint, RestoreRequest, StorageAccount, Vault } from '../../azure/model';
import { idKey } from '../../azure/ids';
import { regionDisplayName } from '../../azure/regionNames';
import { consistencyLabel, isArchived, tierLabel } from '../../presentation/recoveryPointText';
import { itemRef, vaultRef } from '../../tree/refs';
import { formatDateTime } from '../../presentation/time';
import { formStrings } from '../../webview/fieldMessages';
import type { FormOption, RestoreInit, RestoreSubmit } from '../../webview/protocol';
import { fieldError } from '../../webview/replyError';
import {
  confirmNameProblem,
  fieldMessage,
  resourceGroupProblem,
  vmNameMessage,
  vmNameProblem,
} from '../../webview/rules';
import type { CommandDeps } from '../commandDeps';
import { announceRestoreEnd, restoreEndText, restoreRunning, startRestore } from './restoreTracking';

/** The resource group of an ARM id. */
function groupOf(id: string): string {
  return /\/resourceGroups\/([^/]+)/i.exec(id)?.[1] ?? '';
}

/** A new VM may go to the zone the source VM is in (or to none); a regional source offers no zone. */
export function zoneOptions(sourceZones: readonly string[] | undefined, noZoneLabel: string): FormOption[] {
  if (!sourceZones?.length) return [];
  return [...sourceZones.map((z) => ({ value: z, label: z })), { value: '', label: noZoneLabel }];
}

/** A premium account cannot stage a restore: shown, but not chosen. */
function stagingOption(a: StorageAccount): FormOption {
  const premium = (a.sku ?? '').toLowerCase().startsWith('premium');
  return {
    value: a.id,
    label: a.name,
    description: `${a.resourceGroup}${a.sku ? ` · ${a.sku}` : ''}`,
    ...(premium ? { disabledReason: vscode.l10n.t('A premium account cannot stage a restore.') } : {}),
  };
}

/** The request the submit stands for, or a field's refusal (the same rules the page applies). */
function toRequest(p: RestoreSubmit, item: BackupItem, point: RecoveryPoint, region: string): RestoreRequest {
  const strings = formStrings('restore');
  if (!p.stagingStorageAccountId) throw fieldError(strings['restore.required'], 'stagingStorageAccountId');
  const groupProblem = resourceGroupProblem(p.targetResourceGroup);
  switch (p.kind) {
    case 'newVm': {
      const name = vmNameProblem(p.vmName, point.osType);
      if (name) throw fieldError(vmNameMessage(strings, name), 'vmName');
      if (groupProblem) throw fieldError(fieldMessage(strings, groupProblem), 'targetResourceGroup');
      if (!p.virtualNetworkId) throw fieldError(strings['restore.required'], 'virtualNetworkId');
      if (!p.subnetId) throw fieldError(strings['restore.required'], 'subnetId');
      return {
        kind: 'newVm',
        region,
        vmName: p.vmName,
        targetResourceGroup: p.targetResourceGroup,
        virtualNetworkId: p.virtualNetworkId,
        subnetId: p.subnetId,
        stagingStorageAccountId: p.stagingStorageAccountId,
        ...(p.zone ? { zone: p.zone } : {}),
      };
    }
    case 'restoreDisks':
      if (groupProblem) throw fieldError(fieldMessage(strings, groupProblem), 'targetResourceGroup');
      return {
        kind: 'restoreDisks',
        region,
        targetResourceGroup: p.targetResourceGroup,
        stagingStorageAccountId: p.stagingStorageAccountId,
      };
    case 'replaceDisks':
      if (confirmNameProblem(p.confirmName, item.friendlyName))
        throw fieldError(strings.restoreConfirmName, 'confirmName');
      return { kind: 'replaceDisks', region, stagingStorageAccountId: p.stagingStorageAccountId };
  }
}

/** The Azure layer names the request field it refuses (`target`): the form shows the message there. */
function onField(error: unknown): unknown {
  // Read by shape: the Azure layer's classes stay in the lazily loaded bundle.
  const target = typeof error === 'object' && error !== null ? (error as { target?: unknown }).target : undefined;
  return typeof target === 'string' && target ? Object.assign(error as object, { field: target }) : error;
}

async function initOf(
  deps: CommandDeps,
  service: BackupService,
  item: BackupItem,
  point: RecoveryPoint,
  vault: Vault,
): Promise<RestoreInit> {
  const locale = vscode.env.language;
  const base = {
    itemName: item.friendlyName,
    vaultName: item.vaultName,
    regionLabel: regionDisplayName(vault.location),
    osType: point.osType,
    pointLabel: `${formatDateTime(point.time, locale)} · ${consistencyLabel(point.consistency, vscode.l10n)} · ${tierLabel(point.tier, vscode.l10n)}`,
  };
  if (isArchived(point))
    return {
      ...base,
      archived: true,
      resourceGroups: [],
      resourceGroup: '',
      networks: [],
      stagingAccounts: [],
      zones: [],
    };
  const sourceGroup = groupOf(item.sourceResourceId);
  const [groups, networks, accounts, source] = await Promise.all([
    service.listResourceGroups(item.subscriptionId),
    service.listVirtualNetworks(item.subscriptionId, vault.location),
    service.listStorageAccounts(item.subscriptionId, vault.location),
    // The source VM may be gone (that is when restores happen): then no zone is offered.
    service
      .getVirtualMachine({
        subscriptionId: item.subscriptionId,
        resourceGroup: sourceGroup,
        name: item.sourceResourceId.slice(item.sourceResourceId.lastIndexOf('/') + 1),
      })
      .catch(() => undefined),
  ]);
  return {
    ...base,
    archived: false,
    resourceGroups: groups.map((g) => ({ value: g.name, label: g.name, description: regionDisplayName(g.location) })),
    resourceGroup:
      groups.find((g) => g.name.toLowerCase() === sourceGroup.toLowerCase())?.name ?? groups[0]?.name ?? '',
    networks: networks.map((n) => ({
      value: n.id,
      label: n.name,
      subnets: n.subnets.map((s) => ({ value: s.id, label: s.name, description: s.addressPrefix })),
    })),
    stagingAccounts: accounts.map(stagingOption),
    zones: zoneOptions(source?.zones, formStrings('restore').noZone),
    ...(restoreRunning(deps, item)
      ? {
          runningNote: vscode.l10n.t(
            'A restore of this item started here is still running; another one will not start until it ends.',
          ),
        }
      : {}),
  };
}

/** Opens the Restore form of a point. */
export async function openRestoreForm(
  deps: CommandDeps,
  service: BackupService,
  item: BackupItem,
  point: RecoveryPoint,
): Promise<void> {
  const vault = await service.getVault(
    vaultRef({ subscriptionId: item.subscriptionId, resourceGroup: item.vaultResourceGroup, name: item.vaultName }),
  );
  const init = await initOf(deps, service, item, point, vault);
  deps.forms.open({
    kind: 'restore',
    key: idKey(point.id),
    title: vscode.l10n.t('Restore {0}', item.friendlyName),
    strings: formStrings('restore'),
    init,
    submit: async (payload) => {
      if (init.archived) throw new Error(formStrings('restore').archived);
      const request = toRequest(payload, item, point, vault.location);
      // A taken name is the field's message, as the page shows it, not an error from Azure.
      if (
        request.kind === 'newVm' &&
        !(await service.isVmNameAvailable(item.subscriptionId, request.targetResourceGroup, request.vmName))
      ) {
        throw fieldError(formStrings('restore')['vmName.taken'], 'vmName');
      }
      const start = startRestore(deps, service, item, point, request);
      if (!start.started || !start.running)
        return { message: vscode.l10n.t('A restore of {0} is already running.', item.friendlyName) };
      const jobName = await start.running.started;
      if (!jobName) {
        // No job was reported, so the request has already ended: a refusal throws here, onto its field.
        const operation = await start.running.done.catch((e: unknown) => {
          throw onField(e);
        });
        return {
          message:
            restoreEndText(item, request, operation) ?? vscode.l10n.t('Restore of {0} started.', item.friendlyName),
        };
      }
      announceRestoreEnd(deps, item, request, Promise.resolve(jobName), start.running.done);
      return { message: vscode.l10n.t('Restore of {0} started.', item.friendlyName), jobName };
    },
    query: async (q) => {
      if (q.query !== 'checkVmName') return {};
      const available = await service.isVmNameAvailable(item.subscriptionId, q.resourceGroup, q.name);
      return { nameCheck: { available, ...(available ? {} : { message: formStrings('restore')['vmName.taken'] }) } };
    },
    openJob: async (jobName) => {
      await vscode.commands.executeCommand('azureBackup.showJob', { vault: itemRef(item), jobName });
    },
  });
}
