// The workflows of the matrix, as the UI drives them through the Azure layer. Each prepares a fresh subject
// with faults off, then names the one request faults aim at, how to run it, and what success leaves behind.
import * as assert from 'node:assert/strict';
import type { PolicyInput } from '../../../src/azure';
import type { Harness } from './harness';
import { addVm, itemRefOf, jobsOfVm, whileAdvancing } from './harness';
import type { Outcome } from './outcome';
import { fromOperation, fromResults } from './outcome';

export interface Prepared {
  /** The request faults aim at: a path RegExp source (case-insensitive) and its methods. */
  target: { pathPattern: string; methods: string[] };
  run(signal?: AbortSignal): Promise<Outcome>;
  /** Asserts what a successful run leaves behind. */
  check(): Promise<void>;
  /** The VM whose backup the failing-job fault breaks. */
  vmId?: string;
}

export interface Workflow {
  name: string;
  /** Target requests a clean run sends. */
  targetCalls: number;
  /** Starts a backup-service async operation (failOperations applies). */
  startsOperation?: boolean;
  /** Runs a Backup job (a broken VM applies). */
  runsBackupJob?: boolean;
  prepare(h: Harness): Promise<Prepared>;
}

const ok: Outcome = { kind: 'ok' };
const get = (pathPattern: string) => ({ pathPattern, methods: ['GET'] });

const nightly = (name: string): PolicyInput => ({
  name,
  schedule: { frequency: 'Daily', time: '23:30' },
  timeZone: 'UTC',
  instantRestoreDays: 2,
  retention: { dailyDays: 14 },
});

/** A VM protected by the story vault, its enable job done. */
async function protectedVm(h: Harness) {
  const vm = addVm(h);
  const op = await whileAdvancing(h.sandbox, () => h.service.enableProtection(h.vault, vm, 'DefaultPolicy'));
  assert.equal(op.outcome, 'Completed', JSON.stringify(op.error));
  return { vm, item: itemRefOf(h.vault, vm.name) };
}

/** Lets every running job of the story finish, so the next backup of web-vm-01 is not refused. */
function settle(h: Harness): void {
  h.sandbox.clock.advance(120_000);
}

export const WORKFLOWS: Workflow[] = [
  {
    name: 'tree: listSubscriptions',
    targetCalls: 1,
    prepare: async (h) => ({
      target: get('^/subscriptions$'),
      run: async (signal) => {
        assert.equal((await h.service.listSubscriptions(signal)).length, 1);
        return ok;
      },
      check: async () => undefined,
    }),
  },
  {
    name: 'tree: listVaults',
    targetCalls: 1,
    prepare: async (h) => ({
      target: get('Microsoft.RecoveryServices/vaults$'),
      run: async (signal) => {
        assert.ok(
          (await h.service.listVaults(h.subscriptionId, { signal })).items.some((v) => v.name === 'contoso-vault'),
        );
        return ok;
      },
      check: async () => undefined,
    }),
  },
  {
    name: 'tree: listBackupItems',
    targetCalls: 1,
    prepare: async (h) => ({
      target: get('/backupProtectedItems$'),
      run: async (signal) => {
        assert.ok(
          (await h.service.listBackupItems(h.vault, { signal })).items.some((i) => i.friendlyName === 'web-vm-01'),
        );
        return ok;
      },
      check: async () => undefined,
    }),
  },
  {
    name: 'tree: listJobs',
    targetCalls: 1,
    prepare: async (h) => ({
      target: get('/backupJobs$'),
      run: async (signal) => {
        assert.ok((await h.service.listJobs(h.vault, {}, { signal })).items.length >= 4);
        return ok;
      },
      check: async () => undefined,
    }),
  },
  {
    name: 'tree: listPolicies',
    targetCalls: 1,
    prepare: async (h) => ({
      target: get('/backupPolicies$'),
      run: async (signal) => {
        assert.ok((await h.service.listPolicies(h.vault, { signal })).items.some((p) => p.name === 'DefaultPolicy'));
        return ok;
      },
      check: async () => undefined,
    }),
  },
  {
    name: 'tree: listVirtualMachinesWithProtection',
    targetCalls: 1,
    prepare: async (h) => ({
      // The VM list comes from Resource Graph (operations/resourceGraph.ts).
      target: { pathPattern: '/providers/Microsoft.ResourceGraph/resources$', methods: ['POST'] },
      run: async (signal) => {
        const vms = await h.service.listVirtualMachinesWithProtection(h.subscriptionId, signal);
        assert.equal(vms.find((v) => v.name === 'web-vm-01')?.protection?.vaultName, 'contoso-vault');
        return ok;
      },
      check: async () => undefined,
    }),
  },
  {
    name: 'create vault',
    targetCalls: 1,
    prepare: async (h) => {
      const name = h.fresh('rel-vault');
      const ref = { subscriptionId: h.subscriptionId, resourceGroup: 'rel-rg', name };
      return {
        target: { pathPattern: `/vaults/${name}$`, methods: ['PUT'] },
        run: async (signal) => {
          await h.service.createVault({ ...ref, createResourceGroup: true, location: 'westeurope' }, signal);
          return ok;
        },
        check: async () => assert.equal((await h.service.getVault(ref)).name, name),
      };
    },
  },
  {
    name: 'storage replication',
    targetCalls: 1,
    prepare: async (h) => {
      const ref = { subscriptionId: h.subscriptionId, resourceGroup: 'rel-rg', name: h.fresh('rel-store') };
      await h.service.createVault({ ...ref, createResourceGroup: true, location: 'westeurope' });
      return {
        target: { pathPattern: '/backupstorageconfig/vaultstorageconfig$', methods: ['PUT', 'PATCH'] },
        run: async (signal) => {
          await h.service.setStorageConfig(ref, 'LocallyRedundant', false, signal);
          return ok;
        },
        check: async () => assert.equal((await h.service.getStorageConfig(ref)).redundancy, 'LocallyRedundant'),
      };
    },
  },
  {
    name: 'enable backup (one VM)',
    targetCalls: 1,
    startsOperation: true,
    prepare: async (h) => {
      const vm = addVm(h);
      return {
        target: { pathPattern: `/protectedItems/[^/]*${vm.name}$`, methods: ['PUT'] },
        run: (signal) =>
          whileAdvancing(h.sandbox, async () =>
            fromOperation(await h.service.enableProtection(h.vault, vm, 'DefaultPolicy', { signal })),
          ),
        check: async () => {
          assert.equal((await h.service.getBackupItem(itemRefOf(h.vault, vm.name))).policyName, 'DefaultPolicy');
          assert.equal(jobsOfVm(h.sandbox, vm.name, 'ConfigureBackup').length, 1);
        },
      };
    },
  },
  {
    name: 'enable backup (many, from the vault)',
    targetCalls: 2,
    startsOperation: true,
    prepare: async (h) => {
      const vms = [addVm(h), addVm(h)];
      return {
        target: { pathPattern: `/protectedItems/[^/]*(${vms.map((v) => v.name).join('|')})$`, methods: ['PUT'] },
        run: (signal) =>
          whileAdvancing(h.sandbox, async () =>
            fromResults(await h.service.enableProtectionMany(h.vault, vms, 'DefaultPolicy', { signal })),
          ),
        check: async () => {
          const items = (await h.service.listBackupItems(h.vault)).items.map((i) => i.friendlyName);
          for (const vm of vms) {
            assert.ok(items.includes(vm.name), vm.name);
            assert.equal(jobsOfVm(h.sandbox, vm.name, 'ConfigureBackup').length, 1);
          }
        },
      };
    },
  },
  {
    name: 'backup now',
    targetCalls: 1,
    startsOperation: true,
    runsBackupJob: true,
    prepare: async (h) => {
      settle(h);
      const before = jobsOfVm(h.sandbox, 'web-vm-01', 'Backup').length;
      return {
        target: { pathPattern: '/backup$', methods: ['POST'] },
        run: (signal) =>
          whileAdvancing(h.sandbox, async () =>
            fromOperation(await h.service.backupNow(h.web01, new Date(Date.now() + 30 * 86_400_000), { signal })),
          ),
        check: async () => {
          // A failed attempt (broken VM) may leave its own Failed job; never a second successful one.
          const added = jobsOfVm(h.sandbox, 'web-vm-01', 'Backup').slice(before);
          assert.deepEqual(
            added.filter((j) => j.status !== 'Failed').map((j) => j.status),
            ['Completed'],
          );
        },
        vmId: h.sandbox.control.snapshot().vms.find((v) => v.name === 'web-vm-01')?.vmId,
      };
    },
  },
  {
    name: 'cancel job',
    targetCalls: 1,
    prepare: async (h) => {
      settle(h);
      // Slow steps: the 2 s trigger operation ends, the 40 s job is still running when tracking returns.
      const started = await whileAdvancing(
        h.sandbox,
        () => h.service.backupNow(h.web01, new Date(Date.now() + 30 * 86_400_000), { untilJobStarted: true }),
        500,
      );
      const jobId = started.jobId ?? '';
      assert.ok(jobId, 'a running backup to cancel');
      return {
        target: { pathPattern: `/backupJobs/${jobId}/cancel$`, methods: ['POST'] },
        run: async (signal) => {
          assert.equal((await h.service.cancelJob(h.vault, jobId, signal)).status, 'Cancelling');
          return ok;
        },
        check: async () => {
          h.sandbox.clock.advance(5_000);
          assert.equal((await h.service.getJob(h.vault, jobId)).status, 'Cancelled');
        },
      };
    },
  },
  {
    name: 'stop protection (retain data)',
    targetCalls: 1,
    startsOperation: true,
    prepare: async (h) => {
      const { vm, item } = await protectedVm(h);
      return {
        target: { pathPattern: `/protectedItems/[^/]*${vm.name}$`, methods: ['PUT'] },
        run: (signal) =>
          whileAdvancing(h.sandbox, async () =>
            fromOperation(await h.service.stopProtection(item, 'RetainData', { signal })),
          ),
        check: async () => {
          assert.equal((await h.service.getBackupItem(item)).protectionState, 'ProtectionStopped');
          assert.equal(jobsOfVm(h.sandbox, vm.name, 'DisableBackup').length, 1);
        },
      };
    },
  },
  {
    name: 'stop protection (delete data)',
    targetCalls: 1,
    startsOperation: true,
    prepare: async (h) => {
      const { vm, item } = await protectedVm(h);
      return {
        target: { pathPattern: `/protectedItems/[^/]*${vm.name}$`, methods: ['DELETE'] },
        run: (signal) =>
          whileAdvancing(h.sandbox, async () =>
            fromOperation(await h.service.stopProtection(item, 'DeleteData', { signal })),
          ),
        check: async () => {
          // The vault has soft delete on: the item's data is kept, flagged, for its retention (once, not twice).
          const kept = h.sandbox.control.snapshot().items.filter((i) => i.vmKey.endsWith(`/${vm.name.toLowerCase()}`));
          assert.equal(kept.length, 1);
          assert.ok(kept[0].softDeletedAt !== undefined, 'the item is soft-deleted');
          assert.equal(jobsOfVm(h.sandbox, vm.name, 'DeleteBackupData').length, 1);
        },
      };
    },
  },
  {
    name: 'policy create',
    targetCalls: 1,
    prepare: async (h) => {
      const name = h.fresh('rel-policy');
      return {
        target: { pathPattern: `/backupPolicies/${name}$`, methods: ['PUT'] },
        run: async (signal) => {
          await h.service.createOrUpdatePolicy(h.vault, nightly(name), signal);
          return ok;
        },
        check: async () => assert.equal((await h.service.getPolicy(h.vault, name)).retention?.dailyDays, 14),
      };
    },
  },
];
