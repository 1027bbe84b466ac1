/** Subscriptions, locations, resource groups and VMs through the modular SDKs. */
import * as assert from 'node:assert/strict';
import { RestError } from '@azure/core-rest-pipeline';
import { STORY_SUBSCRIPTION_ID, type RunningSandbox } from '../../../src/sandbox';
import { collect, type SandboxClients, useTestSandbox } from './helpers';

describe('ARM basics: subscriptions, locations, resource groups, virtual machines', () => {
  let sandbox: RunningSandbox;
  let c: SandboxClients;
  useTestSandbox({ pageSize: 2 }, (f) => ({ sandbox, c } = f));

  it('lists and gets the story subscription with its tenant', async () => {
    const subs = await collect(c.subscriptions.subscriptions.list());
    assert.equal(subs.length, 1);
    assert.equal(subs[0].subscriptionId, STORY_SUBSCRIPTION_ID);
    assert.equal(subs[0].displayName, 'Sandbox Subscription');
    assert.equal(subs[0].tenantId, sandbox.tenantId);
    assert.equal((await c.subscriptions.subscriptions.get(STORY_SUBSCRIPTION_ID)).state, 'Enabled');
    await assert.rejects(
      c.subscriptions.subscriptions.get('00000000-0000-0000-0000-000000000000'),
      (e: unknown) => e instanceof RestError && e.statusCode === 404 && e.code === 'SubscriptionNotFound',
    );
  });

  it("lists every location in one answer, even with pages of 2 (the swagger's location list has no nextLink)", async () => {
    sandbox.requestLog.clear();
    const locations = await collect(c.subscriptions.subscriptions.listLocations(STORY_SUBSCRIPTION_ID));
    assert.ok(locations.length > 2);
    assert.ok(locations.some((l) => l.name === 'westeurope' && l.displayName === 'West Europe'));
    assert.equal(sandbox.requestLog.entries().filter((e) => e.path.endsWith('/locations')).length, 1);
  });

  it('creates, updates, gets and lists resource groups; a missing one is ResourceGroupNotFound', async () => {
    const created = await c.resources.resourceGroups.createOrUpdate('new-rg', {
      location: 'North Europe',
      tags: { a: '1' },
    });
    assert.equal(created.location, 'northeurope');
    const updated = await c.resources.resourceGroups.createOrUpdate('NEW-RG', {
      location: 'northeurope',
      tags: { a: '2' },
    });
    assert.equal(updated.name, 'new-rg');
    assert.deepEqual(updated.tags, { a: '2' });
    assert.equal((await c.resources.resourceGroups.get('New-Rg')).properties?.provisioningState, 'Succeeded');
    const all = await collect(c.resources.resourceGroups.list());
    assert.deepEqual(
      all.map((g) => g.name),
      ['contoso-backup-rg', 'contoso-data-rg', 'contoso-web-rg', 'new-rg', 'security-rg'],
    );
    assert.equal((await c.resources.resourceGroups.checkExistence('new-rg')).body, true);
    assert.equal((await c.resources.resourceGroups.checkExistence('nope-rg')).body, false);
    await assert.rejects(
      c.resources.resourceGroups.get('nope-rg'),
      (e: unknown) => e instanceof RestError && e.statusCode === 404 && e.code === 'ResourceGroupNotFound',
    );
  });

  it('lists VMs (all, by group, by location) across pages and gets one with instance view and agent status', async () => {
    const all = await collect(c.compute.virtualMachines.listAll());
    assert.equal(all.length, 8);
    assert.ok(
      all.some((v) => v.storageProfile?.osDisk?.osType === 'Linux') &&
        all.some((v) => v.storageProfile?.osDisk?.osType === 'Windows'),
    );
    const inRg = await collect(c.compute.virtualMachines.list('contoso-data-rg'));
    assert.deepEqual(inRg.map((v) => v.name).sort(), ['build-linux-02', 'etl-linux-01', 'sql-vm-01']);
    const inRegion = await collect(c.compute.virtualMachines.listByLocation('westeurope'));
    assert.equal(inRegion.length, 5);
    const vm = await c.compute.virtualMachines.get('contoso-web-rg', 'legacy-linux-02', { expand: 'instanceView' });
    assert.equal(vm.location, 'westeurope');
    assert.equal(vm.hardwareProfile?.vmSize, 'Standard_B1s');
    assert.equal(vm.instanceView?.vmAgent?.statuses?.[0]?.displayStatus, 'Not Ready');
    assert.ok(vm.instanceView?.statuses?.some((s) => s.code === 'PowerState/running'));
    const plain = await c.compute.virtualMachines.get('CONTOSO-WEB-RG', 'WEB-VM-01');
    assert.equal(plain.name, 'web-vm-01');
    assert.equal(plain.instanceView, undefined);
    await assert.rejects(
      c.compute.virtualMachines.get('contoso-web-rg', 'missing-vm'),
      (e: unknown) => e instanceof RestError && e.statusCode === 404 && e.code === 'ResourceNotFound',
    );
  });
});
