/** HTTP-level fidelity: auth, api-version, routing, bodies, headers, loopback only. */
import * as assert from 'node:assert/strict';
import { STORY_SUBSCRIPTION_ID, startSandbox, type RunningSandbox } from '../../../src/sandbox';
import { armCode, rawRequest, startTestSandbox } from './helpers';

const AUTH = { Authorization: 'Bearer x' };
const VAULT_PATH = `/subscriptions/${STORY_SUBSCRIPTION_ID}/resourceGroups/contoso-backup-rg/providers/Microsoft.RecoveryServices/vaults/contoso-vault`;

describe('HTTP fidelity', () => {
  let sandbox: RunningSandbox;
  before(async () => {
    sandbox = await startTestSandbox();
  });
  after(async () => {
    await sandbox.stop();
  });

  it('answers 401 AuthenticationFailed without a Bearer token', async () => {
    const r = await rawRequest(sandbox, 'GET', '/subscriptions?api-version=2022-12-01');
    assert.equal(r.status, 401);
    assert.equal(armCode(r.json), 'AuthenticationFailed');
    assert.equal(
      (
        await rawRequest(sandbox, 'GET', '/subscriptions?api-version=2022-12-01', {
          headers: { Authorization: 'Basic abc' },
        })
      ).status,
      401,
    );
  });

  it('requires a well-formed api-version and tolerates any plausible one', async () => {
    const missing = await rawRequest(sandbox, 'GET', '/subscriptions', { headers: AUTH });
    assert.equal(missing.status, 400);
    assert.equal(armCode(missing.json), 'MissingApiVersionParameter');
    for (const bad of ['banana', '2014-01-01', '2023-13-01', '2030-01-01']) {
      const r = await rawRequest(sandbox, 'GET', `/subscriptions?api-version=${bad}`, { headers: AUTH });
      assert.equal(armCode(r.json), 'InvalidApiVersionParameter', bad);
    }
    for (const ok of ['2016-06-01', '2024-04-30-preview', '2026-07-01']) {
      assert.equal(
        (await rawRequest(sandbox, 'GET', `${VAULT_PATH}?api-version=${ok}`, { headers: AUTH })).status,
        200,
        ok,
      );
    }
  });

  it('routes case-insensitively with percent-decoded segments and echoes request ids', async () => {
    const r = await rawRequest(
      sandbox,
      'GET',
      `${VAULT_PATH.toUpperCase()}/backupFabrics/Azure/protectionContainers/IaasVMContainer%3Biaasvmcontainerv2%3Bcontoso-web-rg%3Bweb-vm-01?API-VERSION=2023-06-01`,
      { headers: { ...AUTH, 'x-ms-client-request-id': 'client-123', 'x-ms-correlation-request-id': 'corr-9' } },
    );
    assert.equal(r.status, 200);
    assert.equal((r.json as { name: string }).name, 'IaasVMContainer;iaasvmcontainerv2;contoso-web-rg;web-vm-01');
    assert.equal(r.headers['x-ms-client-request-id'], 'client-123');
    assert.equal(r.headers['x-ms-correlation-request-id'], 'corr-9');
    assert.match(String(r.headers['x-ms-request-id']), /^[0-9a-f-]{36}$/);
  });

  it("logs each answer's body size as sent (what the bench replays for its transport floor)", async () => {
    sandbox.requestLog.clear();
    const ok = await rawRequest(sandbox, 'GET', `${VAULT_PATH}?api-version=2023-04-01`, { headers: AUTH });
    const missing = await rawRequest(
      sandbox,
      'GET',
      '/subscriptions/x/providers/Microsoft.Nothing/things?api-version=2023-06-01',
      { headers: AUTH },
    );
    const [first, second] = sandbox.requestLog.entries();
    assert.equal(ok.status, 200);
    assert.equal(first.responseBytes, Number(ok.headers['content-length']));
    assert.equal(first.responseBytes, Buffer.byteLength(JSON.stringify(ok.json)));
    assert.equal(missing.status, 404);
    assert.equal(second.responseBytes, Number(missing.headers['content-length']));
    assert.ok((second.responseBytes ?? 0) > 0, 'an error envelope is a body too');
  });

  it('spells out "target": null, "details": null in backup RP errors only, as each swagger and the live backup RP have it', async () => {
    const vault = await rawRequest(
      sandbox,
      'GET',
      `${VAULT_PATH.replace('contoso-vault', 'no-such-vault')}?api-version=2026-07-01`,
      { headers: AUTH },
    );
    assert.equal(vault.status, 404);
    assert.deepEqual(Object.keys((vault.json as { error: object }).error), ['code', 'message']);
    const job = await rawRequest(
      sandbox,
      'GET',
      `${VAULT_PATH}/backupJobs/00000000-0000-0000-0000-000000000000?api-version=2023-06-01`,
      { headers: AUTH },
    );
    assert.equal(job.status, 404);
    assert.deepEqual((job.json as { error: { target: unknown; details: unknown } }).error, {
      ...(job.json as { error: object }).error,
      target: null,
      details: null,
    });
  });

  it('answers unknown routes with 404 in ARM shape', async () => {
    const r = await rawRequest(
      sandbox,
      'GET',
      '/subscriptions/x/providers/Microsoft.Nothing/things?api-version=2023-06-01',
      { headers: AUTH },
    );
    assert.equal(r.status, 404);
    assert.ok(armCode(r.json));
  });

  it('rejects malformed JSON (400), non-JSON bodies (415) and bodies over 4 MB (413)', async () => {
    const headers = { ...AUTH, 'Content-Type': 'application/json' };
    const bad = await rawRequest(
      sandbox,
      'PUT',
      `/subscriptions/${STORY_SUBSCRIPTION_ID}/resourcegroups/x?api-version=2025-04-01`,
      { headers, body: '{"location":' },
    );
    assert.equal(bad.status, 400);
    assert.equal(armCode(bad.json), 'InvalidRequestContent');
    const xml = await rawRequest(
      sandbox,
      'PUT',
      `/subscriptions/${STORY_SUBSCRIPTION_ID}/resourcegroups/x?api-version=2025-04-01`,
      { headers: { ...AUTH, 'Content-Type': 'application/xml' }, body: '<a/>' },
    );
    assert.equal(xml.status, 415);
    assert.equal(armCode(xml.json), 'UnsupportedMediaType');
    const big = await rawRequest(
      sandbox,
      'PUT',
      `/subscriptions/${STORY_SUBSCRIPTION_ID}/resourcegroups/x?api-version=2025-04-01`,
      { headers, body: Buffer.alloc(4 * 1024 * 1024 + 10, 32) },
    );
    assert.equal(big.status, 413);
  });

  it('pages with absolute nextLinks carrying api-version and the $filter', async () => {
    const small = await startTestSandbox({ pageSize: 1 });
    try {
      const path = `${VAULT_PATH}/backupPolicies?api-version=2023-06-01&$filter=${encodeURIComponent("backupManagementType eq 'AzureIaasVM'")}`;
      const first = await rawRequest(small, 'GET', path, { headers: AUTH });
      const page = first.json as { value: unknown[]; nextLink: string };
      assert.equal(page.value.length, 1);
      assert.ok(page.nextLink.startsWith(`${small.endpoint}/`));
      assert.match(page.nextLink, /api-version=2023-06-01/);
      assert.match(page.nextLink, /\$filter=backupManagementType/);
      const second = await rawRequest(small, 'GET', page.nextLink.slice(small.endpoint.length), { headers: AUTH });
      const last = second.json as { value: unknown[]; nextLink?: string };
      assert.equal(last.value.length, 1);
      assert.equal(last.nextLink, undefined);
    } finally {
      await small.stop();
    }
  });

  it('keeps a request log', async () => {
    sandbox.requestLog.clear();
    await rawRequest(sandbox, 'GET', `${VAULT_PATH}?api-version=2026-07-01`, { headers: AUTH });
    const entries = sandbox.requestLog.entries();
    assert.equal(entries.length, 1);
    assert.equal(entries[0].status, 200);
    assert.equal(entries[0].method, 'GET');
    assert.equal(entries[0].query, 'api-version=2026-07-01');
  });

  it('listens on loopback only', async () => {
    await assert.rejects(startSandbox({ host: '0.0.0.0' }), /loopback/);
    await assert.rejects(startSandbox({ host: '192.168.1.10' }), /loopback/);
  });
});
