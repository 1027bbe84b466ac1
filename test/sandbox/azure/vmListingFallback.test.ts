// VMs are listed through Resource Graph; a user without access to it (403) still gets the list, from Compute,
// with the fallback logged once, and the session stops asking Resource Graph. A server error is not a refusal.
import * as assert from 'node:assert/strict';
import { sandboxSession } from '../../../src/auth';
import { createClientSet } from '../../../src/azure/clients';
import { createBackupService } from '../../../src/azure/service';
import { graphRefusal, GRAPH_API_VERSION } from '../../../src/azure/operations/resourceGraph';
import { firstPageUrl, sendWire } from '../../../src/azure/transport/wire';
import { useHarness } from './setup';

const GRAPH = 'Microsoft\\.ResourceGraph/resources$';
const isGraph = (path: string): boolean => new RegExp(GRAPH, 'i').test(path);
const isComputeList = (path: string): boolean => /\/providers\/Microsoft\.Compute\/virtualMachines$/i.test(path);

describe('VM listing: Resource Graph, or Compute when Resource Graph is refused', function () {
  this.timeout(60_000);
  const h = useHarness({ seed: 'story' }, { perTest: true });

  it('lists through Resource Graph when it answers (no Compute list call)', async () => {
    const vms = await h.service.listVirtualMachinesWithProtection(h.subscriptionId);
    const log = h.sandbox.requestLog.entries();
    assert.ok(vms.some((v) => v.name === 'web-vm-01' && v.protection?.vaultName === 'contoso-vault'));
    assert.equal(log.filter((e) => isGraph(e.path)).length, 1);
    assert.equal(log.filter((e) => isComputeList(e.path)).length, 0);
    assert.ok(
      vms.every((v) => v.powerState?.startsWith('VM ')),
      'power state from properties.extended',
    );
  });

  it('403 from Resource Graph: the same VMs from Compute, logged once, and Compute from then on', async () => {
    const expected = (await h.service.listVirtualMachinesWithProtection(h.subscriptionId)).map((v) => ({
      ...v,
      powerState: undefined,
    }));
    h.sandbox.requestLog.clear();
    h.calls.length = 0;
    h.sandbox.setFaults({ pathPattern: GRAPH, methods: ['POST'], rate: 1, kinds: ['forbidden'] });
    const vms = await h.service.listVirtualMachinesWithProtection(h.subscriptionId);
    assert.deepEqual(
      vms.map((v) => ({ ...v, powerState: undefined })),
      expected,
    );
    const log = h.sandbox.requestLog.entries();
    assert.deepEqual(
      log.filter((e) => isGraph(e.path)).map((e) => e.status),
      [403],
      'asked once, not retried',
    );
    assert.equal(log.filter((e) => isComputeList(e.path)).length, 1);
    const notes = () => h.calls.filter((c) => /Resource Graph unavailable/.test(c.error ?? ''));
    assert.equal(notes().length, 1);
    assert.match(notes()[0].error ?? '', /AuthorizationFailed/);

    h.sandbox.requestLog.clear();
    await h.service.listVirtualMachinesPage(h.subscriptionId, { maxItems: 50 });
    assert.equal(h.sandbox.requestLog.entries().filter((e) => isGraph(e.path)).length, 0, 'the session remembers');
    assert.equal(notes().length, 1, 'logged once');
  });

  it('a query Resource Graph refuses (400 BadRequest with InvalidQuery inside) reads as a lasting refusal', async () => {
    // The query is sent as wire JSON through the Resource Graph client's pipeline: its error must carry the
    // ARM error body under `details`, as the SDK's own error does, for the refusal to be recognised.
    const clients = createClientSet(sandboxSession(h.sandbox));
    const sender = clients.wire(clients.resourceGraph().pipeline);
    const url = firstPageUrl(clients.endpoint, '/providers/Microsoft.ResourceGraph/resources', GRAPH_API_VERSION);
    const error = await sendWire(sender, 'POST', url, {
      subscriptions: [h.subscriptionId],
      query: 'Resources | summarize count()',
    }).then(
      () => assert.fail('the sandbox accepted an unsupported query'),
      (e: unknown) => e,
    );
    const refusal = graphRefusal(error);
    assert.equal(refusal.error.status, 400);
    assert.equal(refusal.fallback, true, 'Compute from then on');
  });

  it('401 from Resource Graph (an expired token) is the error to show, not a fallback: Compute takes the same token', async () => {
    const expired = {
      ...sandboxSession(h.sandbox),
      credential: {
        getToken: () => Promise.resolve({ token: 'expired-token', expiresOnTimestamp: Date.now() + 3_600_000 }),
      },
    };
    const service = createBackupService(expired);
    h.sandbox.requestLog.clear();
    await assert.rejects(
      service.listVirtualMachinesPage(h.subscriptionId, { maxItems: 50 }),
      (e: { code?: string }) => e.code === 'ExpiredAuthenticationToken',
    );
    await new Promise((r) => setTimeout(r, 300)); // a fallback call would have been sent by now
    const log = h.sandbox.requestLog.entries();
    assert.deepEqual(
      log.filter((e) => isGraph(e.path)).map((e) => e.status),
      [401],
    );
    assert.equal(log.filter((e) => isComputeList(e.path)).length, 0, 'no Compute call with the same token');
  });

  it('a lasting 500 from Resource Graph is an error, not a fallback', async () => {
    h.sandbox.setFaults({ pathPattern: GRAPH, methods: ['POST'], rate: 1, kinds: ['serverError'] });
    await assert.rejects(
      h.service.listVirtualMachinesWithProtection(h.subscriptionId),
      (e: { code?: string }) => e.code === 'InternalServerError',
    );
    assert.equal(h.sandbox.requestLog.entries().filter((e) => isComputeList(e.path)).length, 0);
  });
});
