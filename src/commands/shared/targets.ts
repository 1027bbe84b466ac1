import * as vscode from 'vscode';
import * as notify from '../../ui/notify';
import type { BackupService } from '../../azure/backupService';
import type { BackupItem, BackupJob, Policy, RecoveryPoint, Vault, VirtualMachine } from '../../azure/model';
import { itemRef } from '../../tree/refs';
import { targetOf, type NodeTarget } from '../../tree/treeNode';
import { pickBackupItem, pickPolicy, pickRecoveryPoint, pickSubscription, pickVault, pickVm } from '../../ui/pickers';
import type { CommandDeps } from '../commandDeps';
import { pickJob } from './pickJob';

// Commands take `node?`: a tree node when run from the tree, nothing from the palette (then QuickPicks ask).

/** A VM read from Azure by a command outside this tree (the Azure Resources view's submenu): acts as its VM node. */
export class VmArgument {
  constructor(readonly vm: VirtualMachine) {}
  target(): NodeTarget {
    return { kind: 'vm', vm: this.vm };
  }
}

/** A vault as a command argument, as its tree node would pass it. */
export function vaultArgument(vault: Vault): { target(): NodeTarget } {
  return { target: () => ({ kind: 'vault', vault }) };
}

export interface SubscriptionTarget {
  service: BackupService;
  subscriptionId: string;
}
export interface VaultTarget {
  service: BackupService;
  vault: Vault;
}
export interface ItemTarget {
  service: BackupService;
  item: BackupItem;
}
export interface VmTarget {
  service: BackupService;
  vm: VirtualMachine;
}

export async function resolveSubscription(deps: CommandDeps, node: unknown): Promise<SubscriptionTarget> {
  const target = targetOf(node);
  const subscriptionId =
    target?.kind === 'subscription' || target?.kind === 'vaults' || target?.kind === 'virtualMachines'
      ? target.subscriptionId
      : (await pickSubscription(deps.session)).subscriptionId;
  return { service: await deps.session.service(subscriptionId), subscriptionId };
}

export function vaultOfNode(node: unknown): Vault | undefined {
  const target = targetOf(node);
  return target && 'vault' in target ? target.vault : undefined;
}

export async function resolveVault(deps: CommandDeps, node: unknown): Promise<VaultTarget> {
  const vault = vaultOfNode(node);
  if (vault) return { service: await deps.session.service(vault.subscriptionId), vault };
  const { service, subscriptionId } = await resolveSubscription(deps, node);
  return { service, vault: await pickVault(service, subscriptionId) };
}

/** A backup item from an item node, a protected VM node, or the pickers (subscription → vault → item). */
export async function resolveItem(deps: CommandDeps, node: unknown): Promise<ItemTarget | VmTarget> {
  const target = targetOf(node);
  if (target?.kind === 'item')
    return { service: await deps.session.service(target.item.subscriptionId), item: target.item };
  if (target?.kind === 'vm') {
    const service = await deps.session.service(target.vm.subscriptionId);
    return target.vm.protection?.item ? { service, item: target.vm.protection.item } : { service, vm: target.vm };
  }
  const { service, vault } = await resolveVault(deps, node);
  return { service, item: await pickBackupItem(service, vault) };
}

export interface PointTarget {
  service: BackupService;
  item: BackupItem;
  point: RecoveryPoint;
}

/**
 * A recovery point from its node, or from an item (node or pickers) and then `pointId` or a point picker. The VM when the item
 * chosen is an unprotected VM. `usable` leaves out points the action cannot use.
 */
async function resolveRecoveryPoint(
  deps: CommandDeps,
  node: unknown,
  usable?: (p: RecoveryPoint) => boolean,
  pointId?: string,
): Promise<PointTarget | VmTarget> {
  const given = targetOf(node);
  if (given?.kind === 'recoveryPoint')
    return { service: await deps.session.service(given.item.subscriptionId), item: given.item, point: given.point };
  const target = await resolveItem(deps, node);
  if ('vm' in target) return target;
  const ref = itemRef(target.item);
  const point = pointId
    ? await target.service.getRecoveryPoint(ref, pointId)
    : await pickRecoveryPoint(target.service, target.item, ref, usable);
  return { ...target, point };
}

/**
 * The point a command acts on: its node, the `recoveryPointId` of the command's input with an item, or the pickers.
 * Undefined, after telling the user, when the VM chosen is not protected.
 */
export async function resolvePointFromInput(
  deps: CommandDeps,
  node: unknown,
  input: unknown,
  usable: (p: RecoveryPoint) => boolean,
): Promise<PointTarget | undefined> {
  const pointId =
    typeof input === 'object' && input !== null ? (input as { recoveryPointId?: unknown }).recoveryPointId : undefined;
  const target = await resolveRecoveryPoint(deps, node, usable, typeof pointId === 'string' ? pointId : undefined);
  if ('vm' in target) {
    void notify.info(vscode.l10n.t('{0} is not protected yet. Enable backup first.', target.vm.name));
    return undefined;
  }
  return target;
}

export async function resolveVm(
  deps: CommandDeps,
  node: unknown,
  filter: (vm: VirtualMachine) => boolean,
  empty: (total: number, subscriptionName: string) => string,
): Promise<VmTarget> {
  const target = targetOf(node);
  if (target?.kind === 'vm') return { service: await deps.session.service(target.vm.subscriptionId), vm: target.vm };
  const { service, subscriptionId } = await resolveSubscription(deps, node);
  const name =
    (await deps.session.listSubscriptions()).find((c) => c.subscription.subscriptionId === subscriptionId)?.subscription
      .displayName ?? subscriptionId;
  return { service, vm: await pickVm(service, subscriptionId, filter, (total) => empty(total, name)) };
}

export async function resolvePolicy(deps: CommandDeps, node: unknown): Promise<VaultTarget & { policy: Policy }> {
  const target = targetOf(node);
  if (target?.kind === 'policy') {
    return {
      service: await deps.session.service(target.vault.subscriptionId),
      vault: target.vault,
      policy: target.policy,
    };
  }
  const picked = await resolveVault(deps, node);
  return { ...picked, policy: await pickPolicy(picked.service, picked.vault) };
}

export async function resolveJob(
  deps: CommandDeps,
  node: unknown,
  cancellableOnly = false,
): Promise<{ service: BackupService; job: BackupJob }> {
  const target = targetOf(node);
  if (target?.kind === 'job')
    return { service: await deps.session.service(target.job.subscriptionId), job: target.job };
  const { service, vault } = await resolveVault(deps, node);
  const ref = { subscriptionId: vault.subscriptionId, resourceGroup: vault.resourceGroup, name: vault.name };
  return { service, job: await pickJob(service, ref, cancellableOnly) };
}
