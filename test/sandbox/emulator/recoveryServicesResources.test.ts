// Resource Graph's RecoveryServicesResources table through the real @azure/arm-resourcegraph client: protected
// items as rows with their backup properties, a change seen only after the ingestion delay, and the per-user quota
// (headers on every answer, 429 RateLimiting once spent, open again when the window resets).
import type { ResourceGraphClient } from '@azure/arm-resourcegraph';
import * as assert from 'node:assert/strict';
import { STORY_SUBSCRIPTION_ID, type RunningSandbox } from '../../../src/sandbox';
import {
  graphClient,
  armCode,
  clientsFor,
  containerOf,
  itemOf,
  rawRequest,
  startTestSandbox,
  type SandboxClients,
} from './helpers';

const ITEMS =
  "RecoveryServicesResources | where type =~ 'microsoft.recoveryservices/vaults/backupfabrics/protectioncontainers/protecteditems'";
const PROJECT =
  'project id, vmId = tostring(properties.sourceResourceId), state = tostring(properties.protectionState), policy = tostring(properties.policyName), lastBackup = tostring(properties.lastBackupTime), vaultId = tostring(properties.vaultId)';
const VAULT = 'contoso-vault';
const RG = 'contoso-backup-rg';
const DELAY_MS = 60_000;

type Row = Record<string, string>;

describe('Resource Graph: RecoveryServicesResources (protected items)', function () {
  this.timeout(60_000);
  let sandbox: RunningSandbox;
  let graph: ResourceGraphClient;
  let c: SandboxClients;
  const query = async (): Promise<Row[]> =>
    (
      await graph.resources({
        subscriptions: [STORY_SUBSCRIPTION_ID],
        query: `${ITEMS} | ${PROJECT} | order by id asc`,
        options: { resultFormat: 'objectArray' },
      })
    ).data as Row[];

  before(async () => {
    sandbox = await startTestSandbox({ resourceGraph: { ingestionDelayMs: DELAY_MS, quota: false } });
    graph = graphClient(sandbox);
    c = clientsFor(sandbox);
  });
  after(async () => {
    await sandbox.stop();
  });

  it('serves each protected item with the properties the vault reports', async () => {
    const rows = await query();
    const listed = [];
    for await (const item of c.backup.backupProtectedItems.list(VAULT, RG)) listed.push(item);
    const inVault = rows.filter((r) => r.vaultId.toLowerCase().endsWith(`/vaults/${VAULT}`));
    assert.equal(inVault.length, listed.length);
    const first = listed[0].properties as { sourceResourceId: string; protectionState: string; policyName: string };
    const row = rows.find((r) => r.vmId.toLowerCase() === first.sourceResourceId.toLowerCase());
    assert.ok(row, "the vault's item is a row");
    assert.equal(row.state, first.protectionState);
    assert.equal(row.policy, first.policyName);
    assert.match(row.id, /\/backupFabrics\/Azure\/protectionContainers\/.+\/protectedItems\//);
  });

  it('shows an item enabled in the vault only once the ingestion delay has passed', async () => {
    const vm = `/subscriptions/${STORY_SUBSCRIPTION_ID}/resourceGroups/contoso-web-rg/providers/Microsoft.Compute/virtualMachines/web-vm-02`;
    const listed = (rows: Row[]): boolean => rows.some((r) => r.vmId.toLowerCase() === vm.toLowerCase());
    assert.ok(!listed(await query()), 'not protected at first');
    const policyId = `/subscriptions/${STORY_SUBSCRIPTION_ID}/resourceGroups/${RG}/providers/Microsoft.RecoveryServices/vaults/${VAULT}/backupPolicies/DefaultPolicy`;
    await c.backup.protectedItems.createOrUpdate(
      VAULT,
      RG,
      'Azure',
      containerOf('contoso-web-rg', 'web-vm-02'),
      itemOf('contoso-web-rg', 'web-vm-02'),
      { properties: { protectedItemType: 'Microsoft.Compute/virtualMachines', sourceResourceId: vm, policyId } },
    );
    sandbox.clock.advance(1_000);
    const direct = await c.backup.protectedItems.get(
      VAULT,
      RG,
      'Azure',
      containerOf('contoso-web-rg', 'web-vm-02'),
      itemOf('contoso-web-rg', 'web-vm-02'),
    );
    assert.ok(direct.properties, 'the vault knows the item at once');
    assert.ok(!listed(await query()), 'not yet indexed');
    sandbox.clock.advance(DELAY_MS);
    assert.ok(listed(await query()), 'indexed after the delay');
  });

  it('keeps serving the indexed rows until the delay has passed', async () => {
    const indexed = await query();
    const vm = `/subscriptions/${STORY_SUBSCRIPTION_ID}/resourceGroups/contoso-web-rg/providers/Microsoft.Compute/virtualMachines/web-vm-02`;
    // Stop protection (retain data): the vault says ProtectionStopped at once, the graph still says what it indexed.
    await c.backup.protectedItems.createOrUpdate(
      VAULT,
      RG,
      'Azure',
      containerOf('contoso-web-rg', 'web-vm-02'),
      itemOf('contoso-web-rg', 'web-vm-02'),
      {
        properties: {
          protectedItemType: 'Microsoft.Compute/virtualMachines',
          sourceResourceId: vm,
          policyId: '',
          protectionState: 'ProtectionStopped',
        },
      },
    );
    sandbox.clock.advance(30_000);
    const stateOf = (rows: Row[]): string | undefined =>
      rows.find((r) => r.vmId.toLowerCase() === vm.toLowerCase())?.state;
    const direct = await c.backup.protectedItems.get(
      VAULT,
      RG,
      'Azure',
      containerOf('contoso-web-rg', 'web-vm-02'),
      itemOf('contoso-web-rg', 'web-vm-02'),
    );
    assert.equal((direct.properties as { protectionState: string }).protectionState, 'ProtectionStopped');
    assert.equal(stateOf(await query()), stateOf(indexed), 'within the delay: the indexed state');
    sandbox.clock.advance(DELAY_MS);
    assert.equal(stateOf(await query()), 'ProtectionStopped', 'after the delay: the new state');
  });
});

describe('Resource Graph: the per-user quota', function () {
  this.timeout(60_000);
  let sandbox: RunningSandbox;
  const post = (token: string) =>
    rawRequest(sandbox, 'POST', '/providers/Microsoft.ResourceGraph/resources?api-version=2024-04-01', {
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ subscriptions: [STORY_SUBSCRIPTION_ID], query: `${ITEMS} | project id` }),
    });

  before(async () => {
    sandbox = await startTestSandbox({ resourceGraph: { quota: { requests: 3, windowMs: 5000 } } });
  });
  after(async () => {
    await sandbox.stop();
  });

  it('tells the remaining queries, refuses the one past the quota with 429 RateLimiting, and opens again after the window', async () => {
    const answers = [await post('alice'), await post('alice'), await post('alice')];
    assert.deepEqual(
      answers.map((a) => a.status),
      [200, 200, 200],
    );
    assert.deepEqual(
      answers.map((a) => a.headers['x-ms-user-quota-remaining']),
      ['2', '1', '0'],
    );
    assert.match(String(answers[0].headers['x-ms-user-quota-resets-after']), /^00:00:0[0-5]$/);
    const refused = await post('alice');
    assert.equal(refused.status, 429);
    assert.equal(armCode(refused.json), 'RateLimiting');
    assert.equal(refused.headers['x-ms-user-quota-remaining'], '0');
    assert.ok(Number(refused.headers['retry-after']) >= 1, 'Retry-After given');
    assert.equal((await post('bob')).status, 200, 'another user has a quota of their own');
    sandbox.clock.advance(5000);
    const again = await post('alice');
    assert.equal(again.status, 200);
    assert.equal(again.headers['x-ms-user-quota-remaining'], '2');
  });
});
