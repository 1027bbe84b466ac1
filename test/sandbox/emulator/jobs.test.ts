/** Jobs: $filter (status, operation, dates in both service formats and ISO), newest first, paging, cancel. */
import * as assert from 'node:assert/strict';
import type { AzureIaaSVMJob } from '@azure/arm-recoveryservicesbackup';
import { RestError } from '@azure/core-rest-pipeline';
import type { RunningSandbox } from '../../../src/sandbox';
import {
  collect,
  containerOf,
  headerCapture,
  itemOf,
  operationIdOf,
  type SandboxClients,
  STORY_VAULT,
  triggerBackup,
  useTestSandbox,
  WEB_VM_01,
} from './helpers';

const { vault: VAULT, rg: RG } = STORY_VAULT;

/** `yyyy-MM-dd hh:mm:ss tt` in UTC, midnight as `12:00:00 AM` (the CLI's way). */
function serviceDate(d: Date): string {
  const h = d.getUTCHours();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.toISOString().slice(0, 10)} ${pad(h % 12 === 0 ? 12 : h % 12)}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`;
}

describe('backup jobs', () => {
  let sandbox: RunningSandbox;
  let c: SandboxClients;
  useTestSandbox({ pageSize: 2 }, (f) => ({ sandbox, c } = f));

  it('lists the story jobs newest first across pages ($skipToken)', async () => {
    sandbox.requestLog.clear();
    const jobs = await collect(c.backup.backupJobs.list(VAULT, RG));
    assert.equal(jobs.length, 4);
    const starts = jobs.map((j) => j.properties?.startTime?.getTime() ?? 0);
    assert.deepEqual(
      starts,
      [...starts].sort((a, b) => b - a),
    );
    assert.equal(jobs[3].properties?.operation, 'ConfigureBackup');
    assert.equal(jobs[0].properties?.jobType, 'AzureIaaSVMJob');
    assert.equal(sandbox.requestLog.entries().filter((e) => /backupJobs$/i.test(e.path)).length, 2);
    assert.ok(sandbox.requestLog.entries().some((e) => /\$skipToken=2/.test(e.query)));
  });

  it('filters by operation, status, backupManagementType and a date window in both service formats and ISO', async () => {
    const backups = await collect(
      c.backup.backupJobs.list(VAULT, RG, {
        filter: "backupManagementType eq 'AzureIaasVM' and operation eq 'Backup' and status eq 'Completed'",
      }),
    );
    assert.equal(backups.length, 3);
    const now = sandbox.clock.now();
    const dayStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    const farPast = '2000-01-01 12:00:00 AM';
    const all = await collect(
      c.backup.backupJobs.list(VAULT, RG, {
        filter: `startTime eq '${farPast}' and endTime eq '${serviceDate(new Date(now.getTime() + 3600e3))}'`,
      }),
    );
    assert.equal(all.length, 4);
    const zeroHour = await collect(
      c.backup.backupJobs.list(VAULT, RG, {
        filter: `startTime eq '2000-01-01 00:00:00 AM' and endTime eq '${dayStart.toISOString()}'`,
      }),
    );
    const expected = all.filter((j) => (j.properties?.startTime?.getTime() ?? 0) <= dayStart.getTime()).length;
    assert.equal(zeroHour.length, expected);
    const iso = await collect(
      c.backup.backupJobs.list(VAULT, RG, {
        filter: `startTime eq '${new Date(now.getTime() - 1.5 * 86_400e3).toISOString()}' and endTime eq '${now.toISOString()}'`,
      }),
    );
    assert.ok(iso.length >= 1 && iso.length < 4);
    await assert.rejects(
      collect(c.backup.backupJobs.list(VAULT, RG, { filter: "startTime eq 'yesterday'" })),
      (e: unknown) => e instanceof RestError && e.statusCode === 400 && e.code === 'BMSUserErrorInvalidInput',
    );
    const none = await collect(c.backup.backupJobs.list(VAULT, RG, { filter: "status eq 'Failed'" }));
    assert.deepEqual(none, []);
  });

  it('gets a job with extended info and cancels a running backup: Cancelling → Cancelled', async () => {
    const cap = headerCapture();
    await triggerBackup(c.backup, WEB_VM_01, {}, cap);
    sandbox.clock.advance(2_000);
    const status = await c.backup.protectedItemOperationStatuses.get(
      VAULT,
      RG,
      'Azure',
      containerOf('contoso-web-rg', 'web-vm-01'),
      itemOf('contoso-web-rg', 'web-vm-01'),
      operationIdOf(cap.header('azure-asyncoperation')),
    );
    const jobId = (status.properties as { jobId: string }).jobId;
    const running = (await c.backup.jobDetails.get(VAULT, RG, jobId)).properties as AzureIaaSVMJob;
    assert.equal(running.status, 'InProgress');
    assert.deepEqual(running.actionsInfo, [1]);
    assert.ok(running.extendedInfo?.propertyBag?.['Recovery Point Expiry Time in UTC']);
    const cancel = headerCapture();
    await c.backup.jobCancellations.trigger(VAULT, RG, jobId, { onResponse: cancel.onResponse });
    assert.equal(cancel.status(), 202);
    assert.match(cancel.header('location'), new RegExp(`/backupJobs/${jobId}/operationResults/`));
    assert.equal(((await c.backup.jobDetails.get(VAULT, RG, jobId)).properties as AzureIaaSVMJob).status, 'Cancelling');
    const poll = headerCapture();
    await c.backup.jobOperationResults.get(VAULT, RG, jobId, operationIdOf(cancel.header('location')), {
      onResponse: poll.onResponse,
    });
    assert.equal(poll.status(), 202);
    sandbox.clock.advance(3_000);
    await c.backup.jobOperationResults.get(VAULT, RG, jobId, operationIdOf(cancel.header('location')), {
      onResponse: poll.onResponse,
    });
    assert.equal(poll.status(), 204);
    assert.equal(((await c.backup.jobDetails.get(VAULT, RG, jobId)).properties as AzureIaaSVMJob).status, 'Cancelled');
    await assert.rejects(
      c.backup.jobCancellations.trigger(VAULT, RG, jobId),
      (e: unknown) => e instanceof RestError && e.statusCode === 400 && e.code === 'BMSUserErrorJobNotCancellable',
    );
    await assert.rejects(
      c.backup.jobDetails.get(VAULT, RG, '00000000-0000-0000-0000-000000000000'),
      (e: unknown) => e instanceof RestError && e.statusCode === 404,
    );
  });
});
