// Bulk protection from the coverage page. The join is read again first, so a VM protected meanwhile (by
// another run, another user, the portal) is skipped, never protected twice; the rest is enabled with one
// enableProtectionMany per vault. No vscode import: the host passes the wording of its own failures.
import type { BackupService } from '../azure/backupService';
import { vaultRefFromId, idKey, sameId } from '../azure/ids';
import type { BackupJob, Vault, VirtualMachine } from '../azure/model';
import type { EnableGroup, VmProgress } from './protocol';
import { isActivelyProtected } from '../azure/protectionState';
import { ENHANCED_POLICY_REQUIRED, type EnhancedPolicyReason, needsEnhancedPolicy } from '../azure/enhancedPolicy';

export interface BulkEnableDeps {
  serviceFor(subscriptionId: string): Promise<BackupService>;
  onProgress(progress: VmProgress): void;
  signal?: AbortSignal;
  /** Localized reasons for the failures found before calling Azure. */
  words: {
    vaultNotFound: string;
    vmNotFound: string;
    otherRegion: string;
    /** A Standard policy asked for a VM only an Enhanced policy protects (refused before sending). */
    enhancedRequired(vmName: string, reason: EnhancedPolicyReason, policyName: string): string;
  };
}

export async function allVaults(
  service: BackupService,
  subscriptionId: string,
  signal?: AbortSignal,
): Promise<Vault[]> {
  const vaults: Vault[] = [];
  let continuationToken: string | undefined;
  do {
    const page = await service.listVaults(subscriptionId, { continuationToken, signal });
    vaults.push(...page.items);
    continuationToken = page.continuationToken;
  } while (continuationToken);
  return vaults;
}

/** The VM a ConfigureBackup job is about: its container name ends in `;<resource group>;<vm name>`. */
function vmOfJob(job: BackupJob, vms: readonly VirtualMachine[]): VirtualMachine | undefined {
  const container = job.containerName?.toLowerCase();
  if (!container) return vms.find((vm) => vm.name.toLowerCase() === job.entityFriendlyName.toLowerCase());
  return vms.find((vm) => container.endsWith(`;${vm.resourceGroup.toLowerCase()};${vm.name.toLowerCase()}`));
}

interface Planned {
  group: EnableGroup;
  vault: Vault;
  todo: VirtualMachine[];
}

/** Checks every VM against the fresh join; reports skips and failures at once and returns what is left to do. */
function plan(
  groups: readonly EnableGroup[],
  fresh: Map<string, { vms: Map<string, VirtualMachine>; vaults: Vault[] }>,
  deps: BulkEnableDeps,
  results: Map<string, VmProgress>,
): Planned[] {
  const report = (p: VmProgress): void => {
    results.set(idKey(p.vmId), p);
    deps.onProgress(p);
  };
  const planned: Planned[] = [];
  for (const group of groups) {
    const sub = fresh.get(idKey(group.subscriptionId));
    const vault = sub?.vaults.find((v) => sameId(v.id, group.vaultId));
    const todo: VirtualMachine[] = [];
    for (const vmId of group.vmIds) {
      if (results.has(idKey(vmId))) continue; // asked twice: the first group wins
      const vm = sub?.vms.get(idKey(vmId));
      if (!vault)
        report({ vmId, state: 'failed', error: { message: deps.words.vaultNotFound, code: 'VaultNotFound' } });
      else if (!vm) report({ vmId, state: 'failed', error: { message: deps.words.vmNotFound, code: 'VmNotFound' } });
      else if (isActivelyProtected(vm.protection?.state))
        report({ vmId: vm.id, state: 'skipped', vaultName: vm.protection?.vaultName });
      else if (vm.location.toLowerCase() !== vault.location.toLowerCase())
        report({ vmId: vm.id, state: 'failed', error: { message: deps.words.otherRegion, code: 'OtherRegion' } });
      else {
        report({ vmId: vm.id, state: 'queued' });
        todo.push(vm);
      }
    }
    if (vault && todo.length > 0) planned.push({ group, vault, todo });
  }
  return planned;
}

/** The Azure layer's English refusal of a Standard policy, in the user's language (the VM read fresh says why). */
function localized(
  error: VmProgress['error'],
  vms: readonly VirtualMachine[],
  vmId: string,
  policyName: string,
  deps: BulkEnableDeps,
): NonNullable<VmProgress['error']> {
  if (!error) return { message: 'Failed' };
  const vm = vms.find((v) => sameId(v.id, vmId));
  const reason = vm && error.code === ENHANCED_POLICY_REQUIRED ? needsEnhancedPolicy(vm) : undefined;
  return vm && reason ? { ...error, message: deps.words.enhancedRequired(vm.name, reason, policyName) } : error;
}

/** Enables protection for every VM of every group; resolves with one final state per VM, never throws for one VM. */
export async function bulkEnable(groups: readonly EnableGroup[], deps: BulkEnableDeps): Promise<VmProgress[]> {
  const subscriptionIds = [...new Set(groups.map((g) => idKey(g.subscriptionId)))];
  const fresh = new Map(
    await Promise.all(
      subscriptionIds.map(async (id) => {
        const service = await deps.serviceFor(id);
        const [vms, vaults] = await Promise.all([
          service.listVirtualMachinesWithProtection(id, deps.signal),
          allVaults(service, id, deps.signal),
        ]);
        return [id, { vms: new Map(vms.map((vm) => [idKey(vm.id), vm])), vaults }] as const;
      }),
    ),
  );
  const results = new Map<string, VmProgress>();
  const report = (p: VmProgress): void => {
    results.set(idKey(p.vmId), p);
    deps.onProgress(p);
  };
  const planned = plan(groups, fresh, deps, results);
  await Promise.all(
    planned.map(async ({ group, vault, todo }) => {
      const ref = vaultRefFromId(vault.id) ?? {
        subscriptionId: vault.subscriptionId,
        resourceGroup: vault.resourceGroup,
        name: vault.name,
      };
      const configuring = new Set<string>();
      try {
        const service = await deps.serviceFor(group.subscriptionId);
        await service.enableProtectionMany(ref, todo, group.policyName, {
          signal: deps.signal,
          onProgress: (job) => {
            const vm = vmOfJob(job, todo);
            const state = vm ? results.get(idKey(vm.id))?.state : undefined;
            if (vm && !configuring.has(vm.id) && state !== 'done' && state !== 'failed') {
              configuring.add(vm.id);
              report({ vmId: vm.id, state: 'configuring' });
            }
          },
          onResult: (r) =>
            report(
              r.ok
                ? { vmId: r.vmId, state: 'done', vaultName: vault.name }
                : { vmId: r.vmId, state: 'failed', error: localized(r.error, todo, r.vmId, group.policyName, deps) },
            ),
        });
      } catch (e) {
        // The vault as a whole could not be worked on (e.g. its items could not be listed): all its VMs failed.
        const error = e as { message?: unknown; code?: unknown; requestId?: unknown };
        for (const vm of todo) {
          const state = results.get(idKey(vm.id))?.state;
          if (state !== 'done' && state !== 'failed') {
            report({
              vmId: vm.id,
              state: 'failed',
              error: {
                message: String(error.message ?? e),
                code: typeof error.code === 'string' ? error.code : undefined,
                requestId: typeof error.requestId === 'string' ? error.requestId : undefined,
              },
            });
          }
        }
      }
    }),
  );
  return groups
    .flatMap((g) => g.vmIds)
    .map((id) => results.get(idKey(id)))
    .filter((p): p is VmProgress => p !== undefined)
    .filter((p, i, all) => all.findIndex((q) => sameId(q.vmId, p.vmId)) === i);
}
