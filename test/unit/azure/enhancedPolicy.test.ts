import * as assert from 'node:assert/strict';
import { toVirtualMachineFromGraph, toVirtualMachineFromWire } from '../../../src/azure/convert/arm';
import { needsEnhancedPolicy, policyFits } from '../../../src/azure/enhancedPolicy';
import type { VirtualMachine } from '../../../src/azure/model';
import { renderVm } from '../../../src/sandbox/render/arm';
import { enhancedOnlyReason } from '../../../src/sandbox/routes/protectionRules';
import type { VmRecord } from '../../../src/sandbox/state/model';

const record = (extra: Partial<VmRecord>): VmRecord => ({
  subscriptionId: 's1',
  resourceGroup: 'rg',
  name: 'vm1',
  location: 'westeurope',
  osType: 'Linux',
  vmSize: 'Standard_B2s',
  vmId: '00000000-0000-0000-0000-000000000001',
  powerState: 'running',
  agentReady: true,
  broken: false,
  createdAt: 0,
  ...extra,
});

const wire = (r: VmRecord): VirtualMachine => {
  const vm = toVirtualMachineFromWire(renderVm(r, false));
  assert.ok(vm);
  return vm;
};

const CASES: [string, Partial<VmRecord>, ReturnType<typeof needsEnhancedPolicy>][] = [
  ['a standard VM', {}, undefined],
  ['a Trusted Launch VM', { securityType: 'TrustedLaunch' }, 'TrustedLaunch'],
  ['a Confidential VM', { securityType: 'ConfidentialVM' }, undefined],
  ['a Premium SSD v2 OS disk', { osDiskStorageType: 'PremiumV2_LRS' }, 'PremiumV2Disk'],
  [
    'an Ultra data disk',
    {
      dataDisks: [
        { lun: 0, name: 'd0', sizeGB: 64 },
        { lun: 3, name: 'd3', sizeGB: 128, storageType: 'UltraSSD_LRS' },
      ],
    },
    'UltraDisk',
  ],
  [
    'a Standard SSD data disk',
    { dataDisks: [{ lun: 1, name: 'd1', sizeGB: 32, storageType: 'StandardSSD_LRS' }] },
    undefined,
  ],
];

describe('needsEnhancedPolicy: the VMs the service protects only with an Enhanced policy', () => {
  for (const [what, extra, reason] of CASES) {
    it(`${what}: ${reason ?? 'a Standard policy will do'}, as the sandbox decides`, () => {
      const r = record(extra);
      assert.equal(needsEnhancedPolicy(wire(r)), reason);
      // The sandbox refuses exactly where the rule says so, at the backup SDK's api-version.
      assert.equal(enhancedOnlyReason(r, '2023-06-01') !== undefined, reason !== undefined);
    });
  }

  it('a Trusted Launch VM takes a Standard policy from api-version 2025-01-01, in both', () => {
    const r = record({ securityType: 'TrustedLaunch' });
    assert.equal(needsEnhancedPolicy(wire(r), '2025-01-01'), undefined);
    assert.equal(enhancedOnlyReason(r, '2025-01-01'), undefined);
  });

  it('reads the data disks with LUN, name, size and type, ordered by LUN, from the Compute list and from Resource Graph', () => {
    const r = record({
      securityType: 'TrustedLaunch',
      dataDisks: [
        { lun: 2, name: 'logs', sizeGB: 256, storageType: 'PremiumV2_LRS' },
        { lun: 0, name: 'data', sizeGB: 128 },
      ],
    });
    const expected = {
      osDiskType: 'Premium_LRS',
      dataDisks: [
        { lun: 0, name: 'data', sizeGB: 128, storageType: 'Premium_LRS' },
        { lun: 2, name: 'logs', sizeGB: 256, storageType: 'PremiumV2_LRS' },
      ],
    };
    const fromList = wire(r);
    assert.deepEqual(fromList.disks, expected);
    assert.equal(fromList.securityType, 'TrustedLaunch');
    const p = (
      renderVm(r, false) as {
        properties: {
          securityProfile: { securityType: string };
          storageProfile: { osDisk: { managedDisk: { storageAccountType: string } }; dataDisks: unknown };
        };
      }
    ).properties;
    const fromGraph = toVirtualMachineFromGraph({
      id: fromList.id,
      name: 'vm1',
      securityType: p.securityProfile.securityType,
      osDiskType: p.storageProfile.osDisk.managedDisk.storageAccountType,
      dataDisks: p.storageProfile.dataDisks,
    });
    assert.deepEqual(fromGraph?.disks, expected);
    assert.equal(needsEnhancedPolicy(fromGraph!), 'PremiumV2Disk', 'a disk reason is named before Trusted Launch');
  });

  it('a VM read without its disks or security profile needs nothing; only V2 policies fit one that needs Enhanced', () => {
    assert.equal(needsEnhancedPolicy({}), undefined);
    assert.equal(policyFits({ policyType: 'V1' }, undefined), true);
    assert.equal(policyFits({ policyType: 'V1' }, 'TrustedLaunch'), false);
    assert.equal(policyFits({ policyType: 'V2' }, 'UltraDisk'), true);
  });
});
