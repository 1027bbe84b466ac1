/** Reading the VM behind a row of Microsoft's Azure Resources view from the argument its menus pass. */
import * as assert from 'node:assert/strict';
import {
  armIdOfHostItem,
  isWrapper,
  parseVmId,
  vmOfHostArgument,
} from '../../../src/commands/azureResources/hostResource';

const VM_ID =
  '/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/Contoso-Web-RG/providers/Microsoft.Compute/virtualMachines/web-vm-01';
/** The wrapper's own id: the view's account and tenant prefix in front of the item's id. */
const WRAPPER_ID = `/accounts/alice/tenants/t1${VM_ID.toLowerCase()}/decoy`;
const wrap = (item: unknown): { id: string; unwrap<T>(): T } => ({ id: WRAPPER_ID, unwrap: <T>() => item as T });

describe('Azure Resources rows: wrapper, ARM id, VM check', () => {
  it('recognises the wrapper by its unwrap function only', () => {
    assert.equal(isWrapper(wrap({})), true);
    assert.equal(isWrapper({ unwrap: 'no' }), false);
    assert.equal(isWrapper(undefined), false);
  });

  it("takes the id from the unwrapped item's resource, never the wrapper's own id", () => {
    const found = vmOfHostArgument(
      wrap({ id: 'azure-resource-item', resource: { id: VM_ID, resourceType: 'microsoft.compute/virtualmachines' } }),
    );
    assert.deepEqual(found, {
      vm: {
        id: VM_ID,
        subscriptionId: '11111111-2222-3333-4444-555555555555',
        resourceGroup: 'Contoso-Web-RG',
        name: 'web-vm-01',
      },
    });
  });

  it("reads the resolved item's data (the ARM model) and an item whose own id is the ARM id", () => {
    assert.equal(armIdOfHostItem(wrap({ data: { id: VM_ID } }))?.id, VM_ID);
    assert.equal(armIdOfHostItem(wrap({ id: VM_ID.toLowerCase() }))?.id, VM_ID.toLowerCase());
    assert.equal(armIdOfHostItem({ resource: { id: VM_ID } })?.id, VM_ID, 'an unwrapped item is read as it is');
  });

  it('a wrapper whose item names no ARM resource has none, even though the wrapper id contains one', () => {
    assert.deepEqual(vmOfHostArgument(wrap({ id: 'group-by-type' })), { problem: 'noResource' });
    assert.deepEqual(vmOfHostArgument(undefined), { problem: 'noResource' });
  });

  it("refuses other resource types, a VM's child resource and a VM scale set", () => {
    const vault = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v1';
    assert.deepEqual(
      vmOfHostArgument(wrap({ resource: { id: vault, resourceType: 'microsoft.recoveryservices/vaults' } })),
      { problem: 'notAVm', id: vault, type: 'microsoft.recoveryservices/vaults' },
    );
    assert.equal(parseVmId(`${VM_ID}/extensions/agent`), undefined);
    assert.equal(
      parseVmId('/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachineScaleSets/ss'),
      undefined,
    );
    assert.equal(parseVmId(VM_ID.toUpperCase())?.name, 'WEB-VM-01', 'ARM ids compare case-insensitively');
  });
});
