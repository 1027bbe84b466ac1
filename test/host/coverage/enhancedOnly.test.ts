// Bulk enable from the coverage page with VMs only an Enhanced policy protects (Trusted Launch, an Ultra disk) in the
// selection, in the real extension host against the sandbox: the rows say why, the page's plan gives those VMs the
// vault's Enhanced policy and the others the chosen one, and a Standard policy sent for such a VM anyway (a page
// older than the VM's change) is refused before anything is sent, in the user's words.
import * as assert from 'assert';
import type { CoveragePanel } from '../../../src/coverage/coveragePanel';
import type { CoverageHostMessage, CoverageResult } from '../../../src/coverage/protocol';
import { groupForProtection, groupRequests } from '../../../src/coverage/regionPlan';
import type { CoverageRow } from '../../../src/coverage/types';
import { useApi } from '../ui/helpers';

const SUBSCRIPTION = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

function resultOf(message: CoverageHostMessage | undefined): CoverageResult {
  if (message?.type !== 'coverageReply') throw new Error(`no reply: ${JSON.stringify(message)}`);
  if (!message.ok) throw new Error(`${message.error.code ?? ''} ${message.error.message}`);
  return message.result;
}

describe('Coverage bulk enable with Enhanced-only VMs (host)', function () {
  this.timeout(180_000);
  const host = useApi();
  let panel: CoveragePanel;

  before(async () => {
    panel = (await host.api.run('azureBackup.showCoverage')) as CoveragePanel;
  });
  after(() => panel?.dispose());

  const rowOf = (name: string): CoverageRow => {
    const row = panel.snapshot?.rows.find((r) => r.name === name);
    if (!row) throw new Error(`no row ${name}`);
    return row;
  };
  const state = (r: CoverageResult) =>
    Object.fromEntries((r.progress ?? []).map((p) => [p.vmId.split('/').pop(), p.state]));

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
      names.map((n) => rowOf(n).enhancedReason),
      [undefined, 'TrustedLaunch', 'UltraDisk'],
    );

    // What the page sends with the region's first vault and its first policy (DefaultPolicy) chosen.
    const vaults = (panel.snapshot?.vaults ?? []).filter((v) => v.name === 'contoso-vault');
    const [group] = groupForProtection(names.map(rowOf), vaults);
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
      names.map((n) => rowOf(n).policyName),
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
            vmIds: [rowOf('enh-tl-02').vmId],
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
    assert.strictEqual(rowOf('enh-tl-02').protection, 'NotProtected');
  });
});
