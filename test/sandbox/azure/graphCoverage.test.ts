// Coverage sources through Resource Graph, by the Azure layer against the sandbox: the estate's VMs and backup items
// across subscriptions in pages of 1,000 (calls counted from the sandbox's request log), items identical to what
// each vault lists once Resource Graph has indexed them, and a 429 past the user's quota waited out, not failed.
import * as assert from 'node:assert/strict';
import type { BackupItem, VirtualMachine } from '../../../src/azure';
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
