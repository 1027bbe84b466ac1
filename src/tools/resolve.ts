// Finds what a tool's input names: subscriptions by id or name, VMs by ARM id or name (one listing per
// subscription, the same join the tree uses), vaults by id or name. Ambiguity is a refusal, never a guess.
import * as vscode from 'vscode';
import type { BackupService } from '../azure/backupService';
import type { Vault, VirtualMachine } from '../azure/model';
import { allVaults } from '../coverage/bulkEnable';
import type { CommandDeps } from '../commands/commandDeps';
import { nameList, plain } from './format';

export interface ToolDeps extends CommandDeps {
  /** The sandbox's simulated clock in the sandbox, else the wall clock (the same "now" as the tree). */
  now: () => Date;
}

interface SubscriptionRef {
  subscriptionId: string;
  displayName: string;
}

/** Thrown for input that names nothing or too much; its message is the tool's answer. */
export class Refusal extends Error {}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** The subscriptions shown in the view, or the one named by id or display name. */
export async function subscriptionsFor(deps: ToolDeps, subscription?: string): Promise<SubscriptionRef[]> {
  const all = (await deps.session.listSubscriptions()).map((c) => ({
    subscriptionId: c.subscription.subscriptionId,
    displayName: c.subscription.displayName,
  }));
  if (!subscription?.trim()) return all;
  const wanted = subscription.trim();
  const found = all.filter((s) => same(s.subscriptionId, wanted) || same(s.displayName, wanted));
  if (found.length === 0)
    throw new Refusal(
      vscode.l10n.t(
        'No subscription {0}. Available: {1}',
        plain(wanted),
        nameList(all.map((s) => `${s.displayName} (${s.subscriptionId})`)),
      ),
    );
  return found;
}

/** The VM an ARM id or a name stands for; `vmId` compares case-insensitively as ARM does. */
function matches(vm: VirtualMachine, wanted: string): boolean {
  return wanted.startsWith('/') ? same(vm.id, wanted) : same(vm.name, wanted);
}

export interface FoundVm {
  vm: VirtualMachine;
  service: BackupService;
  subscription: SubscriptionRef;
}

/** Each named VM, exactly once; refuses names found nowhere or in several places (listing their ids). */
export async function findVms(deps: ToolDeps, wanted: readonly string[], subscription?: string): Promise<FoundVm[]> {
  const names = wanted.map((w) => w.trim()).filter((w) => w.length > 0);
  if (names.length === 0) throw new Refusal(vscode.l10n.t('Name at least one virtual machine (its name or ARM id).'));
  const subscriptions = await subscriptionsFor(deps, subscription);
  const everywhere: FoundVm[] = [];
  for (const sub of subscriptions) {
    const service = await deps.session.service(sub.subscriptionId);
    for (const vm of await service.listVirtualMachinesWithProtection(sub.subscriptionId))
      everywhere.push({ vm, service, subscription: sub });
  }
  const found: FoundVm[] = [];
  const problems: string[] = [];
  for (const name of names) {
    const hits = everywhere.filter((f) => matches(f.vm, name));
    if (hits.length === 0) problems.push(vscode.l10n.t('No virtual machine {0} was found.', plain(name)));
    else if (hits.length > 1)
      problems.push(
        vscode.l10n.t(
          '{0} names several virtual machines; give one of their ids: {1}',
          plain(name),
          hits
            .map((h) => h.vm.id)
            .sort()
            .join(', '),
        ),
      );
    else if (!found.some((f) => same(f.vm.id, hits[0].vm.id))) found.push(hits[0]);
  }
  if (problems.length > 0) throw new Refusal(problems.join('\n'));
  return found;
}

/** The vault named by ARM id or name in one subscription. */
export async function findVault(service: BackupService, subscriptionId: string, wanted: string): Promise<Vault> {
  const name = wanted.trim();
  const vaults = await allVaults(service, subscriptionId);
  const hits = vaults.filter((v) => (name.startsWith('/') ? same(v.id, name) : same(v.name, name)));
  if (hits.length === 1) return hits[0];
  if (hits.length > 1)
    throw new Refusal(
      vscode.l10n.t(
        '{0} names several vaults; give one of their ids: {1}',
        plain(name),
        hits
          .map((v) => v.id)
          .sort()
          .join(', '),
      ),
    );
  throw new Refusal(
    vscode.l10n.t(
      'No Recovery Services vault {0} in this subscription. Vaults: {1}',
      plain(name),
      nameList(vaults.map((v) => `${v.name} (${v.location})`)) || '-',
    ),
  );
}
