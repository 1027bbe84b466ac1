// Coverage sources through Resource Graph, by the Azure layer against the sandbox: the estate's VMs and backup items
// across subscriptions in pages of 1,000 (calls counted from the sandbox's request log), items identical to what
// each vault lists once Resource Graph has indexed them, and a 429 past the user's quota waited out, not failed.
import * as assert from 'node:assert/strict';
import type { BackupItem, VirtualMachine } from '../../../src/azure';
import { sandboxSession } from '../../../src/auth';
import { createBackupService } from '../../../src/azure';
import { itemRefForProtectable, protectableNameForVm } from '../../../src/azure/ids';
import type { Harness } from './setup';
import { useHarness } from './setup';

async function all<T>(pages: AsyncIterable<T[]>): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) out.push(...page);
  return out;
}

const graphCalls = (h: Harness): number =>
  h.sandbox.requestLog.entries().filter((e) => /Microsoft\.ResourceGraph\/resources$/i.test(e.path)).length;

describe('Coverage through Resource Graph (3 subscriptions, 2,400 VMs, 1,200 items)', function () {
  this.timeout(60_000);
  const h = useHarness({
    seed: { subscriptions: 3, vaultsPerSubscription: 4, vmsPerSubscription: 800, protectedItems: 1200, jobs: 0 },
    resourceGraph: { ingestionDelayMs: 0, quota: false },
  });

  it('reads every VM and item of every subscription in pages of 1,000, never per vault or per VM', async () => {
    const subs = h.sandbox.subscriptionIds();
    h.sandbox.requestLog.clear();
    const vms: VirtualMachine[] = await all(h.service.graphVirtualMachines(subs));
    const items: BackupItem[] = await all(h.service.graphBackupItems(subs));
    assert.equal(vms.length, 2400);
    assert.equal(new Set(vms.map((v) => v.id.toLowerCase())).size, 2400);
    assert.equal(items.length, 1200);
    assert.equal(graphCalls(h), 3 + 2, 'three VM pages and two item pages');
    assert.equal(h.sandbox.requestLog.entries().length, 5, 'nothing else');
  });

  it('converts an item exactly as the vault lists it', async () => {
    const subs = h.sandbox.subscriptionIds();
    const fromGraph = new Map((await all(h.service.graphBackupItems(subs))).map((i) => [i.id.toLowerCase(), i]));
    const vaults = await h.service.listVaults(subs[0]);
    const vault = vaults.items[0];
    const listed = await h.service.listBackupItems({
      subscriptionId: vault.subscriptionId,
      resourceGroup: vault.resourceGroup,
      name: vault.name,
    });
    assert.ok(listed.items.length > 0);
    for (const item of listed.items) {
      const twin = fromGraph.get(item.id.toLowerCase());
      assert.ok(twin, `${item.name} in Resource Graph`);
      // Extended info (recovery point count) is not a Resource Graph column; everything else matches.
      assert.deepEqual(
        { ...twin, recoveryPointCount: undefined, lastRecoveryPoint: undefined },
        { ...item, recoveryPointCount: undefined, lastRecoveryPoint: undefined },
      );
    }
  });
});

describe('Coverage through Resource Graph under the per-user quota', function () {
  this.timeout(60_000);
  const h = useHarness({
    seed: { subscriptions: 1, vaultsPerSubscription: 1, vmsPerSubscription: 10, protectedItems: 5, jobs: 0 },
    resourceGraph: { ingestionDelayMs: 0, quota: { requests: 2, windowMs: 2000 } },
    speed: 1,
  });

  it('waits out a 429 RateLimiting as Resource Graph asks and then answers', async () => {
    const subs = h.sandbox.subscriptionIds();
    h.sandbox.requestLog.clear();
    const results = await Promise.all([1, 2, 3].map(() => all(h.service.graphBackupItems(subs))));
    assert.deepEqual(
      results.map((r) => r.length),
      [5, 5, 5],
    );
    const statuses = h.sandbox.requestLog.entries().map((e) => e.status);
    assert.ok(statuses.includes(429), `the quota was spent once: ${statuses.join(',')}`);
  });
});

describe('Coverage through Resource Graph: the streamed join', function () {
  this.timeout(60_000);
  const h = useHarness({
    seed: { subscriptions: 3, vaultsPerSubscription: 4, vmsPerSubscription: 800, protectedItems: 1200, jobs: 0 },
    resourceGraph: { ingestionDelayMs: 0, quota: false },
  });

  it('joins every VM with its item as the per-vault join does, yielding rows before the last page is read', async () => {
    const subs = h.sandbox.subscriptionIds();
    h.sandbox.requestLog.clear();
    const vms: VirtualMachine[] = [];
    let callsAtFirstRows: number | undefined;
    for await (const page of h.service.graphProtectedVirtualMachines(subs, Date.now())) {
      callsAtFirstRows ??= graphCalls(h);
      vms.push(...page);
    }
    assert.equal(graphCalls(h), 3 + 2, 'three VM pages and two item pages, nothing per vault');
    assert.ok(callsAtFirstRows !== undefined && callsAtFirstRows < 5, `first rows after ${callsAtFirstRows} calls`);
    const joined = new Map<string, VirtualMachine>();
    for (const sub of subs)
      for (const vm of await h.service.listVirtualMachinesWithProtection(sub)) joined.set(vm.id.toLowerCase(), vm);
    assert.equal(vms.length, joined.size);
    const differences = vms.filter((vm) => {
      const twin = joined.get(vm.id.toLowerCase());
      return twin?.protection?.state !== vm.protection?.state || twin?.protection?.vaultId !== vm.protection?.vaultId;
    });
    assert.deepEqual(
      differences.map((vm) => vm.name),
      [],
    );
    assert.equal(vms.filter((vm) => vm.protection?.state !== 'NotProtected').length, 1200);
  });

  it('reads the vaults, their VM policies and the resource groups in one query each, as ARM lists them', async () => {
    const subs = h.sandbox.subscriptionIds();
    h.sandbox.requestLog.clear();
    const [vaults, policies, groups] = await Promise.all([
      h.service.graphVaults(subs),
      h.service.graphPolicies(subs),
      h.service.graphResourceGroups(subs),
    ]);
    assert.equal(graphCalls(h), 3);
    assert.equal(vaults.length, 12);
    const listed = (await h.service.listVaults(subs[1])).items;
    const vault = listed[0];
    const fromGraph = vaults.find((v) => v.id.toLowerCase() === vault.id.toLowerCase());
    assert.deepEqual(fromGraph, {
      id: vault.id,
      name: vault.name,
      resourceGroup: vault.resourceGroup,
      subscriptionId: vault.subscriptionId,
      location: vault.location,
    });
    const ref = { subscriptionId: vault.subscriptionId, resourceGroup: vault.resourceGroup, name: vault.name };
    const vaultPolicies = (await h.service.listPolicies(ref)).items.filter(
      (p) => p.backupManagementType === 'AzureIaasVM',
    );
    assert.deepEqual(
      policies
        .filter((p) => p.vaultId.toLowerCase() === vault.id.toLowerCase())
        .sort((a, b) => a.name.localeCompare(b.name)),
      vaultPolicies.sort((a, b) => a.name.localeCompare(b.name)),
      'schedules, times and retention read as the vault lists them',
    );
    const rgs = (await h.service.listResourceGroups(subs[2])).map((g) => g.name).sort();
    assert.deepEqual(
      groups
        .filter((g) => g.subscriptionId.toLowerCase() === subs[2].toLowerCase())
        .map((g) => g.name)
        .sort(),
      rgs,
    );
  });

  it('counts the VMs per subscription and region and the items per state before reading a row', async () => {
    const subs = h.sandbox.subscriptionIds();
    h.sandbox.requestLog.clear();
    const counts = await h.service.graphCounts(subs);
    assert.equal(graphCalls(h), 2);
    assert.equal(
      counts.virtualMachines.reduce((n, c) => n + c.count, 0),
      2400,
    );
    assert.equal(
      counts.items.reduce((n, c) => n + c.count, 0),
      1200,
    );
  });
});

describe('Coverage through Resource Graph: what this session changed shows at once', function () {
  this.timeout(60_000);
  const h = useHarness({
    seed: { subscriptions: 1, vaultsPerSubscription: 1, vmsPerSubscription: 20, protectedItems: 5, jobs: 0 },
    // An hour of simulated time (36 s here): Resource Graph shows nothing changed during the test.
    resourceGraph: { ingestionDelayMs: 3_600_000, quota: false },
  });

  it('reads a vault changed here live, where Resource Graph still shows the VM unprotected', async () => {
    const subs = h.sandbox.subscriptionIds();
    const before = await all(h.service.graphProtectedVirtualMachines(subs, Date.now()));
    const vault = (await h.service.listVaults(subs[0])).items[0];
    const vm = before.find((v) => v.protection?.state === 'NotProtected' && v.location === vault.location);
    assert.ok(vm);
    const ref = { subscriptionId: vault.subscriptionId, resourceGroup: vault.resourceGroup, name: vault.name };
    const started = Date.now();
    const op = await h.service.enableProtection(ref, vm, 'DefaultPolicy');
    assert.equal(op.outcome, 'Completed');
    const stateOf = async (since: number): Promise<string | undefined> =>
      (await all(h.service.graphProtectedVirtualMachines(subs, since))).find((v) => v.id === vm.id)?.protection?.state;
    assert.equal(await stateOf(Date.now() + 60_000), 'NotProtected', 'Resource Graph has not indexed the change');
    h.sandbox.requestLog.clear();
    assert.match(String(await stateOf(started)), /^(InitialBackupPending|Protected)$/);
    const live = h.sandbox.requestLog.entries().filter((e) => /protectedItems$/i.test(e.path));
    assert.equal(live.length, 1, 'one live items listing, of the vault changed here');
  });
  it('reads the changed vault live on every load, not a listing cached since the change', async () => {
    const subs = h.sandbox.subscriptionIds();
    const cached = createBackupService(sandboxSession(h.sandbox), {
      cacheListings: true,
      pollIntervalMs: 20,
      maxPollIntervalMs: 100,
    });
    const vault = (await cached.listVaults(subs[0])).items[0];
    const ref = { subscriptionId: vault.subscriptionId, resourceGroup: vault.resourceGroup, name: vault.name };
    const vm = (await all(cached.graphProtectedVirtualMachines(subs, Date.now()))).find(
      (v) => v.protection?.state === 'NotProtected' && v.location === vault.location,
    );
    assert.ok(vm);
    const started = Date.now();
    assert.equal((await cached.enableProtection(ref, vm, 'DefaultPolicy')).outcome, 'Completed');
    const stateOf = async (): Promise<string | undefined> =>
      (await all(cached.graphProtectedVirtualMachines(subs, started))).find((v) => v.id === vm.id)?.protection?.state;
    assert.match(String(await stateOf()), /^(InitialBackupPending|Protected)$/);
    // Someone else (another session) stops it: this session's next load must see that, not its own cached listing.
    const item = itemRefForProtectable(ref, protectableNameForVm(vm.resourceGroup, vm.name));
    assert.equal((await h.service.stopProtection(item, 'RetainData')).outcome, 'Completed');
    assert.equal(await stateOf(), 'ProtectionStopped');
  });
});

describe('Coverage through Resource Graph: pacing by the quota headers', function () {
  this.timeout(60_000);
  const h = useHarness({
    seed: { subscriptions: 1, vaultsPerSubscription: 1, vmsPerSubscription: 10, protectedItems: 5, jobs: 0 },
    resourceGraph: { ingestionDelayMs: 0, quota: { requests: 2, windowMs: 1500 } },
    speed: 1,
  });

  it('waits for the window to reset once x-ms-user-quota-remaining is 0, so no query is refused', async () => {
    const subs = h.sandbox.subscriptionIds();
    h.sandbox.requestLog.clear();
    const started = Date.now();
    for (let i = 0; i < 5; i++) assert.equal((await h.service.graphVaults(subs)).length, 1);
    const statuses = h.sandbox.requestLog.entries().map((e) => e.status);
    assert.deepEqual(statuses, [200, 200, 200, 200, 200]);
    assert.ok(Date.now() - started >= 2500, 'two resets waited for');
  });
});
