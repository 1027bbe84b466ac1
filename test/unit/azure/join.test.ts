import * as assert from 'node:assert/strict';
import { joinVmsWithItems } from '../../../src/azure/convert/join';
import type { BackupItem, VirtualMachine } from '../../../src/azure/model';

const vm = (rg: string, name: string): VirtualMachine => ({
  id: `/subscriptions/s1/resourceGroups/${rg}/providers/Microsoft.Compute/virtualMachines/${name}`,
  name,
  resourceGroup: rg,
  subscriptionId: 's1',
  location: 'westeurope',
  osType: 'Linux',
});

const item = (sourceResourceId: string, vaultName: string): BackupItem => ({
  id: `item-${vaultName}-${sourceResourceId}`,
  name: 'VM;x',
  containerName: 'IaasVMContainer;x',
  vaultId: `/v/${vaultName}`,
  vaultName,
  vaultResourceGroup: 'rg',
  subscriptionId: 's1',
  friendlyName: 'x',
  sourceResourceId,
  protectionState: 'Protected',
  healthStatus: 'Passed',
  lastBackupStatus: 'Completed',
  initialBackupPending: false,
  policyName: 'DefaultPolicy',
});

describe('VM ⋈ backup items join', () => {
  it('matches on the lower-cased source resource id whatever the casing', () => {
    const vms = [vm('RG-Web', 'Web01'), vm('rg-db', 'db01')];
    const vaults = [
      {
        items: [
          item('/SUBSCRIPTIONS/s1/resourcegroups/rg-web/providers/microsoft.compute/virtualmachines/WEB01', 'vaultA'),
        ],
      },
      { items: [] },
    ];
    const joined = joinVmsWithItems(vms, vaults);
    assert.equal(joined[0].protection?.state, 'Protected');
    assert.equal(joined[0].protection?.vaultName, 'vaultA');
    assert.equal(joined[0].protection?.policyName, 'DefaultPolicy');
    assert.equal(joined[0].protection?.item?.vaultName, 'vaultA');
    assert.equal(joined[1].protection?.state, 'NotProtected');
  });

  it('says Unknown rather than NotProtected for unmatched VMs when a vault could not be read', () => {
    const joined = joinVmsWithItems([vm('rg', 'a'), vm('rg', 'b')], [{ items: [item(vm('rg', 'a').id, 'v1')] }, {}]);
    assert.equal(joined[0].protection?.state, 'Protected');
    assert.equal(joined[1].protection?.state, 'Unknown');
  });

  it('keeps the VM order and fields', () => {
    const vms = [vm('rg', 'z'), vm('rg', 'a')];
    const joined = joinVmsWithItems(vms, []);
    assert.deepEqual(
      joined.map((v) => v.name),
      ['z', 'a'],
    );
    assert.equal(joined[0].location, 'westeurope');
  });
});
