// A VM whose name holds a percent sign (ARM ids carry it raw: `.../virtualMachines/cpu-at-100%`) must not fail the
// listing it is in: ids are read without decoding errors, through Resource Graph and through the Compute fallback,
// and the VM can be protected and found again as a backup item.
import * as assert from 'node:assert/strict';
import type { Harness } from './setup';
import { startHarness } from './setup';

const ODD_NAMES = ['cpu-at-100%', '50%-off', 'ratio%2', 'pct%zz%'];

describe('VMs with odd names: one name never fails a listing', function () {
  this.timeout(60_000);
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness({ seed: 'story' });
    for (const name of ODD_NAMES) h.sandbox.control.addVm({ resourceGroup: 'odd-rg', name, location: 'westeurope' });
  });
  afterEach(async () => {
    await h.sandbox.stop();
  });

  it('lists every VM, the percent names as they are, through Resource Graph', async () => {
    const vms = await h.service.listVirtualMachinesWithProtection(h.subscriptionId);
    for (const name of ODD_NAMES) {
      const vm = vms.find((v) => v.name === name);
      assert.ok(vm, `${name} among ${vms.map((v) => v.name).join(', ')}`);
      assert.equal(vm.resourceGroup.toLowerCase(), 'odd-rg');
    }
    assert.ok(
      vms.some((v) => v.name === 'web-vm-01'),
      'the other VMs are still there',
    );
  });

  it('lists them through Compute when Resource Graph is refused', async () => {
    h.sandbox.setFaults({
      pathPattern: 'Microsoft\\.ResourceGraph/resources$',
      methods: ['POST'],
      rate: 1,
      kinds: ['forbidden'],
    });
    const vms = await h.service.listVirtualMachinesWithProtection(h.subscriptionId);
    for (const name of ODD_NAMES)
      assert.ok(
        vms.some((v) => v.name === name),
        `${name} among ${vms.map((v) => v.name).join(', ')}`,
      );
  });

  it('protects a percent-named VM and lists it as a backup item of the vault', async () => {
    const vms = await h.service.listVirtualMachinesWithProtection(h.subscriptionId);
    const vm = vms.find((v) => v.name === 'cpu-at-100%');
    assert.ok(vm);
    const vault = (await h.service.listVaults(h.subscriptionId)).items.find(
      (v) => v.location.toLowerCase() === 'westeurope',
    );
    assert.ok(vault, 'the story seed has a vault in westeurope');
    const ref = { subscriptionId: vault.subscriptionId, resourceGroup: vault.resourceGroup, name: vault.name };
    const operation = await h.service.enableProtection(ref, vm, 'DefaultPolicy');
    assert.equal(operation.outcome, 'Completed', JSON.stringify(operation));
    const items = (await h.service.listBackupItems(ref)).items;
    assert.ok(
      items.some((i) => i.friendlyName === 'cpu-at-100%'),
      items.map((i) => i.friendlyName).join(', '),
    );
    const again = await h.service.listVirtualMachinesWithProtection(h.subscriptionId);
    assert.equal(again.find((v) => v.name === 'cpu-at-100%')?.protection?.vaultName, vault.name);
  });
});
