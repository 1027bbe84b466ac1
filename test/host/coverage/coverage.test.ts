// The coverage view against the sandbox, in the real extension host: the data it reads (through the join, no
// per-VM calls), exports, bulk protection with a partial failure and a re-run that only does the rest, and bulk
// protection of VMs only an Enhanced policy protects (Trusted Launch, an Ultra disk): the rows say why, the page's
// plan gives them the vault's Enhanced policy, and a Standard policy sent for one anyway (a page older than the VM's
// change) is refused before anything is sent, in the user's words.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { CoveragePanel } from '../../../src/coverage/coveragePanel';
import type { CoverageHostMessage, CoverageResult, EnableGroup } from '../../../src/coverage/protocol';
import { groupForProtection, groupRequests } from '../../../src/coverage/regionPlan';
import type { CoverageRow } from '../../../src/coverage/types';
import { useApi } from '../ui/helpers';

const SUBSCRIPTION = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

function rowOf(panel: CoveragePanel, name: string): CoverageRow {
  const row = panel.snapshot?.rows.find((r) => r.name === name);
  if (!row) throw new Error(`no row ${name}`);
  return row;
}

function resultOf(message: CoverageHostMessage | undefined): CoverageResult {
  if (message?.type !== 'coverageReply') throw new Error(`no reply: ${JSON.stringify(message)}`);
  if (!message.ok) throw new Error(`${message.error.code ?? ''} ${message.error.message}`);
  return message.result;
}

/** Each VM's final state by VM name. */
const state = (r: CoverageResult) =>
  Object.fromEntries((r.progress ?? []).map((p) => [p.vmId.split('/').pop(), p.state]));

describe('Backup coverage (host)', function () {
  this.timeout(180_000);
  const host = useApi();
  let panel: CoveragePanel;

  before(async () => {
    panel = (await host.api.run('azureBackup.showCoverage')) as CoveragePanel;
  });
  after(() => panel?.dispose());

  it('reads every VM with its protection through the join, with no call per VM', async () => {
    const { sandbox } = host;
    sandbox.requestLog.clear();
    const data = await panel.reload();
    const web = rowOf(panel, 'web-vm-01');
    assert.deepStrictEqual(
      [web.protection, web.vaultName, web.policyName, web.lastBackupStatus, web.health, web.failing, web.stale],
      ['Protected', 'contoso-vault', 'DefaultPolicy', 'Completed', 'Passed', false, false],
    );
    assert.ok(web.lastSuccessTime !== undefined);
    assert.strictEqual(rowOf(panel, 'sql-vm-01').protection, 'NotProtected');
    assert.ok(data.totals.all.total >= 7 && data.totals.all.protected >= 1);
    assert.deepStrictEqual(
      data.totals.byRegion.map((r) => r.location).filter((l) => l.endsWith('europe')),
      ['northeurope', 'westeurope'],
    );
    assert.ok(data.vaults.some((v) => v.name === 'contoso-vault' && v.policies[0]?.name === 'DefaultPolicy'));
    const perVm = sandbox.requestLog.entries().filter((e) => /virtualMachines\/[^/]+$|backupStatus/i.test(e.path));
    assert.deepStrictEqual(
      perVm.map((e) => e.path),
      [],
    );
  });

  it('is one panel: a second open reveals the first', async () => {
    assert.strictEqual(await host.api.run('azureBackup.showCoverage'), panel);
  });

  it('answers the page after the ready handshake and refuses malformed messages', async () => {
    const init = await panel.receive({ type: 'ready' });
    assert.strictEqual(init?.type, 'init');
    assert.strictEqual(
      await panel.receive({ type: 'enable', requestId: 1, groups: [{ vmIds: ['x'], evil: 1 }] }),
      undefined,
    );
    assert.strictEqual(await panel.receive({ type: 'export', requestId: 2, format: 'exe' }), undefined);
  });

  it('keeps the rows: the page gets the data without them and asks for windows, selections and lookups', async () => {
    const init = await panel.receive({ type: 'ready' });
    assert.ok(init?.type === 'init' && init.data, 'init carries the data');
    assert.ok(!('rows' in init.data), 'no rows in the data sent to the page');
    const all = panel.snapshot?.rows ?? [];
    const filter = { status: 'all' as const, subscriptionId: '', location: '', text: '' };
    const sort = { key: 'name' as const, descending: false };
    const first = resultOf(await panel.receive({ type: 'rows', requestId: 10, filter, sort, offset: 0, count: 2 }));
    const next = resultOf(await panel.receive({ type: 'rows', requestId: 11, filter, sort, offset: 2, count: 2 }));
    const byName = all.map((r) => r.name).sort((a, b) => a.localeCompare(b));
    assert.deepStrictEqual(
      [
        first.window?.total,
        first.window?.version,
        [...(first.window?.rows ?? []), ...(next.window?.rows ?? [])].map((r) => r.name),
      ],
      [all.length, init.data.version, byName.slice(0, 4)],
    );
    const unprotected = { ...filter, location: 'northeurope' };
    const selected = resultOf(await panel.receive({ type: 'selectFiltered', requestId: 12, filter: unprotected }));
    const expected = all.filter((r) => r.location === 'northeurope' && r.protection === 'NotProtected');
    assert.deepStrictEqual(selected.rows?.map((r) => r.name).sort(), expected.map((r) => r.name).sort());
    const sql = rowOf(panel, 'sql-vm-01');
    const found = resultOf(
      await panel.receive({ type: 'lookup', requestId: 13, vmIds: [sql.vmId.toUpperCase(), `${sql.vmId}-gone`] }),
    );
    assert.deepStrictEqual(
      found.rows?.map((r) => r.name),
      ['sql-vm-01'],
    );
    assert.strictEqual(
      await panel.receive({ type: 'rows', requestId: 14, filter, sort, offset: 0, count: 100_000 }),
      undefined,
      'a window larger than the page ever asks for is refused',
    );
  });

  it('exports what the page shows, as CSV and JSON', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'azb-coverage-'));
    const filter = { status: 'unprotected' as const, subscriptionId: '', location: 'northeurope', text: '' };
    await panel.exportTo(vscode.Uri.file(path.join(dir, 'c.csv')), {
      format: 'csv',
      filter,
      sort: { key: 'name', descending: false },
    });
    await panel.exportTo(vscode.Uri.file(path.join(dir, 'c.json')), {
      format: 'json',
      filter,
      sort: { key: 'name', descending: false },
    });
    const csv = fs.readFileSync(path.join(dir, 'c.csv'), 'utf8').trim().split('\r\n');
    assert.match(csv[0], /^Subscription,Subscription id,Resource group,Virtual machine,Region/);
    assert.ok(
      csv.slice(1).every((line) => line.includes(',northeurope,') && line.includes(',NotProtected,')),
      csv.join('\n'),
    );
    const json = JSON.parse(fs.readFileSync(path.join(dir, 'c.json'), 'utf8')) as {
      count: number;
      virtualMachines: { name: string }[];
    };
    assert.strictEqual(json.count, csv.length - 1);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('protects VMs in two regions with one call per vault; a failure is reported with its reason and a re-run does only the rest', async () => {
    const { sandbox } = host;
    const ids = ['cov-web-01', 'cov-web-02'].map((name) =>
      sandbox.control.addVm({ resourceGroup: 'coverage-rg', name, location: 'westeurope' }),
    );
    const north = sandbox.control.addVm({
      resourceGroup: 'coverage-north-rg',
      name: 'cov-north-01',
      location: 'northeurope',
    });
    const created = resultOf(
      await panel.receiveConfirmed({
        type: 'createVault',
        requestId: 3,
        subscriptionId: SUBSCRIPTION,
        location: 'northeurope',
        resourceGroup: 'coverage-north-rg',
        name: 'cov-north-vault',
      }),
    );
    assert.strictEqual(created.vault?.location, 'northeurope');
    assert.strictEqual(created.vault?.policies[0]?.name, 'DefaultPolicy');
    const contoso = panel.snapshot?.vaults.find((v) => v.name === 'contoso-vault');
    assert.ok(contoso && created.vault);
    const groups: EnableGroup[] = [
      { subscriptionId: SUBSCRIPTION, vaultId: contoso.id, policyName: 'DefaultPolicy', vmIds: ids },
      { subscriptionId: SUBSCRIPTION, vaultId: created.vault.id, policyName: 'DefaultPolicy', vmIds: [north] },
    ];
    // Real time on purpose (about 25 s per run): a faster sandbox clock would run ahead of the wall clock the
    // tree's "jobs of the last 24 hours" window is computed from, and later suites would miss their new jobs.
    // cov-web-02's protection request fails on the server every time (past the SDK's retries).
    sandbox.setFaults({
      rate: 1,
      pathPattern: 'protectedItems/[^/]*cov-web-02',
      methods: ['PUT'],
      kinds: ['serverError'],
      count: 100,
    });
    let first: CoverageResult;
    try {
      first = resultOf(await panel.receive({ type: 'enable', requestId: 1, groups }));
    } finally {
      sandbox.setFaults(undefined);
    }
    assert.deepStrictEqual(state(first), { 'cov-web-01': 'done', 'cov-web-02': 'failed', 'cov-north-01': 'done' });
    const failure = first.progress?.find((p) => p.state === 'failed');
    assert.ok(failure?.error?.message && failure.error.code, JSON.stringify(failure));
    assert.match(first.message ?? '', /2 virtual machines, 1 failed, 0 skipped/);
    // Enabled, its first backup still to come: protected, waiting for the initial backup.
    assert.strictEqual(
      rowOf(panel, 'cov-web-01').protection,
      'InitialBackupPending',
      'the data was read again after enabling',
    );
    assert.strictEqual(rowOf(panel, 'cov-web-02').protection, 'NotProtected');
    assert.strictEqual(rowOf(panel, 'cov-north-01').vaultName, 'cov-north-vault');

    sandbox.requestLog.clear();
    const again = resultOf(await panel.receive({ type: 'enable', requestId: 2, groups }));
    assert.deepStrictEqual(state(again), { 'cov-web-01': 'skipped', 'cov-web-02': 'done', 'cov-north-01': 'skipped' });
    const puts = sandbox.requestLog.entries().filter((e) => e.method === 'PUT' && /protectedItems/i.test(e.path));
    assert.strictEqual(puts.length, 1, puts.map((e) => e.path).join('\n'));
    assert.strictEqual(rowOf(panel, 'cov-web-02').protection, 'InitialBackupPending');
  });

  it('gives the Trusted Launch and Ultra-disk VMs an Enhanced policy and the others the chosen one', async () => {
    const { sandbox } = host;
    const add = (name: string, extra: object = {}) =>
      sandbox.control.addVm({ resourceGroup: 'coverage-enh-rg', name, location: 'westeurope', ...extra });
    add('enh-plain-01');
    add('enh-tl-01', { securityType: 'TrustedLaunch' });
    add('enh-ultra-01', { dataDisks: [{ sizeGB: 128, storageType: 'UltraSSD_LRS' }] });
    await panel.reload();
    const names = ['enh-plain-01', 'enh-tl-01', 'enh-ultra-01'];
    assert.deepStrictEqual(
      names.map((n) => rowOf(panel, n).enhancedReason),
      [undefined, 'TrustedLaunch', 'UltraDisk'],
    );

    // What the page sends with the region's first vault and its first policy (DefaultPolicy) chosen.
    const vaults = (panel.snapshot?.vaults ?? []).filter((v) => v.name === 'contoso-vault');
    const [group] = groupForProtection(
      names.map((n) => rowOf(panel, n)),
      vaults,
    );
    assert.deepStrictEqual(
      group.enhancedOnly.map((v) => v.name),
      ['enh-tl-01', 'enh-ultra-01'],
    );
    const { requests, leftOut } = groupRequests(group, group.vaults[0], 'DefaultPolicy');
    assert.deepStrictEqual(leftOut, []);
    assert.deepStrictEqual(
      requests.map((r) => [r.policyName, r.vmIds.map((id) => id.split('/').pop())]),
      [
        ['DefaultPolicy', ['enh-plain-01']],
        ['EnhancedPolicy', ['enh-tl-01', 'enh-ultra-01']],
      ],
    );
    const done = resultOf(await panel.receive({ type: 'enable', requestId: 1, groups: requests }));
    assert.deepStrictEqual(state(done), { 'enh-plain-01': 'done', 'enh-tl-01': 'done', 'enh-ultra-01': 'done' });
    assert.deepStrictEqual(
      names.map((n) => rowOf(panel, n).policyName),
      ['DefaultPolicy', 'EnhancedPolicy', 'EnhancedPolicy'],
    );
  });

  it('refuses a Standard policy sent for a Trusted Launch VM before sending, saying why in words', async () => {
    const { sandbox } = host;
    sandbox.control.addVm({
      resourceGroup: 'coverage-enh-rg',
      name: 'enh-tl-02',
      location: 'westeurope',
      securityType: 'TrustedLaunch',
    });
    await panel.reload();
    const contoso = panel.snapshot?.vaults.find((v) => v.name === 'contoso-vault');
    assert.ok(contoso);
    sandbox.requestLog.clear();
    const refused = resultOf(
      await panel.receive({
        type: 'enable',
        requestId: 2,
        groups: [
          {
            subscriptionId: SUBSCRIPTION,
            vaultId: contoso.id,
            policyName: 'DefaultPolicy',
            vmIds: [rowOf(panel, 'enh-tl-02').vmId],
          },
        ],
      }),
    );
    const [result] = refused.progress ?? [];
    assert.deepStrictEqual(
      [result?.state, result?.error?.code, result?.error?.message],
      [
        'failed',
        'EnhancedPolicyRequired',
        'enh-tl-02 uses Trusted Launch, which needs an Enhanced policy: DefaultPolicy is a Standard policy.',
      ],
    );
    const puts = sandbox.requestLog.entries().filter((e) => e.method === 'PUT' && /protectedItems/i.test(e.path));
    assert.deepStrictEqual(
      puts.map((e) => e.path),
      [],
    );
    assert.strictEqual(rowOf(panel, 'enh-tl-02').protection, 'NotProtected');
  });
});
