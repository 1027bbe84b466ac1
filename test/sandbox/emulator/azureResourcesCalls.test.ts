/**
 * The calls Microsoft's Azure Resources and Azure Virtual Machines extensions make, at the api-versions they send
 * (tenants and subscriptions 2022-12-01; resources and resource groups 2021-04-01, or 2019-10-01 for a custom
 * cloud; a VM with its instance view at 2021-07-01), through the real SDK clients with the version pinned.
 */
import * as assert from 'node:assert/strict';
import { ComputeManagementClient } from '@azure/arm-compute';
import { ResourceManagementClient } from '@azure/arm-resources';
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import { RestError, type PipelinePolicy } from '@azure/core-rest-pipeline';
import { STORY_SUBSCRIPTION_ID, type RunningSandbox } from '../../../src/sandbox';
import { collect, sandboxCredential, useTestSandbox } from './helpers';

/** Sends every request of a client at one api-version, as an older SDK would. */
function pinApiVersion(version: string): PipelinePolicy {
  return {
    name: `pin-api-version-${version}`,
    sendRequest: (request, next) => {
      const url = new URL(request.url);
      url.searchParams.set('api-version', version);
      request.url = url.toString();
      return next(request);
    },
  };
}

describe('Calls of the Azure Resources and Azure Virtual Machines extensions', () => {
  let sandbox: RunningSandbox;
  useTestSandbox({ pageSize: 3 }, (f) => ({ sandbox } = f));
  const options = (version: string) => ({
    endpoint: sandbox.endpoint,
    tlsOptions: { ca: sandbox.ca },
    additionalPolicies: [{ policy: pinApiVersion(version), position: 'perCall' as const }],
  });
  const versionsSent = (path: RegExp): string[] =>
    sandbox.requestLog
      .entries()
      .filter((e) => path.test(e.path))
      .map((e) => new URLSearchParams(e.query).get('api-version') ?? '');

  it('GET /tenants and /subscriptions at 2022-12-01', async () => {
    sandbox.requestLog.clear();
    const client = new SubscriptionClient(sandboxCredential, options('2022-12-01'));
    const tenants = await collect(client.tenants.list());
    assert.deepEqual(
      tenants.map((t) => t.tenantId),
      [sandbox.tenantId],
    );
    const subscriptions = await collect(client.subscriptions.list());
    assert.deepEqual(
      subscriptions.map((s) => s.subscriptionId),
      [STORY_SUBSCRIPTION_ID],
    );
    assert.equal(subscriptions[0].tenantId, sandbox.tenantId);
    assert.deepEqual([...new Set(versionsSent(/^\/(tenants|subscriptions)$/))], ['2022-12-01']);
  });

  for (const version of ['2021-04-01', '2019-10-01']) {
    it(`GET /subscriptions/{id}/resources at ${version}: every resource in the generic shape, across pages`, async () => {
      sandbox.requestLog.clear();
      const client = new ResourceManagementClient(sandboxCredential, STORY_SUBSCRIPTION_ID, options(version));
      const resources = await collect(client.resources.list());
      assert.ok(
        sandbox.requestLog.entries().filter((e) => e.path.endsWith('/resources')).length > 1,
        'more than one page',
      );
      assert.deepEqual([...new Set(versionsSent(/\/resources$/))], [version]);
      const vms = resources.filter((r) => r.type === 'Microsoft.Compute/virtualMachines');
      const listed = await collect(
        new ComputeManagementClient(sandboxCredential, STORY_SUBSCRIPTION_ID, {
          endpoint: sandbox.endpoint,
          tlsOptions: { ca: sandbox.ca },
        }).virtualMachines.listAll(),
      );
      assert.deepEqual(vms.map((v) => v.id).sort(), listed.map((v) => v.id).sort());
      const web = vms.find((v) => v.name === 'web-vm-01');
      assert.equal(
        web?.id,
        `/subscriptions/${STORY_SUBSCRIPTION_ID}/resourceGroups/contoso-web-rg/providers/Microsoft.Compute/virtualMachines/web-vm-01`,
      );
      assert.equal(web?.location, 'westeurope');
      assert.equal(
        (web as Record<string, unknown>).properties,
        undefined,
        'no properties: the generic listing carries none',
      );
      const types = new Set(resources.map((r) => r.type));
      for (const type of ['Microsoft.RecoveryServices/vaults', 'Microsoft.Compute/disks'])
        assert.ok(types.has(type), `${type} listed: ${[...types].join(', ')}`);
      const vault = resources.find((r) => r.type === 'Microsoft.RecoveryServices/vaults');
      assert.equal(vault?.sku?.name, 'Standard');
    });

    it(`GET /subscriptions/{id}/resourcegroups at ${version}`, async () => {
      sandbox.requestLog.clear();
      const client = new ResourceManagementClient(sandboxCredential, STORY_SUBSCRIPTION_ID, options(version));
      const groups = await collect(client.resourceGroups.list());
      assert.deepEqual([...new Set(versionsSent(/\/resourcegroups$/i))], [version]);
      const current = await collect(
        new ResourceManagementClient(sandboxCredential, STORY_SUBSCRIPTION_ID, {
          endpoint: sandbox.endpoint,
          tlsOptions: { ca: sandbox.ca },
        }).resourceGroups.list(),
      );
      assert.deepEqual(
        groups.map((g) => g.name),
        current.map((g) => g.name),
        "the same groups as at the SDK's own version",
      );
      for (const name of ['contoso-backup-rg', 'contoso-data-rg', 'contoso-web-rg'])
        assert.ok(
          groups.some((g) => g.name === name),
          name,
        );
    });
  }

  it('filters the resource listing by resourceType, and refuses a filter it cannot apply instead of ignoring it', async () => {
    const client = new ResourceManagementClient(sandboxCredential, STORY_SUBSCRIPTION_ID, options('2021-04-01'));
    const vaults = await collect(
      client.resources.list({ filter: "resourceType eq 'microsoft.recoveryservices/vaults'" }),
    );
    assert.ok(vaults.length > 0);
    assert.ok(vaults.every((r) => r.type === 'Microsoft.RecoveryServices/vaults'));
    await assert.rejects(
      collect(client.resources.list({ filter: "tagName eq 'env'" })),
      (e: unknown) => e instanceof RestError && e.statusCode === 400 && e.code === 'InvalidFilterInQueryString',
    );
  });

  it('an unknown subscription is SubscriptionNotFound, as ARM answers', async () => {
    const client = new ResourceManagementClient(
      sandboxCredential,
      '00000000-0000-0000-0000-000000000000',
      options('2021-04-01'),
    );
    await assert.rejects(
      collect(client.resources.list()),
      (e: unknown) => e instanceof RestError && e.statusCode === 404 && e.code === 'SubscriptionNotFound',
    );
  });

  it('GET …/virtualMachines/{name}?$expand=instanceView at 2021-07-01, as the VM extension reads each VM', async () => {
    sandbox.requestLog.clear();
    const compute = new ComputeManagementClient(sandboxCredential, STORY_SUBSCRIPTION_ID, options('2021-07-01'));
    const vm = await compute.virtualMachines.get('contoso-web-rg', 'web-vm-01', { expand: 'instanceView' });
    assert.equal(vm.name, 'web-vm-01');
    assert.ok(
      vm.instanceView?.statuses?.some((s) => s.code?.startsWith('PowerState/')),
      JSON.stringify(vm.instanceView?.statuses),
    );
    assert.deepEqual(versionsSent(/virtualMachines\/web-vm-01$/), ['2021-07-01']);
  });
});
