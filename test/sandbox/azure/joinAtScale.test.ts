// The VM protection join at scale: 2,000 VMs across 20 vaults. The number of calls, read from the sandbox's
// own request log, must be the VM list pages (Resource Graph, 1,000 rows each) + the vault list pages + the item
// list pages: nothing per VM.
import * as assert from 'node:assert/strict';
import { createBackupService } from '../../../src/azure';
import { sandboxSession } from '../../../src/auth';
import type { Harness } from './setup';
import { startHarness } from './setup';

const GRAPH_PAGE = 1000;

const PAGE_SIZE = 50;

describe('VM protection join at scale (2,000 VMs, 20 vaults)', function () {
  this.timeout(60_000);
  let h: Harness;
  before(async () => {
    h = await startHarness({
      seed: { subscriptions: 1, vaultsPerSubscription: 20, vmsPerSubscription: 2000, protectedItems: 1200, jobs: 0 },
      pageSize: PAGE_SIZE,
    });
  });
  after(async () => {
    await h.sandbox.stop();
  });

  it('costs one call per page, never one per VM', async () => {
    const state = h.sandbox.control.snapshot();
    const sub = h.subscriptionId;
    const vms = state.vms.filter((v) => v.subscriptionId === sub);
    const vaults = state.vaults.filter((v) => v.subscriptionId === sub);
    assert.equal(vms.length, 2000);
    assert.equal(vaults.length, 20);
    const pages = (n: number) => Math.max(1, Math.ceil(n / PAGE_SIZE));
    const itemPages = vaults.reduce((sum, v) => {
      const key = `${v.subscriptionId}/${v.resourceGroup}/${v.name}`.toLowerCase();
      return sum + pages(state.items.filter((i) => i.vaultKey === key).length);
    }, 0);
    const vmPages = Math.ceil(vms.length / GRAPH_PAGE);
    const expected = vmPages + pages(vaults.length) + itemPages;

    h.sandbox.requestLog.clear();
    const started = Date.now();
    const joined = await h.service.listVirtualMachinesWithProtection(sub);
    const elapsed = Date.now() - started;
    const log = h.sandbox.requestLog.entries();

    assert.equal(joined.length, 2000);
    const protectedCount = joined.filter((v) => v.protection?.state === 'Protected').length;
    assert.equal(
      protectedCount,
      state.items.filter((i) =>
        vaults.some((v) => i.vaultKey === `${v.subscriptionId}/${v.resourceGroup}/${v.name}`.toLowerCase()),
      ).length,
    );
    assert.ok(joined.every((v) => v.protection?.state === 'Protected' || v.protection?.state === 'NotProtected'));
    assert.equal(
      log.length,
      expected,
      `calls: ${log.length}, expected ${expected} (VM pages ${vmPages}, vault pages ${pages(vaults.length)}, item pages ${itemPages})`,
    );
    assert.equal(
      log.filter((e) => e.method === 'POST' && /Microsoft\.ResourceGraph\/resources$/i.test(e.path)).length,
      vmPages,
      'VM pages through Resource Graph',
    );
    assert.ok(
      log.every((e) => e.method === 'GET' || /Microsoft\.ResourceGraph\/resources$/i.test(e.path)),
      'only reads',
    );
    assert.equal(
      log.filter((e) => /virtualMachines\/[^/?]+$/i.test(e.path) || /backupStatus/i.test(e.path)).length,
      0,
      'no per-VM call',
    );
    assert.equal(log.filter((e) => /backupProtectedItems/i.test(e.path)).length, itemPages);
    // Printed for the closing note.
    console.log(
      `      join: ${log.length} calls (${vmPages} VM pages + ${pages(vaults.length)} vault page(s) + ${itemPages} item pages), ${protectedCount} protected of 2000, ${elapsed} ms`,
    );
  });

  it('with cached listings, a join reading 12 vaults at a time warns of no listener leak (one shared signal, many readers)', async () => {
    const service = createBackupService(sandboxSession(h.sandbox), { cacheListings: true, concurrency: 12 });
    const warnings: string[] = [];
    const onWarning = (w: Error): void => {
      warnings.push(`${w.name}: ${w.message}`);
    };
    process.on('warning', onWarning);
    try {
      assert.equal((await service.listVirtualMachinesWithProtection(h.subscriptionId)).length, 2000);
      await new Promise((r) => setImmediate(r)); // warnings are emitted on a later tick
    } finally {
      process.off('warning', onWarning);
    }
    assert.deepEqual(
      warnings.filter((w) => w.startsWith('MaxListenersExceededWarning')),
      [],
    );
  });

  it("with cached listings (as the tree runs it), the Backup items nodes reuse the join's pages; a refresh re-reads only what it names", async () => {
    const sub = h.subscriptionId;
    const service = createBackupService(sandboxSession(h.sandbox), { cacheListings: true });
    const state = h.sandbox.control.snapshot();
    const vaults = state.vaults.filter((v) => v.subscriptionId === sub);
    const refs = vaults.map((v) => ({ subscriptionId: sub, resourceGroup: v.resourceGroup, name: v.name }));
    const itemCalls = () => h.sandbox.requestLog.entries().filter((e) => /backupProtectedItems/i.test(e.path)).length;
    const vaultListCalls = () =>
      h.sandbox.requestLog.entries().filter((e) => /Microsoft\.RecoveryServices\/vaults\/?$/i.test(e.path)).length;

    h.sandbox.requestLog.clear();
    await service.listVirtualMachinesWithProtection(sub);
    const joinItemCalls = itemCalls();
    assert.equal(vaultListCalls(), 1);
    // Every vault's "Backup items" page by page, as the tree does ("Load more" until the end), and the Vaults node.
    for (const ref of refs) {
      let token: string | undefined;
      do {
        token = (await service.listBackupItems(ref, { continuationToken: token, maxItems: PAGE_SIZE }))
          .continuationToken;
      } while (token);
    }
    await service.listVaults(sub);
    assert.equal(itemCalls(), joinItemCalls, 'no item page fetched twice');
    assert.equal(vaultListCalls(), 1, 'the vault list fetched once');

    // Refreshing one vault's Backup items re-reads that vault only; the join then re-reads nothing else.
    service.forgetListings({ subscriptionId: sub, vault: refs[0] });
    await service.listBackupItems(refs[0]);
    await service.listVirtualMachinesWithProtection(sub);
    const firstVaultPages = Math.max(
      1,
      Math.ceil(
        state.items.filter((i) => i.vaultKey === `${sub}/${refs[0].resourceGroup}/${refs[0].name}`.toLowerCase())
          .length / PAGE_SIZE,
      ),
    );
    assert.equal(itemCalls(), joinItemCalls + firstVaultPages);
    assert.equal(vaultListCalls(), 1);
  });
});
