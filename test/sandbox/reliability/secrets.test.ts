// Secrets: across the workflows and their faults, nothing the layer logs and nothing the sandbox logs or
// writes (data file, CA file) holds an Authorization header, the token, or anything shaped like one.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Harness } from './harness';
import { addVm, startHarness, whileAdvancing } from './harness';

const JWT = /eyJ[A-Za-z0-9_-]{8,}/;
/** 32+ characters of base64(url) mixing upper case, lower case and digits: ids and paths never look like that. */
function tokenLike(text: string): string[] {
  return (text.match(/[A-Za-z0-9+_=-]{32,}/g) ?? []).filter(
    (run) => /[A-Z]/.test(run) && /[a-z]/.test(run) && /[0-9]/.test(run),
  );
}

function assertClean(label: string, text: string, tokens: string[]): void {
  assert.doesNotMatch(text, /authorization/i, `${label}: mentions Authorization`);
  assert.doesNotMatch(text, /bearer\s/i, `${label}: carries a Bearer value`);
  for (const token of tokens) {
    assert.ok(!text.includes(token), `${label}: holds a token`);
    assert.ok(!text.includes(token.slice(-24)), `${label}: holds a piece of a token`);
  }
  assert.doesNotMatch(text, JWT, `${label}: holds a JWT-shaped string`);
  assert.deepEqual(tokenLike(text), [], `${label}: holds a token-like string`);
}

describe('reliability: no secrets in logs or files', function () {
  this.timeout(30_000);
  let dir: string;
  let h: Harness;
  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'rel-secrets-'));
    h = await startHarness({ dataFile: path.join(dir, 'sandbox.json') });
  });
  after(async () => {
    await h.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs every workflow, with faults and an expired token, and finds no token anywhere', async () => {
    const { service, vault } = h;
    await service.listSubscriptions();
    await service.listVaults(h.subscriptionId);
    await service.listVirtualMachinesWithProtection(h.subscriptionId);
    await service.listPolicies(vault);
    await service.listJobs(vault);
    const ref = { subscriptionId: h.subscriptionId, resourceGroup: 'sec-rg', name: 'sec-vault' };
    await service.createVault({ ...ref, createResourceGroup: true, location: 'westeurope' });
    await service.setStorageConfig(ref, 'LocallyRedundant', false);
    await service.createOrUpdatePolicy(vault, {
      name: 'sec-policy',
      schedule: { frequency: 'Daily', time: '22:00' },
      timeZone: 'UTC',
      instantRestoreDays: 2,
      retention: { dailyDays: 7 },
    });
    h.sandbox.setFaults({ rate: 0.3, kinds: ['throttle', 'unavailable', 'reset', 'serverError'], count: 6 });
    const vms = [addVm(h), addVm(h)];
    await whileAdvancing(h.sandbox, () => service.enableProtectionMany(vault, vms, 'DefaultPolicy'));
    h.sandbox.setFaults(undefined);
    const started = await whileAdvancing(
      h.sandbox,
      () => service.backupNow(h.web01, new Date(Date.now() + 7 * 86_400_000), { untilJobStarted: true }),
      500,
    );
    await service.cancelJob(vault, started.jobId ?? '');
    h.credential.expired = true;
    await assert.rejects(
      service.listBackupItems(vault),
      (e: unknown) => e instanceof Error && /expiry/.test(e.message),
    );
    h.credential.expired = false;
    const item = {
      ...vault,
      containerName: `IaasVMContainer;iaasvmcontainerv2;contoso-web-rg;${vms[0].name}`,
      itemName: `VM;iaasvmcontainerv2;contoso-web-rg;${vms[0].name}`,
    };
    await whileAdvancing(h.sandbox, () => service.stopProtection(item, 'DeleteData'));
    await h.stop();

    const tokens = [h.credential.validToken, h.credential.expiredToken];
    assert.ok(h.calls.length > 30, `the layer logged ${h.calls.length} calls`);
    assert.ok(
      h.calls.some((c) => c.status === 401) && h.calls.some((c) => c.error),
      'the log covers refusals and failures',
    );
    assertClean('layer log', h.calls.map((c) => JSON.stringify(c)).join('\n'), tokens);
    assertClean('sandbox request log', JSON.stringify(h.sandbox.requestLog.entries()), tokens);
    const files = readdirSync(dir);
    assert.ok(files.includes('sandbox.json') && files.includes('sandbox.json.ca.pem'), files.join(', '));
    for (const file of files) {
      const text = readFileSync(path.join(dir, file), 'utf8');
      // The CA file is a public certificate: its PEM body is base64 by nature; nothing else may be in it.
      const outsidePem = text.replace(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g, '');
      assert.doesNotMatch(text, /PRIVATE KEY/, `${file}: holds a private key`);
      assertClean(file, outsidePem, tokens);
    }
  });
});
