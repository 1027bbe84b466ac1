import * as assert from 'node:assert/strict';
import { toBackupItem } from '../../../src/azure/convert/items';
import { joinVmsWithItems } from '../../../src/azure/convert/join';
import type { VirtualMachine } from '../../../src/azure/model';
import {
  backupStatusProtection,
  hasBackupItem,
  isActivelyProtected,
  isStopped,
  itemProtectionStatus,
} from '../../../src/azure/protectionState';

const VM_ID = '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1';
const ITEM_ID =
  '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v1/backupFabrics/Azure/protectionContainers/IaasVMContainer;iaasvmcontainerv2;rg;vm1/protectedItems/VM;iaasvmcontainerv2;rg;vm1';

/** An item as the service's list returns it (wire JSON), with the fields the state is read from. */
function wireItem(properties: Record<string, unknown>) {
  const item = toBackupItem({
    id: ITEM_ID,
    name: 'VM;iaasvmcontainerv2;rg;vm1',
    properties: {
      protectedItemType: 'Microsoft.Compute/virtualMachines',
      friendlyName: 'vm1',
      sourceResourceId: VM_ID,
      healthStatus: 'Passed',
      lastBackupStatus: 'Completed',
      lastBackupTime: '2026-11-25T02:00:00Z',
      ...properties,
    },
  });
  assert.ok(item);
  return item;
}

const vm: VirtualMachine = {
  id: VM_ID,
  name: 'vm1',
  resourceGroup: 'rg',
  subscriptionId: 's1',
  location: 'westeurope',
  osType: 'Linux',
};

describe('Protection state model', () => {
  it('maps the service protectionState to one state per meaning', () => {
    const states: [string, string][] = [
      ['Protected', 'Protected'],
      ['IRPending', 'InitialBackupPending'],
      ['ProtectionError', 'ProtectionError'],
      ['ProtectionStopped', 'ProtectionStopped'],
      ['ProtectionPaused', 'ProtectionStopped'],
      ['BackupsSuspended', 'ProtectionStopped'],
      ['Invalid', 'Unknown'],
      ['SomethingNew', 'Unknown'],
    ];
    for (const [service, expected] of states)
      assert.equal(itemProtectionStatus(wireItem({ protectionState: service })), expected, service);
  });

  it('reads isScheduledForDeferredDelete as soft deleted, whatever protectionState says, and keeps the purge time', () => {
    const item = wireItem({
      protectionState: 'ProtectionStopped',
      isScheduledForDeferredDelete: true,
      deferredDeleteTimeInUTC: '2026-12-10T00:00:00Z',
    });
    assert.equal(itemProtectionStatus(item), 'SoftDeleted');
    assert.equal(item.deferredDeleteTime?.toISOString(), '2026-12-10T00:00:00.000Z');
    assert.equal(
      itemProtectionStatus(wireItem({ protectionState: 'Protected', isScheduledForDeferredDelete: false })),
      'Protected',
    );
  });

  it('reads the backupStatus answer when no item could be read', () => {
    assert.deepEqual(['Protected', 'Protecting', 'NotProtected', undefined, 'Other'].map(backupStatusProtection), [
      'Protected',
      'InitialBackupPending',
      'NotProtected',
      'Unknown',
      'Unknown',
    ]);
  });

  it('counts as protected only the states whose backups run; stopped and soft deleted still hold a backup item', () => {
    assert.deepEqual(
      ['Protected', 'InitialBackupPending', 'ProtectionError'].map((s) => isActivelyProtected(s as never)),
      [true, true, true],
    );
    for (const s of ['ProtectionStopped', 'SoftDeleted', 'NotProtected', 'Unknown', undefined] as const)
      assert.equal(isActivelyProtected(s), false, s);
    assert.deepEqual(
      ['ProtectionStopped', 'SoftDeleted'].map((s) => [isStopped(s as never), hasBackupItem(s as never)]),
      [
        [true, true],
        [true, true],
      ],
    );
    assert.equal(hasBackupItem('NotProtected'), false);
  });

  it('gives a VM the state of its item in the join: a stopped item is not "Protected"', () => {
    const [joined] = joinVmsWithItems([vm], [{ items: [wireItem({ protectionState: 'ProtectionStopped' })] }]);
    assert.equal(joined.protection?.state, 'ProtectionStopped');
    assert.equal(joined.protection?.vaultName, 'v1');
  });

  it('shows a soft-deleted item in the join, but never over a live item of the same VM in another vault', () => {
    const soft = wireItem({ protectionState: 'ProtectionStopped', isScheduledForDeferredDelete: true });
    const live = { ...wireItem({ protectionState: 'Protected' }), vaultName: 'v2' };
    assert.equal(joinVmsWithItems([vm], [{ items: [soft] }])[0].protection?.state, 'SoftDeleted');
    for (const order of [
      [soft, live],
      [live, soft],
    ]) {
      const [joined] = joinVmsWithItems(
        [vm],
        order.map((i) => ({ items: [i] })),
      );
      assert.equal(joined.protection?.state, 'Protected');
      assert.equal(joined.protection?.vaultName, 'v2');
    }
  });
});
