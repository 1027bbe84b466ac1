import * as assert from 'assert';
import type { BackupService, EnableResult } from '../../../src/azure/backupService';
import type { Vault, VirtualMachine } from '../../../src/azure/model';
import { bulkEnable } from '../../../src/coverage/bulkEnable';
import type { VmProgress } from '../../../src/coverage/protocol';
import { item, vm } from './fixtures';

const weu: Vault = {
  id: '/subscriptions/sub-a/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v1',
  name: 'v1',
  resourceGroup: 'rg',
  subscriptionId: 'sub-a',
  location: 'westeurope',
  redundancy: 'GeoRedundant',
  crossRegionRestore: false,
};
const words = {
  vaultNotFound: 'no vault',
  vmNotFound: 'no vm',
  otherRegion: 'other region',
  enhancedRequired: (vm: string, reason: string, policy: string) => `${vm} needs Enhanced (${reason}), not ${policy}`,
};

/** Only the calls bulk enable makes; every other member throws if touched ('then' stays undefined: not a promise). */
function fakeService(vms: VirtualMachine[], failing: string[], calls: string[]): BackupService {
  const service: Partial<BackupService> = {
    listVirtualMachinesWithProtection: async () => {
      calls.push('join');
      return vms;
    },
    listVaults: async () => ({ items: [weu] }),
    enableProtectionMany: async (_ref, list, policy, options) => {
      calls.push(`enable ${list.map((v) => v.name).join('+')} ${policy}`);
      return list.map((v) => {
        const r: EnableResult = failing.includes(v.name)
          ? { vmId: v.id, ok: false, error: { code: 'Boom', message: 'broke' } }
          : v.securityType
            ? { vmId: v.id, ok: false, error: { code: 'EnhancedPolicyRequired', message: 'English', requestId: 'r1' } }
            : { vmId: v.id, ok: true };
        options?.onResult?.(r);
        return r;
      });
    },
  };
  return new Proxy(service, {
    get: (t, k) =>
      k in t
        ? t[k as keyof BackupService]
        : k === 'then'
          ? undefined
          : () => {
              throw new Error(`unexpected ${String(k)}`);
            },
  }) as BackupService;
}

describe('Coverage: bulk enable', () => {
  it('re-reads the join, skips VMs protected meanwhile, calls once per vault and reports every VM', async () => {
    const calls: string[] = [];
    const vms = [vm('a'), vm('b', item()), vm('c'), { ...vm('far'), location: 'northeurope' }];
    const pushed: VmProgress[] = [];
    const results = await bulkEnable(
      [
        {
          subscriptionId: 'sub-a',
          vaultId: weu.id.toUpperCase(),
          policyName: 'DefaultPolicy',
          vmIds: [...vms.map((v) => v.id), '/nope'],
        },
      ],
      { serviceFor: async () => fakeService(vms, ['c'], calls), onProgress: (p) => pushed.push(p), words },
    );
    assert.deepStrictEqual(calls, ['join', 'enable a+c DefaultPolicy']);
    assert.deepStrictEqual(
      results.map((r) => [r.vmId.split('/').pop(), r.state]),
      [
        ['a', 'done'],
        ['b', 'skipped'],
        ['c', 'failed'],
        ['far', 'failed'],
        ['nope', 'failed'],
      ],
    );
    assert.strictEqual(results[1].vaultName, 'v1');
    assert.deepStrictEqual(results[2].error, { code: 'Boom', message: 'broke' });
    assert.strictEqual(results[3].error?.code, 'OtherRegion');
    assert.ok(pushed.some((p) => p.state === 'queued') && pushed.some((p) => p.state === 'done'));
  });

  it('fails every VM of a vault that no longer exists, without calling enable', async () => {
    const calls: string[] = [];
    const results = await bulkEnable(
      [{ subscriptionId: 'sub-a', vaultId: '/gone', policyName: 'DefaultPolicy', vmIds: [vm('a').id] }],
      { serviceFor: async () => fakeService([vm('a')], [], calls), onProgress: () => undefined, words },
    );
    assert.deepStrictEqual(calls, ['join']);
    assert.deepStrictEqual(
      results.map((r) => [r.state, r.error?.message]),
      [['failed', 'no vault']],
    );
  });

  it("says the Azure layer's refusal of a Standard policy in the host's words, with the reason the VM read fresh has", async () => {
    const tl = { ...vm('tl'), securityType: 'TrustedLaunch', disks: { dataDisks: [] } };
    const [result] = await bulkEnable(
      [{ subscriptionId: 'sub-a', vaultId: weu.id, policyName: 'DefaultPolicy', vmIds: [tl.id] }],
      { serviceFor: async () => fakeService([tl], [], []), onProgress: () => undefined, words },
    );
    assert.deepStrictEqual(result.error, {
      code: 'EnhancedPolicyRequired',
      message: 'tl needs Enhanced (TrustedLaunch), not DefaultPolicy',
      requestId: 'r1',
    });
  });
});
