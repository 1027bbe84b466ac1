import * as assert from 'node:assert/strict';
import { toConsistency, toTier } from '../../../src/azure/convert/recoveryPoints';
import { sameRegion, toFileRecoveryScript } from '../../../src/azure/convert/restoreTargets';
import type { RestoreRequest } from '../../../src/azure/model';
import { restoreBody } from '../../../src/azure/operations/restore';
import { validateRestoreRequest, validateVmName } from '../../../src/azure/validation';

const SUB = '/subscriptions/s1';
const VNET = `${SUB}/resourceGroups/net-rg/providers/Microsoft.Network/virtualNetworks/vnet`;
const STAGING = `${SUB}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/staging`;
const newVm: RestoreRequest = {
  kind: 'newVm',
  region: 'westeurope',
  vmName: 'web-new',
  targetResourceGroup: 'target-rg',
  virtualNetworkId: VNET,
  subnetId: `${VNET}/subnets/default`,
  stagingStorageAccountId: STAGING,
  zone: '1',
};

describe('restore: validation, wire request and conversions', () => {
  it('VM names: 64 characters (15 for Windows), the allowed characters, no period or hyphen at the end', () => {
    assert.equal(validateVmName('a'.repeat(64), 'Linux'), undefined);
    assert.equal(validateVmName('a'.repeat(65), 'Linux')?.key, 'vmName.length');
    assert.equal(validateVmName('a'.repeat(15), 'Windows'), undefined);
    assert.equal(validateVmName('a'.repeat(16), 'Windows')?.key, 'vmName.length');
    assert.equal(validateVmName('', 'Linux')?.key, 'vmName.length');
    assert.equal(validateVmName('web_01.prod-a', 'Linux'), undefined);
    assert.equal(validateVmName('web/01', 'Linux')?.key, 'vmName.characters');
    assert.equal(validateVmName('web01.', 'Linux')?.key, 'vmName.end');
    assert.equal(validateVmName('web01-', 'Linux')?.key, 'vmName.end');
  });

  it('each kind needs exactly its fields, named by the field', () => {
    assert.equal(validateRestoreRequest(newVm), undefined);
    assert.equal(validateRestoreRequest({ ...newVm, subnetId: '' })?.field, 'subnetId');
    assert.equal(validateRestoreRequest({ ...newVm, virtualNetworkId: 'vnet' })?.field, 'virtualNetworkId');
    assert.equal(
      validateRestoreRequest({
        kind: 'restoreDisks',
        region: 'westeurope',
        targetResourceGroup: ' ',
        stagingStorageAccountId: STAGING,
      })?.field,
      'targetResourceGroup',
    );
    assert.equal(
      validateRestoreRequest({ kind: 'replaceDisks', region: 'westeurope', stagingStorageAccountId: STAGING }),
      undefined,
    );
    assert.equal(
      validateRestoreRequest({ kind: 'replaceDisks', region: 'westeurope', stagingStorageAccountId: VNET })?.code,
      'InvalidRestoreRequest',
    );
  });

  it('region agreement once the targets are known; region names compared as Azure does', () => {
    const far = validateRestoreRequest(newVm, { stagingAccountLocation: 'northeurope' });
    assert.equal(far?.code, 'RestoreTargetInOtherRegion');
    assert.equal(far?.field, 'stagingStorageAccountId');
    assert.equal(validateRestoreRequest(newVm, { virtualNetworkLocation: 'eastus' })?.field, 'virtualNetworkId');
    assert.equal(
      validateRestoreRequest(newVm, { stagingAccountLocation: 'West Europe', virtualNetworkLocation: 'westeurope' }),
      undefined,
    );
    assert.ok(sameRegion('West Europe', 'westeurope'));
    assert.ok(!sameRegion('', ''));
  });

  it('the wire request of each kind carries exactly its fields and the region', () => {
    const item = { sourceResourceId: `${SUB}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/web` };
    const vm = restoreBody(item, '123', newVm, 's1');
    assert.equal(vm.recoveryType, 'AlternateLocation');
    assert.equal(
      vm.targetVirtualMachineId,
      `${SUB}/resourceGroups/target-rg/providers/Microsoft.Compute/virtualMachines/web-new`,
    );
    assert.deepEqual(vm.zones, ['1']);
    assert.equal(vm.region, 'westeurope');
    const disks = restoreBody(
      item,
      '123',
      {
        kind: 'restoreDisks',
        region: 'westeurope',
        targetResourceGroup: 'target-rg',
        stagingStorageAccountId: STAGING,
      },
      's1',
    );
    assert.equal(disks.recoveryType, 'RestoreDisks');
    assert.equal(disks.targetResourceGroupId, `${SUB}/resourceGroups/target-rg`);
    assert.equal(disks.subnetId, undefined);
    const replace = restoreBody(
      item,
      '123',
      { kind: 'replaceDisks', region: 'westeurope', stagingStorageAccountId: STAGING },
      's1',
    );
    assert.equal(replace.recoveryType, 'OriginalLocation');
    assert.equal(replace.targetResourceGroupId, undefined);
    assert.equal(replace.storageAccountId, STAGING);
  });

  it("recovery point consistency and tier in the portal's terms", () => {
    assert.equal(toConsistency('AppConsistent'), 'ApplicationConsistent');
    assert.equal(toConsistency('CrashConsistent'), 'CrashConsistent');
    assert.equal(toConsistency(undefined), 'Unknown');
    const tier = (...t: [string, string][]) => toTier(t.map(([type, status]) => ({ type, status })));
    assert.equal(tier(['InstantRP', 'Valid'], ['HardenedRP', 'Valid']), 'SnapshotAndVault');
    assert.equal(tier(['InstantRP', 'Valid'], ['HardenedRP', 'Invalid']), 'Snapshot');
    assert.equal(tier(['InstantRP', 'Deleted'], ['HardenedRP', 'Valid']), 'Vault');
    assert.equal(tier(['ArchivedRP', 'Valid']), 'Archive');
    assert.equal(tier(), 'Unknown');
  });

  it('a file-recovery script: decoded, named from the VM, the point time and the suffix, never a path', () => {
    const script = toFileRecoveryScript(
      {
        scriptContent: Buffer.from('echo hi').toString('base64'),
        scriptExtension: 'py',
        osType: 'Linux',
        scriptNameSuffix: 'ab/12',
      },
      '../web',
      new Date('2026-11-30T02:00:11Z'),
    );
    assert.equal(script.content, 'echo hi');
    assert.equal(script.fileName, '.._web_2026-11-30_02-00-11_ab_12.py');
    assert.equal(script.extension, '.py');
    assert.equal(script.osType, 'Linux');
  });
});
