// Resource Graph through the real @azure/arm-resourcegraph client: $skipToken paging over 2,500 VMs in two
// subscriptions, the request's subscriptions as the scope, where filters, the projection, and 400 for a query
// shape the sandbox does not understand.
import type { ResourceGraphClient } from '@azure/arm-resourcegraph';
import type { QueryRequest } from '@azure/arm-resourcegraph';
import * as assert from 'node:assert/strict';
import type { RunningSandbox } from '../../../src/sandbox';
import { graphClient, clientsFor, startTestSandbox } from './helpers';

const VMS = "Resources | where type =~ 'microsoft.compute/virtualmachines'";
const PROJECT =
  'project id, name, resourceGroup, subscriptionId, location, osType = tostring(properties.storageProfile.osDisk.osType), vmSize = tostring(properties.hardwareProfile.vmSize), powerState = tostring(properties.extended.instanceView.powerState.code)';

type Row = Record<string, unknown>;

describe('Resource Graph (2,500 VMs, two subscriptions)', function () {
  this.timeout(60_000);
  let sandbox: RunningSandbox;
  let graph: ResourceGraphClient;
  let subs: string[];

  before(async () => {
    sandbox = await startTestSandbox({
      seed: { subscriptions: 2, vaultsPerSubscription: 1, vmsPerSubscription: 1250, protectedItems: 0, jobs: 0 },
    });
    subs = sandbox.subscriptionIds();
    graph = graphClient(sandbox);
  });
  after(async () => {
    await sandbox.stop();
  });

  const allPages = async (request: QueryRequest): Promise<{ rows: Row[]; pages: number; totals: number[] }> => {
    const rows: Row[] = [];
    const totals: number[] = [];
    let skipToken: string | undefined;
    let pages = 0;
    do {
      const page = await graph.resources({
        ...request,
        options: { ...request.options, ...(skipToken ? { skipToken } : {}) },
      });
      pages++;
      totals.push(page.totalRecords);
      assert.equal(page.count, (page.data as Row[]).length);
      assert.equal(page.resultTruncated, 'false');
      rows.push(...(page.data as Row[]));
      skipToken = page.skipToken;
    } while (skipToken);
    return { rows, pages, totals };
  };

  it('pages with $skipToken, 1,000 rows at most, in a stable order, across the subscriptions named', async () => {
    const { rows, pages, totals } = await allPages({
      subscriptions: subs,
      query: `${VMS} | ${PROJECT} | order by id asc`,
      options: { top: 1000, resultFormat: 'objectArray' },
    });
    assert.equal(pages, 3);
    assert.deepEqual(totals, [2500, 2500, 2500]);
    assert.equal(rows.length, 2500);
    const ids = rows.map((r) => String(r.id));
    assert.equal(new Set(ids).size, 2500, 'no row twice');
    assert.deepEqual(ids, [...ids].sort(), 'ordered by id');
    const requests = sandbox.requestLog
      .entries()
      .filter((e) => /Microsoft\.ResourceGraph\/resources$/.test(e.path))
      .slice(-3);
    assert.ok(requests.every((e) => e.method === 'POST' && /api-version=2024-04-01/.test(e.query)));
  });

  it('answers 100 rows without $top, and honours $skip', async () => {
    const first = await graph.resources({ subscriptions: subs, query: `${VMS} | project id | order by id asc` });
    assert.equal((first.data as Row[]).length, 100);
    assert.ok(first.skipToken);
    const skipped = await graph.resources({
      subscriptions: subs,
      query: `${VMS} | project id | order by id asc`,
      options: { skip: 99, top: 2 },
    });
    assert.deepEqual((skipped.data as Row[])[0], (first.data as Row[])[99]);
  });

  it('searches only the subscriptions of the request; where filters narrow further', async () => {
    const [a, b] = subs;
    const one = await allPages({
      subscriptions: [a],
      query: `${VMS} | ${PROJECT} | order by id asc`,
      options: { top: 1000 },
    });
    assert.equal(one.rows.length, 1250);
    assert.ok(one.rows.every((r) => r.subscriptionId === a));
    const filtered = await allPages({
      subscriptions: subs,
      query: `${VMS} | where subscriptionId in ('${b}') | ${PROJECT}`,
      options: { top: 1000 },
    });
    assert.equal(filtered.rows.length, 1250);
    assert.ok(filtered.rows.every((r) => r.subscriptionId === b));
    const sample = one.rows[0];
    const narrowed = await allPages({
      subscriptions: [a],
      query: `${VMS} | where resourceGroup =~ '${String(sample.resourceGroup).toUpperCase()}' and location =~ '${String(sample.location)}' | ${PROJECT}`,
      options: { top: 1000 },
    });
    assert.ok(narrowed.rows.length > 0 && narrowed.rows.length < 1250);
    assert.ok(narrowed.rows.every((r) => r.resourceGroup === sample.resourceGroup && r.location === sample.location));
  });

  it('projects only the columns asked for, with the values of the Compute model', async () => {
    const page = await graph.resources({
      subscriptions: [subs[0]],
      query: `${VMS} | ${PROJECT} | order by name asc`,
      options: { top: 5 },
    });
    const row = (page.data as Row[])[0];
    assert.deepEqual(Object.keys(row).sort(), [
      'id',
      'location',
      'name',
      'osType',
      'powerState',
      'resourceGroup',
      'subscriptionId',
      'vmSize',
    ]);
    const rg = String(row.id).split('/')[4];
    assert.equal(row.resourceGroup, rg.toLowerCase(), 'ARG lower-cases resourceGroup');
    const vm = await clientsFor(sandbox, subs[0]).compute.virtualMachines.get(rg, String(row.name), {
      expand: 'instanceView',
    });
    assert.equal(vm.id, row.id);
    assert.equal(vm.storageProfile?.osDisk?.osType, row.osType);
    assert.equal(vm.hardwareProfile?.vmSize, row.vmSize);
    assert.equal(vm.instanceView?.statuses?.find((s) => s.code?.startsWith('PowerState/'))?.code, row.powerState);
    const bare = await graph.resources({
      subscriptions: [subs[0]],
      query: `${VMS} | project id, properties.hardwareProfile.vmSize`,
      options: { top: 1 },
    });
    assert.deepEqual(Object.keys((bare.data as Row[])[0]).sort(), ['id', 'properties_hardwareProfile_vmSize']);
  });

  it('truncates without a $skipToken when the id column is not kept, as ARG does', async () => {
    const page = await graph.resources({ subscriptions: subs, query: `${VMS} | project name`, options: { top: 10 } });
    assert.equal(page.resultTruncated, 'true');
    assert.equal(page.skipToken, undefined);
  });

  it('refuses a query shape it does not understand with 400 BadRequest / InvalidQuery, naming the shapes it supports', async () => {
    for (const query of [
      'Resources | summarize count() by location',
      "Resources | where type =~ 'microsoft.storage/storageaccounts'",
      'ResourceContainers | project id',
      `${VMS} | extend x = 1`,
    ]) {
      await assert.rejects(
        graph.resources({ subscriptions: subs, query }),
        (e: {
          statusCode?: number;
          code?: string;
          message: string;
          details?: { error?: { code?: string; details?: { code?: string; message?: string }[] } };
        }) => {
          assert.equal(e.statusCode, 400, query);
          assert.equal(e.details?.error?.code, 'BadRequest');
          assert.equal(e.details?.error?.details?.[0]?.code, 'InvalidQuery');
          assert.match(e.details?.error?.details?.[1]?.message ?? '', /sandbox understands only these query shapes/);
          return true;
        },
      );
    }
  });
});
