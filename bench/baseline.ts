// The baseline: the portal VM blade's pattern. List the VMs, then ask backupStatus once per VM, with the same
// bound on parallel calls as our fan-out. The clients come from the Azure layer's own factory.
import { createClientSet } from '../src/azure/clients';
import { toVirtualMachine } from '../src/azure/convert/arm';
import { createSandboxProvider } from '../src/auth/index';
import { collectAll, modularToken } from '../src/azure/paging';
import type { SandboxAddress } from './treeLoad';

export interface BaselineCounts {
  vms: number;
  protectedVms: number;
}

export async function loadBaseline(sandbox: SandboxAddress, concurrency: number): Promise<BaselineCounts> {
  const contexts = await createSandboxProvider(sandbox).listSubscriptions();
  const perSubscription = await Promise.all(
    contexts.map(async ({ session, subscription }) => {
      const clients = createClientSet(session);
      const backup = clients.backup(subscription.subscriptionId);
      const vms = await collectAll(
        clients.compute(subscription.subscriptionId).virtualMachines.listAll(),
        modularToken,
        toVirtualMachine,
      );
      const statuses = await clients.transport.mapWithConcurrency(vms, concurrency, (vm) =>
        backup.backupStatus.get(vm.location, { resourceType: 'VM', resourceId: vm.id }),
      );
      return { vms: vms.length, protectedVms: statuses.filter((s) => s.protectionStatus === 'Protected').length };
    }),
  );
  return {
    vms: perSubscription.reduce((n, s) => n + s.vms, 0),
    protectedVms: perSubscription.reduce((n, s) => n + s.protectedVms, 0),
  };
}
