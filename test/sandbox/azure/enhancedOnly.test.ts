// VMs the service protects only with an Enhanced policy, and selective disk backup, through the Azure layer: the
// VM's security type and disks are read with the VM list, a Standard policy for such a VM is refused before any
// PUT is sent, and the disks chosen for the backup go out as diskExclusionProperties and come back on the item.
import * as assert from 'node:assert/strict';
import { AzureError, type ItemRef } from '../../../src/azure';
import { ALL_DISKS } from '../../../src/azure/diskSelection';
import type { VirtualMachine } from '../../../src/azure/model';
import { useHarness } from './setup';

const GUARDED = { resourceGroup: 'security-rg', name: 'vault-guarded' } as const;
const TL_VM = 'tl-vm-01';

describe('Azure layer: Enhanced-only VMs and selective disk backup', () => {
  const h = useHarness({}, { perTest: true });
  const vault = () => ({ subscriptionId: h.subscriptionId, ...GUARDED });
  const itemOf = (rg: string, vm: string): ItemRef => ({
    ...vault(),
    containerName: `IaasVMContainer;iaasvmcontainerv2;${rg};${vm}`,
    itemName: `VM;iaasvmcontainerv2;${rg};${vm}`,
  });
  const puts = (): number => h.calls.filter((c) => c.method === 'PUT' && /\/protectedItems\//i.test(c.url)).length;
  const listed = async (name: string): Promise<VirtualMachine> => {
    const vm = (await h.service.listVirtualMachinesPage(h.subscriptionId)).items.find((v) => v.name === name);
    assert.ok(vm, `${name} is listed`);
    return vm;
  };
  const refusedFor = (text: string) => (e: unknown) =>
    e instanceof AzureError && e.code === 'EnhancedPolicyRequired' && e.message === text;

  it('reads the security type and the disks (LUN, name, size, type) with the VM list and with the VM itself', async () => {
    const expected = {
      osDiskType: 'Premium_LRS',
      dataDisks: [
        { lun: 0, name: 'tl-vm-01_DataDisk_0', sizeGB: 64, storageType: 'Premium_LRS' },
        { lun: 1, name: 'tl-vm-01_DataDisk_1', sizeGB: 64, storageType: 'Premium_LRS' },
      ],
    };
    const fromList = await listed(TL_VM);
    assert.equal(fromList.securityType, 'TrustedLaunch');
    assert.deepEqual(fromList.disks, expected);
    const one = await h.service.getVirtualMachine({
      subscriptionId: h.subscriptionId,
      resourceGroup: 'security-rg',
      name: TL_VM,
    });
    assert.equal(one.securityType, 'TrustedLaunch');
    assert.deepEqual(one.disks, expected);
  });

  it('refuses a Standard policy for a Trusted Launch VM before sending; the Enhanced policy protects the chosen disks', async () => {
    const vm = await listed(TL_VM);
    const before = puts();
    await assert.rejects(
      h.service.enableProtection(vault(), vm, 'DefaultPolicy'),
      refusedFor('tl-vm-01 uses Trusted Launch, which needs an Enhanced policy; DefaultPolicy is a Standard policy.'),
    );
    assert.equal(puts(), before, 'no PUT sent');
    const done = await h.service.enableProtection(vault(), vm, 'EnhancedPolicy', {
      diskSelection: { isInclusionList: true, luns: [1] },
    });
    assert.equal(done.outcome, 'Completed');
    const item = await h.service.getBackupItem(itemOf('security-rg', TL_VM));
    assert.equal(item.policyName, 'EnhancedPolicy');
    assert.deepEqual(item.diskSelection, { isInclusionList: true, luns: [1] });

    // The same policy with other disks is a change; every disk again clears the selection.
    await h.service.changePolicy(itemOf('security-rg', TL_VM), 'EnhancedPolicy', {
      diskSelection: { isInclusionList: true, luns: [] },
    });
    assert.deepEqual((await h.service.getBackupItem(itemOf('security-rg', TL_VM))).diskSelection, {
      isInclusionList: true,
      luns: [],
    });
    await h.service.changePolicy(itemOf('security-rg', TL_VM), 'EnhancedPolicy', { diskSelection: ALL_DISKS });
    assert.equal((await h.service.getBackupItem(itemOf('security-rg', TL_VM))).diskSelection, undefined);

    // Resuming it with a Standard policy is refused before sending too.
    await h.service.stopProtection(itemOf('security-rg', TL_VM), 'RetainData');
    const stopped = puts();
    await assert.rejects(
      h.service.resumeProtection(itemOf('security-rg', TL_VM), 'DefaultPolicy'),
      refusedFor('tl-vm-01 uses Trusted Launch, which needs an Enhanced policy; DefaultPolicy is a Standard policy.'),
    );
    assert.equal(puts(), stopped, 'no PUT sent');
  });

  it('enabling many with a Standard policy refuses only the VMs that need an Enhanced one', async () => {
    h.sandbox.control.addVm({
      resourceGroup: 'security-rg',
      name: 'ultra-vm-01',
      dataDisks: [{ sizeGB: 128 }, { sizeGB: 256, storageType: 'UltraSSD_LRS' }],
    });
    h.sandbox.control.addVm({ resourceGroup: 'security-rg', name: 'plain-vm-01' });
    const vms = [await listed('ultra-vm-01'), await listed('plain-vm-01')];
    const results = await h.service.enableProtectionMany(vault(), vms, 'DefaultPolicy');
    assert.deepEqual(
      results.map((r) => [r.ok, r.error?.code]),
      [
        [false, 'EnhancedPolicyRequired'],
        [true, undefined],
      ],
    );
    assert.equal(
      results[0].error?.message,
      'ultra-vm-01 has an Ultra disk, which needs an Enhanced policy; DefaultPolicy is a Standard policy.',
    );
    assert.equal(puts(), 1, 'one PUT: the plain VM');
  });

  it('reads a VM that comes without its disks once, and refuses a Standard policy for it before sending', async () => {
    h.sandbox.control.addVm({
      resourceGroup: 'security-rg',
      name: 'ultra-vm-02',
      dataDisks: [{ sizeGB: 128, storageType: 'UltraSSD_LRS' }],
    });
    // As a coverage row names them: id, name and resource group, no security type or disks.
    const bare = (name: string) => ({
      id: `/subscriptions/${h.subscriptionId}/resourceGroups/security-rg/providers/Microsoft.Compute/virtualMachines/${name}`,
      name,
      resourceGroup: 'security-rg',
    });
    const vmReads = (name: string): number =>
      h.calls.filter((c) => c.method === 'GET' && new RegExp(`/virtualMachines/${name}\\?`, 'i').test(c.url)).length;
    const before = puts();
    const results = await h.service.enableProtectionMany(
      vault(),
      [bare(TL_VM), bare('ultra-vm-02'), bare(TL_VM)],
      'DefaultPolicy',
    );
    assert.deepEqual(
      results.map((r) => [r.ok, r.error?.code]),
      [
        [false, 'EnhancedPolicyRequired'],
        [false, 'EnhancedPolicyRequired'],
        [false, 'EnhancedPolicyRequired'],
      ],
    );
    assert.equal(
      results[1].error?.message,
      'ultra-vm-02 has an Ultra disk, which needs an Enhanced policy; DefaultPolicy is a Standard policy.',
    );
    assert.equal(puts(), before, 'no PUT sent');
    assert.equal(vmReads(TL_VM), 1, 'a VM named twice in the batch is read once');

    // An Enhanced policy needs no read of the VM.
    const reads = vmReads('ultra-vm-02');
    const [done] = await h.service.enableProtectionMany(vault(), [bare('ultra-vm-02')], 'EnhancedPolicy');
    assert.equal(done.ok, true);
    assert.equal(vmReads('ultra-vm-02'), reads);
  });
});
