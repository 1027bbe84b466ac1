// The coverage page's data through Resource Graph in the real extension host against the sandbox: a handful of
// queries for the whole estate, dated; a VM enabled here shown protected while Resource Graph has not indexed it
// yet (its vault read live); the per-vault join with a sentence saying why when Resource Graph refuses or its quota
// keeps refusing; and Refresh asking Resource Graph again.
import * as assert from 'assert';
import type { CoveragePanel } from '../../../src/coverage/coveragePanel';
import type { CoverageHostMessage, CoverageSnapshot } from '../../../src/coverage/protocol';
import type { CoverageRow } from '../../../src/coverage/types';
import { useApi } from '../ui/helpers';

const SUBSCRIPTION = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const GRAPH = 'Microsoft\\.ResourceGraph/resources$';
const isGraph = (path: string): boolean => new RegExp(GRAPH, 'i').test(path);

function rowOf(data: CoverageSnapshot | undefined, name: string): CoverageRow {
  const row = data?.rows.find((r) => r.name === name);
  if (!row) throw new Error(`no row ${name}`);
  return row;
}

function ok(message: CoverageHostMessage | undefined): void {
  if (message?.type !== 'coverageReply' || !message.ok) throw new Error(`no reply: ${JSON.stringify(message)}`);
}

describe('Backup coverage through Resource Graph (host)', function () {
  this.timeout(180_000);
  const host = useApi();
  let panel: CoveragePanel;

  before(async () => {
    panel = (await host.api.run('azureBackup.showCoverage')) as CoveragePanel;
  });
  after(() => {
    host.sandbox.setGraphIngestionDelay(5000);
    panel?.dispose();
  });

  it('reads the estate in a few Resource Graph queries, dated, with no listing per subscription or vault', async () => {
    const { sandbox } = host;
    sandbox.requestLog.clear();
    const data = await panel.reload();
    assert.strictEqual(data.source, 'resourceGraph');
    assert.strictEqual(data.notice, undefined);
    assert.ok(data.asOf !== undefined && Math.abs(data.asOf - Date.now()) < 60_000);
    const log = sandbox.requestLog.entries();
    assert.strictEqual(
      log.filter((e) => isGraph(e.path)).length,
      7,
      'two counts (the totals pushed first), VMs, items, vaults, policies, groups',
    );
    const perSubscription = log.filter((e) =>
      /\/(vaults|resourcegroups|virtualMachines)$|backupPolicies$/i.test(e.path),
    );
    assert.deepStrictEqual(
      perSubscription.map((e) => e.path),
      [],
    );
    const web = rowOf(data, 'web-vm-01');
    assert.deepStrictEqual(
      [web.protection, web.vaultName, web.policyName, web.lastBackupStatus, web.health],
      ['Protected', 'contoso-vault', 'DefaultPolicy', 'Completed', 'Passed'],
    );
    assert.strictEqual(rowOf(data, 'sql-vm-01').protection, 'NotProtected');
    // What bulk enable needs to offer a VM only Enhanced policies comes with the VM query.
    assert.deepStrictEqual(
      [rowOf(data, 'tl-vm-01').enhancedReason, rowOf(data, 'sql-vm-01').enhancedReason],
      ['TrustedLaunch', undefined],
    );
    const contoso = data.vaults.find((v) => v.name === 'contoso-vault');
    assert.deepStrictEqual(
      contoso?.policies.filter((p) => p.enhanced).map((p) => p.name),
      ['EnhancedPolicy'],
    );
    assert.ok(data.vaults.some((v) => v.name === 'contoso-vault' && v.policies[0]?.name === 'DefaultPolicy'));
    assert.ok(data.resourceGroups.find((g) => g.subscriptionId === SUBSCRIPTION)?.names.includes('contoso-web-rg'));
  });

  it('shows a VM enabled here as protected while Resource Graph has not indexed it, reading its vault live', async () => {
    const { sandbox } = host;
    sandbox.setGraphIngestionDelay(3_600_000);
    const vmId = sandbox.control.addVm({
      resourceGroup: 'graph-overlay-rg',
      name: 'graph-overlay-01',
      location: 'westeurope',
    });
    const before = await panel.reload(); // Resource Graph's index is taken now, before the enable
    assert.strictEqual(rowOf(before, 'graph-overlay-01').protection, 'NotProtected');
    const vault = before.vaults.find((v) => v.name === 'contoso-vault');
    assert.ok(vault);
    sandbox.requestLog.clear();
    ok(
      await panel.receive({
        type: 'enable',
        requestId: 11,
        groups: [{ subscriptionId: SUBSCRIPTION, vaultId: vault.id, policyName: 'DefaultPolicy', vmIds: [vmId] }],
      }),
    );
    const after = panel.snapshot;
    assert.strictEqual(after?.source, 'resourceGraph');
    assert.strictEqual(rowOf(after, 'graph-overlay-01').protection, 'InitialBackupPending');
    assert.strictEqual(rowOf(after, 'graph-overlay-01').vaultName, 'contoso-vault');
    const live = sandbox.requestLog
      .entries()
      .filter((e) => e.method === 'GET' && /vaults\/contoso-vault\/backupProtectedItems$/i.test(e.path));
    assert.ok(live.length >= 1, 'the vault changed here was read live');
  });

  it('falls back to the per-vault join when Resource Graph refuses (403), and says so on the page', async () => {
    host.sandbox.setFaults({ pathPattern: GRAPH, methods: ['POST'], rate: 1, kinds: ['forbidden'] });
    const data = await panel.reload();
    assert.strictEqual(data.source, 'join');
    assert.match(data.notice ?? '', /Resource Graph refused the query \(AuthorizationFailed\).*each vault/);
    assert.strictEqual(rowOf(data, 'web-vm-01').protection, 'Protected');
    assert.ok(data.vaults.some((v) => v.name === 'contoso-vault'));
  });

  it('falls back when the quota keeps refusing after the waits Resource Graph asks for, and says so', async () => {
    host.sandbox.setFaults({
      pathPattern: GRAPH,
      methods: ['POST'],
      rate: 1,
      kinds: ['throttle'],
      retryAfterSeconds: 1,
    });
    const data = await panel.reload();
    assert.strictEqual(data.source, 'join');
    assert.match(data.notice ?? '', /query quota is spent/);
    const throttled = host.sandbox.requestLog.entries().filter((e) => isGraph(e.path) && e.status === 429);
    assert.ok(throttled.length >= 2, 'retried as asked before giving up');
    assert.strictEqual(rowOf(data, 'web-vm-01').protection, 'Protected');
  });

  it('asks Resource Graph again on Refresh', async () => {
    const { sandbox } = host;
    sandbox.requestLog.clear();
    await panel.receive({ type: 'refresh' });
    assert.strictEqual(panel.snapshot?.source, 'resourceGraph');
    assert.strictEqual(panel.snapshot?.notice, undefined);
    assert.ok(sandbox.requestLog.entries().filter((e) => isGraph(e.path)).length >= 5);
  });
});
