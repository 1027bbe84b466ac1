/**
 * The async-operation routes the workflows hand out but rarely poll, called once each, so their answers are in
 * the record the conformance test checks against the swagger (test/conformance).
 */
import * as assert from 'node:assert/strict';
import type { AzureIaaSVMProtectedItem } from '@azure/arm-recoveryservicesbackup';
import { RestError } from '@azure/core-rest-pipeline';
import { STORY_SUBSCRIPTION_ID, type RunningSandbox } from '../../../src/sandbox';
import {
  containerOf,
  headerCapture,
  itemOf,
  rawRequest,
  type SandboxClients,
  triggerBackup,
  useTestSandbox,
  WEB_VM_01,
} from './helpers';

const { vault: VAULT, rg: RG } = WEB_VM_01;
const CONTAINER = containerOf('contoso-web-rg', 'web-vm-01');
const ITEM = itemOf('contoso-web-rg', 'web-vm-01');
const VAULT_PATH = `/subscriptions/${STORY_SUBSCRIPTION_ID}/resourceGroups/${RG}/providers/Microsoft.RecoveryServices/vaults/${VAULT}`;
const AUTH = { Authorization: 'Bearer x' };

describe('async-operation routes, each answered once', () => {
  let sandbox: RunningSandbox;
  let c: SandboxClients;
  useTestSandbox({}, (f) => ({ sandbox, c } = f), { each: true });

  /** The path and query of an absolute URL the sandbox handed out. */
  const local = (url: string): string => {
    const u = new URL(url);
    return `${u.pathname}${u.search}`;
  };

  it("answers a backup's operation at the item's operationResults: 202 while it runs, then 200 with the item", async () => {
    const op = await triggerBackup(c.backup, WEB_VM_01);
    const poll = headerCapture();
    await c.backup.protectedItemOperationResults.get(VAULT, RG, 'Azure', CONTAINER, ITEM, op, {
      onResponse: poll.onResponse,
    });
    assert.equal(poll.status(), 202);
    sandbox.clock.advance(2_000);
    const item = await c.backup.protectedItemOperationResults.get(VAULT, RG, 'Azure', CONTAINER, ITEM, op);
    assert.equal((item.properties as AzureIaaSVMProtectedItem).friendlyName, 'web-vm-01');
  });

  it("answers a policy's operationResults with the policy (200, as bms.json declares), and a policy that is gone with 404", async () => {
    const op = await triggerBackup(c.backup, WEB_VM_01);
    const status = headerCapture();
    const policy = await c.backup.protectionPolicyOperationResults.get(VAULT, RG, 'DefaultPolicy', op, {
      onResponse: status.onResponse,
    });
    assert.equal(status.status(), 200);
    assert.equal(policy.name, 'DefaultPolicy');
    await assert.rejects(
      c.backup.protectionPolicyOperationResults.get(VAULT, RG, 'NoSuchPolicy', op),
      (e: unknown) => e instanceof RestError && e.statusCode === 404 && e.code === 'BMSUserErrorPolicyNotFound',
    );
  });

  it('serves an OperationStatus at the fabric-level and job-level operationsStatus URLs the live service hands out', async () => {
    const refresh = headerCapture();
    await c.backup.protectionContainers.refresh(VAULT, RG, 'Azure', { onResponse: refresh.onResponse });
    const fabric = await rawRequest(sandbox, 'GET', local(refresh.header('azure-asyncoperation')), { headers: AUTH });
    assert.equal(fabric.status, 200);
    assert.equal((fabric.json as { status: string }).status, 'InProgress');

    const backup = await triggerBackup(c.backup, WEB_VM_01);
    sandbox.clock.advance(2_000);
    const status = await c.backup.backupOperationStatuses.get(VAULT, RG, backup);
    const jobId = (status.properties as { jobId: string }).jobId;
    const cancel = headerCapture();
    await c.backup.jobCancellations.trigger(VAULT, RG, jobId, { onResponse: cancel.onResponse });
    const job = await rawRequest(sandbox, 'GET', local(cancel.header('azure-asyncoperation')), { headers: AUTH });
    assert.equal(job.status, 200);
    assert.equal((job.json as { status: string }).status, 'InProgress');
  });

  it('answers a backup engine that is not there with 404, and a vault PATCH result with 202 while it runs', async () => {
    await assert.rejects(
      c.backup.backupEngines.get(VAULT, RG, 'no-engine'),
      (e: unknown) => e instanceof RestError && e.statusCode === 404,
    );
    const patch = await rawRequest(sandbox, 'PATCH', `${VAULT_PATH}?api-version=2026-07-01`, {
      headers: { ...AUTH, 'Content-Type': 'application/json' },
      body: JSON.stringify({ tags: { tour: '1' } }),
    });
    assert.equal(patch.status, 202);
    const result = await rawRequest(sandbox, 'GET', local(String(patch.headers.location)), { headers: AUTH });
    assert.equal(result.status, 202);
  });
});
