// Enable protection of VMs. The backup SDK returns on the first 202; the tracker follows the operation to
// its ConfigureBackup job. Never a second protected item or ConfigureBackup job for one VM: a VM already
// protected here is left alone and reported so (a re-run after a partial failure only does the rest; an enable
// sent again, even with another policy, changes nothing), a second request in flight joins the first, a PUT
// whose answer was lost is not sent again before the item is looked at, and the service's "configure already in
// progress" (another client) follows the running job. One enable per VM at a time, whichever vault (neverTwice.ts).
import type { EnableResult, ProtectOptions, VaultRef, VmToProtect } from '../backupService';
import { diskExclusionOf } from '../diskSelection';
import { AzureError } from '../errors';
import { itemRefForProtectable, policyId, protectableNameForVm, idKey } from '../ids';
import type { AzureOperation, Policy } from '../model';
import { refreshContainers } from '../tracker';
import type { OperationContext } from './context';
import { trackerFor } from './context';
import type { ProtectableItem } from './discovery';
import { listProtectableItems } from './discovery';
import { alreadyEnabled, isActive, itemsByVm } from './enabledState';
import { policyLoader, refuseStandardForVm, vmFactsLoader } from './enhancedCheck';
import { putProtectedItem } from './itemPut';
import { followRunningJob, once, vaultChanged } from './neverTwice';

type ManyOptions = ProtectOptions & { onResult?: (r: EnableResult) => void };

/** What the Enhanced-policy check of a batch reads at most once: the policy, and each VM that came without its disks. */
interface EnhancedChecks {
  policy: () => Promise<Policy>;
  facts: Parameters<typeof refuseStandardForVm>[2];
}

function enhancedChecks(
  ctx: OperationContext,
  ref: VaultRef,
  policyName: string,
  signal?: AbortSignal,
): EnhancedChecks {
  return { policy: policyLoader(ctx, ref, policyName, signal), facts: vmFactsLoader(ctx, ref, signal) };
}

/** The protectable item of each VM, refreshing the containers once if any VM is not discovered yet (as the CLI does). */
async function protectableFor(
  ctx: OperationContext,
  ref: VaultRef,
  vms: readonly VmToProtect[],
  signal?: AbortSignal,
): Promise<Map<string, ProtectableItem>> {
  const lookup = async () => new Map((await listProtectableItems(ctx, ref, signal)).map((p) => [idKey(p.vmId), p]));
  let found = await lookup();
  if (vms.some((vm) => !found.has(idKey(vm.id)))) {
    await refreshContainers(trackerFor(ctx, ref), signal);
    found = await lookup();
  }
  return found;
}

async function enableOne(
  ctx: OperationContext,
  ref: VaultRef,
  vm: VmToProtect,
  protectableName: string,
  policyName: string,
  options: ProtectOptions,
  checks: EnhancedChecks,
): Promise<AzureOperation> {
  await refuseStandardForVm(vm, checks.policy, checks.facts);
  return putProtectedItem(
    ctx,
    itemRefForProtectable(ref, protectableName),
    {
      protectedItemType: 'Microsoft.Compute/virtualMachines',
      sourceResourceId: vm.id,
      policyId: policyId(ref, policyName),
      ...diskExclusionOf(options.diskSelection),
    },
    options,
    {
      // The service may have applied it: follow what it did, or send again if it shows nothing.
      afterLostAnswer: async () =>
        alreadyEnabled(ctx, ref, (await itemsByVm(ctx, ref, options.signal)).get(idKey(vm.id)), options, true),
      afterConflict: () => followRunningJob(ctx, ref, 'ConfigureBackup', protectableName, options),
    },
  );
}

export function enableProtection(
  ctx: OperationContext,
  ref: VaultRef,
  vm: VmToProtect,
  policyName: string,
  options: ProtectOptions = {},
): Promise<AzureOperation> {
  return once(
    ctx,
    'enable',
    vm.id,
    async () => {
      const done = await alreadyEnabled(
        ctx,
        ref,
        (await itemsByVm(ctx, ref, options.signal)).get(idKey(vm.id)),
        options,
      );
      if (done) {
        return done;
      }
      const found = await protectableFor(ctx, ref, [vm], options.signal);
      return enableOne(
        ctx,
        ref,
        vm,
        found.get(idKey(vm.id))?.name ?? protectableNameForVm(vm.resourceGroup, vm.name),
        policyName,
        options,
        enhancedChecks(ctx, ref, policyName, options.signal),
      );
    },
    { changes: ref, reserved: options.reserved },
  );
}

/** Every VM gets a result; one VM's failure never fails the others. Bounded concurrency. */
export function enableProtectionMany(
  ctx: OperationContext,
  ref: VaultRef,
  vms: readonly VmToProtect[],
  policyName: string,
  options: ManyOptions = {},
): Promise<EnableResult[]> {
  return enableEach(ctx, ref, vms, policyName, options).finally(() => vaultChanged(ctx, ref));
}

async function enableEach(
  ctx: OperationContext,
  ref: VaultRef,
  vms: readonly VmToProtect[],
  policyName: string,
  options: ManyOptions,
): Promise<EnableResult[]> {
  const items = await itemsByVm(ctx, ref, options.signal);
  const todo = vms.filter((vm) => !isActive(items.get(idKey(vm.id))));
  const found = todo.length ? await protectableFor(ctx, ref, todo, options.signal) : new Map<string, ProtectableItem>();
  const checks = enhancedChecks(ctx, ref, policyName, options.signal);
  return ctx.clients.transport.mapWithConcurrency(vms, ctx.writeConcurrency, async (vm): Promise<EnableResult> => {
    let result: EnableResult;
    try {
      const operation = await once(
        ctx,
        'enable',
        vm.id,
        async () =>
          (await alreadyEnabled(ctx, ref, items.get(idKey(vm.id)), options)) ??
          enableOne(
            ctx,
            ref,
            vm,
            found.get(idKey(vm.id))?.name ?? protectableNameForVm(vm.resourceGroup, vm.name),
            policyName,
            options,
            checks,
          ),
        { reserved: options.reserved },
      );
      result = {
        vmId: vm.id,
        ok: operation.outcome === 'Completed',
        operation,
        ...(operation.error ? { error: operation.error } : {}),
      };
    } catch (e) {
      result = { vmId: vm.id, ok: false, error: AzureError.from(e).toOperationError() };
    }
    options.onResult?.(result);
    return result;
  });
}
