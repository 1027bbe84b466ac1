// Resource Graph query shapes of the coverage page through the real @azure/arm-resourcegraph client: `summarize
// count() by` for totals before rows, the join key (`tolower`) with a two-key order, and the vaults, backup policies
// and resource groups of an estate, each one query however many subscriptions.
import type { ResourceGraphClient } from '@azure/arm-resourcegraph';
import * as assert from 'node:assert/strict';
import type { RunningSandbox } from '../../../src/sandbox';
import { clientsFor, graphClient, useTestSandbox, type SandboxClients } from './helpers';

type Row = Record<string, unknown>;
const VMS = "Resources | where type =~ 'microsoft.compute/virtualmachines'";
const ITEMS =
  "RecoveryServicesResources | where type =~ 'microsoft.recoveryservices/vaults/backupfabrics/protectioncontainers/protecteditems'";

describe('Resource Graph: the coverage queries (3 subscriptions, 2 vaults each, 900 VMs, 400 items)', function () {
  this.timeout(60_000);
  let sandbox: RunningSandbox;
  let graph: ResourceGraphClient;
  let c: SandboxClients;
  let subs: string[];
  const query = async (q: string, top = 1000): Promise<Row[]> =>
    (await graph.resources({ subscriptions: subs, query: q, options: { resultFormat: 'objectArray', top } }))
      .data as Row[];

  useTestSandbox(
    {
      seed: { subscriptions: 3, vaultsPerSubscription: 2, vmsPerSubscription: 300, protectedItems: 400, jobs: 0 },
      resourceGraph: { ingestionDelayMs: 0, quota: false },
    },
    (f) => {
      ({ sandbox, c } = f);
      subs = sandbox.subscriptionIds();
      graph = graphClient(sandbox);
    },
  );

  it('counts with summarize count() by: one row per group, the count in count_, no paging', async () => {
    const bySub = await query(`${VMS} | summarize count() by subscriptionId`);
    assert.deepEqual(
      bySub.map((r) => [String(r.subscriptionId).toLowerCase(), r.count_]).sort(),
      subs.map((s) => [s.toLowerCase(), 300]).sort(),
    );
    const states = await query(`${ITEMS} | summarize count() by state = tostring(properties.protectionState)`);
    assert.equal(
      states.reduce((n, r) => n + Number(r.count_), 0),
      400,
    );
    assert.ok(states.every((r) => typeof r.state === 'string' && Object.keys(r).length === 2));
    assert.deepEqual(await query(`${VMS} | where name == 'no-such-vm' | summarize count()`), [{ count_: 0 }]);
  });

  it('orders by a lower-cased key, then by id, so VMs and their items come in the same order', async () => {
    const vms = await query(`${VMS} | project id, vmKey = tolower(id) | order by vmKey asc`);
    assert.equal(vms.length, 900);
    assert.ok(vms.every((r) => r.vmKey === String(r.id).toLowerCase()));
    const keys = vms.map((r) => String(r.vmKey));
    assert.deepEqual(keys, [...keys].sort());
    const items = await query(
      `${ITEMS} | project id, vmKey = tolower(tostring(properties.sourceResourceId)) | order by vmKey asc, id desc`,
    );
    assert.equal(items.length, 400);
    const itemKeys = items.map((r) => `${String(r.vmKey)}`);
    assert.deepEqual(itemKeys, [...itemKeys].sort());
    assert.ok(
      itemKeys.every((k) => keys.includes(k)),
      'every item names a VM by the same key',
    );
  });

  it('lists the vaults, their VM backup policies and the resource groups, as ARM lists them', async () => {
    const vaults = await query(
      "Resources | where type =~ 'microsoft.recoveryservices/vaults' | project id, name, location, resourceGroup | order by id asc",
    );
    const listed = [];
    for (const s of subs)
      for await (const v of clientsFor(sandbox, s).vaults.vaults.listBySubscriptionId()) listed.push(v);
    assert.deepEqual(
      vaults.map((v) => String(v.id).toLowerCase()).sort(),
      listed.map((v) => String(v.id).toLowerCase()).sort(),
    );
    assert.ok(vaults.every((v) => v.resourceGroup === String(v.resourceGroup).toLowerCase()));
    const policies = await query(
      "RecoveryServicesResources | where type =~ 'microsoft.recoveryservices/vaults/backuppolicies' | where properties.backupManagementType =~ 'AzureIaasVM' | project id, name, properties | order by id asc",
    );
    const first = listed[0];
    const rg = String(first.id).split('/')[4];
    const vaultPolicies = [];
    for await (const p of c.backup.backupPolicies.list(String(first.name), rg, {
      filter: "backupManagementType eq 'AzureIaasVM'",
    }))
      vaultPolicies.push(p);
    const ofFirst = policies.filter((p) =>
      String(p.id)
        .toLowerCase()
        .startsWith(`${String(first.id).toLowerCase()}/`),
    );
    assert.deepEqual(ofFirst.map((p) => p.name).sort(), vaultPolicies.map((p) => p.name).sort());
    assert.ok(ofFirst.every((p) => (p.properties as Row).backupManagementType === 'AzureIaasVM'));
    const groups = await query(
      "ResourceContainers | where type =~ 'microsoft.resources/subscriptions/resourcegroups' | project id, name | order by id asc",
    );
    const listedGroups = [];
    for await (const g of clientsFor(sandbox, subs[1]).resources.resourceGroups.list()) listedGroups.push(g.name);
    assert.deepEqual(
      groups
        .filter((g) => String(g.id).toLowerCase().includes(subs[1].toLowerCase()))
        .map((g) => g.name)
        .sort(),
      listedGroups.sort(),
    );
  });
});
