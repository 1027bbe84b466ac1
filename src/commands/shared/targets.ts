import type { BackupService } from '../../azure/backupService';
import type { BackupItem, BackupJob, Policy, RecoveryPoint, Vault, VirtualMachine } from '../../azure/model';
import { BackupItemNode } from '../../tree/nodes/backupItemNode';
import { BackupItemsNode } from '../../tree/nodes/backupItemsNode';
import { JobNode } from '../../tree/nodes/jobNode';
import { JobsNode } from '../../tree/nodes/jobsNode';
import { PoliciesNode } from '../../tree/nodes/policiesNode';
import { PolicyNode } from '../../tree/nodes/policyNode';
import { RecoveryPointNode } from '../../tree/nodes/recoveryPointNode';
import { SubscriptionNode } from '../../tree/nodes/subscriptionNode';
import { VaultNode } from '../../tree/nodes/vaultNode';
import { VaultsNode } from '../../tree/nodes/vaultsNode';
import { VirtualMachinesNode } from '../../tree/nodes/virtualMachinesNode';
import { VmNode } from '../../tree/nodes/vmNode';
import { pickBackupItem, pickPolicy, pickRecoveryPoint, pickSubscription, pickVault, pickVm } from '../../ui/pickers';
import { itemRef } from '../../tree/refs';
import type { CommandDeps } from '../commandDeps';
import { pickJob } from './pickJob';

// Commands take `node?`: a tree node when run from the tree, nothing from the palette (then QuickPicks ask).

export interface SubscriptionTarget { service: BackupService; subscriptionId: string }
export interface VaultTarget { service: BackupService; vault: Vault }
export interface ItemTarget { service: BackupService; item: BackupItem }
export interface VmTarget { service: BackupService; vm: VirtualMachine }

export async function resolveSubscription(deps: CommandDeps, node: unknown): Promise<SubscriptionTarget> {
  const subscriptionId = node instanceof SubscriptionNode || node instanceof VaultsNode || node instanceof VirtualMachinesNode
    ? node.subscriptionId
    : (await pickSubscription(deps.session)).subscriptionId;
  return { service: await deps.session.service(subscriptionId), subscriptionId };
}

export function vaultOfNode(node: unknown): Vault | undefined {
  if (node instanceof VaultNode) return node.vault;
  if (node instanceof BackupItemsNode || node instanceof JobsNode || node instanceof PoliciesNode) return node.parent.vault;
  if (node instanceof PolicyNode) return node.parent.parent.vault;
  return undefined;
}

export async function resolveVault(deps: CommandDeps, node: unknown): Promise<VaultTarget> {
  const vault = vaultOfNode(node);
  if (vault) return { service: await deps.session.service(vault.subscriptionId), vault };
  const { service, subscriptionId } = await resolveSubscription(deps, node);
  return { service, vault: await pickVault(service, subscriptionId) };
}

/** A backup item from an item node, a protected VM node, or the pickers (subscription → vault → item). */
export async function resolveItem(deps: CommandDeps, node: unknown): Promise<ItemTarget | VmTarget> {
  if (node instanceof BackupItemNode) return { service: await deps.session.service(node.subscriptionId), item: node.item };
  if (node instanceof VmNode) {
    const service = await deps.session.service(node.subscriptionId);
    return node.vm.protection?.item ? { service, item: node.vm.protection.item } : { service, vm: node.vm };
  }
  const { service, vault } = await resolveVault(deps, node);
  return { service, item: await pickBackupItem(service, vault) };
}

export interface PointTarget { service: BackupService; item: BackupItem; point: RecoveryPoint }

/**
 * A recovery point from its node, or from an item (node or pickers) and then `pointId` or a point picker. Undefined when the item
 * chosen is an unprotected VM (the caller says so). `usable` leaves out points the action cannot use.
 */
export async function resolveRecoveryPoint(deps: CommandDeps, node: unknown, usable?: (p: RecoveryPoint) => boolean, pointId?: string): Promise<PointTarget | VmTarget> {
  if (node instanceof RecoveryPointNode) return { service: await deps.session.service(node.subscriptionId), item: node.parent.item, point: node.point };
  const target = await resolveItem(deps, node);
  if ('vm' in target) return target;
  const point = pointId ? await target.service.getRecoveryPoint(itemRef(target.item), pointId) : await pickRecoveryPoint(target.service, target.item, usable);
  return { ...target, point };
}

export async function resolveVm(deps: CommandDeps, node: unknown, filter: (vm: VirtualMachine) => boolean, empty: (total: number, subscriptionName: string) => string): Promise<VmTarget> {
  if (node instanceof VmNode) return { service: await deps.session.service(node.subscriptionId), vm: node.vm };
  const { service, subscriptionId } = await resolveSubscription(deps, node);
  const name = (await deps.session.listSubscriptions()).find((c) => c.subscription.subscriptionId === subscriptionId)?.subscription.displayName ?? subscriptionId;
  return { service, vm: await pickVm(service, subscriptionId, filter, (total) => empty(total, name)) };
}

export async function resolvePolicy(deps: CommandDeps, node: unknown): Promise<VaultTarget & { policy: Policy }> {
  if (node instanceof PolicyNode) {
    const vault = node.parent.parent.vault;
    return { service: await deps.session.service(vault.subscriptionId), vault, policy: node.policy };
  }
  const target = await resolveVault(deps, node);
  return { ...target, policy: await pickPolicy(target.service, target.vault) };
}

export async function resolveJob(deps: CommandDeps, node: unknown, cancellableOnly = false): Promise<{ service: BackupService; job: BackupJob }> {
  if (node instanceof JobNode) return { service: await deps.session.service(node.subscriptionId), job: node.job };
  const { service, vault } = await resolveVault(deps, node);
  const ref = { subscriptionId: vault.subscriptionId, resourceGroup: vault.resourceGroup, name: vault.name };
  return { service, job: await pickJob(service, ref, cancellableOnly) };
}
