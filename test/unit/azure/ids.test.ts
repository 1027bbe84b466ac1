import * as assert from 'node:assert/strict';
import { compositeKey, idParts, idSegments, operationIdFromUrl } from '../../../src/azure/ids';

/** What the general path (idSegments) reads for the keys idParts answers. */
function general(id: string): Record<string, string | undefined> {
  const seg = idSegments(id);
  return {
    subscriptionId: seg.get('subscriptions'),
    resourceGroup: seg.get('resourcegroups'),
    vm: seg.get('virtualmachines'),
    vault: seg.get('vaults'),
    container: seg.get('protectioncontainers'),
    item: seg.get('protecteditems'),
  };
}

const defined = (o: object): Record<string, unknown> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

describe('ARM id parts', () => {
  const ids = [
    '/subscriptions/s1/resourceGroups/RG-One/providers/Microsoft.Compute/virtualMachines/vm-01',
    '/SUBSCRIPTIONS/s1/RESOURCEGROUPS/rg/PROVIDERS/microsoft.compute/VIRTUALMACHINES/Vm',
    '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v1/backupFabrics/Azure' +
      '/protectionContainers/IaasVMContainer;iaasvmcontainerv2;rg;vm1/protectedItems/VM;iaasvmcontainerv2;rg;vm1',
    // Other shapes and encoded segments take the general path: the answer must not depend on which path ran.
    '/subscriptions/s1/resourceGroups/rg%20x/providers/Microsoft.Compute/virtualMachines/vm%2D1',
    '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm/extensions/x',
    '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm/',
    '/subscriptions/s1//resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm',
    '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v1',
    '/subscriptions/s1',
    '',
  ];
  for (const id of ids) {
    it(`reads '${id}' as idSegments does`, () => {
      assert.deepEqual(defined(idParts(id)), defined(general(id)));
    });
  }
});

describe('ARM ids with a lone percent sign', () => {
  it('reads a name that is not percent-encoding as it is, without throwing', () => {
    const id = '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/cpu-at-100%';
    assert.equal(idParts(id).vm, 'cpu-at-100%');
    assert.equal(
      idSegments('/subscriptions/s1/resourceGroups/r%zz/providers/Microsoft.Compute/virtualMachines/v%2').get(
        'resourcegroups',
      ),
      'r%zz',
    );
    assert.equal(
      idSegments('/subscriptions/s1/resourceGroups/rg%20x').get('resourcegroups'),
      'rg x',
      'valid encoding is still decoded',
    );
    assert.equal(operationIdFromUrl('https://h/ops/op%?api-version=1'), 'op%');
  });
});

describe('compositeKey', () => {
  it('meets keys whose parts differ only in case, and keeps different parts apart', () => {
    const id = '/subscriptions/S1/resourceGroups/RG/providers/Microsoft.RecoveryServices/vaults/V';
    assert.equal(compositeKey(id, 'DailyPolicy'), compositeKey(id.toLowerCase(), 'dailypolicy'));
    assert.notEqual(compositeKey(id, 'DailyPolicy'), compositeKey(id, 'WeeklyPolicy'));
    assert.equal(compositeKey('vms', 'S1', ''), 'vms|s1|');
  });
});
