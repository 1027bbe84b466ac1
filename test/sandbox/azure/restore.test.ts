// Restore and file recovery through the Azure layer, against the sandbox, with the real SDK clients: each kind of
// restore to its completed job and its effect, each refusal before anything is sent, a lost answer followed instead
// of resent, the file-recovery session, and the listings the restore form offers.
import * as assert from 'node:assert/strict';
import type { ItemRef, RestoreRequest } from '../../../src/azure';
import { AzureError } from '../../../src/azure';
import { STORY_SUBSCRIPTION_ID } from '../../../src/sandbox';
import { storyItem, useHarness } from './setup';

const SUB = `/subscriptions/${STORY_SUBSCRIPTION_ID}`;
const VM_RG = 'contoso-web-rg';
const BACKUP_RG = 'contoso-backup-rg';
const STAGING = `${SUB}/resourceGroups/${VM_RG}/providers/Microsoft.Storage/storageAccounts/contosowebstaging`;
const OTHER_REGION_STAGING = `${SUB}/resourceGroups/contoso-data-rg/providers/Microsoft.Storage/storageAccounts/contosodatastaging`;
const VNET = `${SUB}/resourceGroups/${VM_RG}/providers/Microsoft.Network/virtualNetworks/contoso-web-vnet`;
const OTHER_REGION_VNET = `${SUB}/resourceGroups/contoso-data-rg/providers/Microsoft.Network/virtualNetworks/contoso-data-vnet`;

const newVm = (vmName: string, over: Partial<RestoreRequest> = {}): RestoreRequest =>
  ({
    kind: 'newVm',
    region: 'westeurope',
    vmName,
    targetResourceGroup: VM_RG,
    virtualNetworkId: VNET,
    subnetId: `${VNET}/subnets/restore`,
    stagingStorageAccountId: STAGING,
    zone: '2',
    ...over,
  }) as RestoreRequest;

describe('Azure layer against the sandbox: restore and file recovery', function () {
  this.timeout(30_000);
  const h = useHarness({}, { perTest: true });
  let web01: ItemRef;
  let point: string;
  beforeEach(async () => {
    web01 = storyItem(h.subscriptionId, 'web-vm-01', VM_RG);
    point = (await h.service.listRecoveryPoints(web01)).items[0].name;
    h.sandbox.requestLog.clear();
  });

  it("reads a VM's availability zone with the VM (the restore form offers that zone only), none for a regional one", async () => {
    h.sandbox.control.addVm({ resourceGroup: VM_RG, name: 'zonal-vm', location: 'westeurope', zone: '2' });
    const zonal = await h.service.getVirtualMachine({
      subscriptionId: h.subscriptionId,
      resourceGroup: VM_RG,
      name: 'zonal-vm',
    });
    assert.deepEqual(zonal.zones, ['2']);
    const regional = await h.service.getVirtualMachine({
      subscriptionId: h.subscriptionId,
      resourceGroup: VM_RG,
      name: 'web-vm-01',
    });
    assert.equal(regional.zones, undefined);
  });

  const restorePosts = () =>
    h.sandbox.requestLog.entries().filter((e) => e.method === 'POST' && /\/restore$/i.test(e.path));
  const restoreJobs = () => h.sandbox.control.snapshot().jobs.filter((j) => j.operation === 'Restore');
  const vm = (rg: string, name: string) =>
    h.sandbox.control.snapshot().vms.find((v) => v.resourceGroup === rg && v.name === name);
  const disksIn = (rg: string) => (h.sandbox.control.snapshot().disks ?? []).filter((d) => d.resourceGroup === rg);

  it('reads a recovery point with its consistency, tier, expiry, OS and file-recovery state', async () => {
    const rp = await h.service.getRecoveryPoint(web01, point);
    assert.equal(rp.consistency, 'ApplicationConsistent');
    assert.equal(rp.tier, 'SnapshotAndVault');
    assert.equal(rp.osType, 'Windows');
    assert.equal(rp.fileRecoveryActive, false);
    assert.ok(rp.expiry && rp.expiry.getTime() > rp.time.getTime());
  });

  it('restores to a new VM: a Restore job followed to its end, then the VM in the target group, subnet and zone', async () => {
    const seen: string[] = [];
    const op = await h.service.restore(web01, point, newVm('web-restored'), { onProgress: (j) => seen.push(j.status) });
    assert.equal(op.outcome, 'Completed', JSON.stringify(op.error));
    assert.equal(op.job?.operation, 'Restore');
    assert.equal(op.job?.status, 'Completed');
    assert.ok(seen.includes('InProgress'), 'progress reported while the job ran');
    const created = vm(VM_RG, 'web-restored');
    assert.ok(created, 'the new VM exists');
    assert.equal(created.zone, '2');
    assert.equal(created.subnetId?.toLowerCase(), `${VNET}/subnets/restore`.toLowerCase());
    assert.equal(await h.service.isVmNameAvailable(h.subscriptionId, VM_RG, 'web-restored'), false);
    assert.equal(op.job?.properties?.['Job Type'], 'Create new virtual machine');
    assert.equal(op.job?.properties?.['Target VM Name'], 'web-restored');
    assert.equal(restorePosts().length, 1);
  });

  it('restores disks into the target group', async () => {
    const op = await h.service.restore(web01, point, {
      kind: 'restoreDisks',
      region: 'westeurope',
      targetResourceGroup: BACKUP_RG,
      stagingStorageAccountId: STAGING,
    });
    assert.equal(op.outcome, 'Completed', JSON.stringify(op.error));
    assert.equal(op.job?.properties?.['Job Type'], 'Recover disks');
    const disks = disksIn(BACKUP_RG);
    assert.equal(disks.length, 2, 'the OS disk and the data disk');
    assert.ok(disks.every((d) => d.name.startsWith('web-vm-01-')));
  });

  it("replaces the VM's disks: the VM runs on a new OS disk, the old one kept unattached", async () => {
    // The seed VM's OS disk has Azure's default name (the sandbox renders it without storing it).
    const before = vm(VM_RG, 'web-vm-01')?.osDiskName ?? 'web-vm-01_OsDisk_1';
    const op = await h.service.restore(web01, point, {
      kind: 'replaceDisks',
      region: 'westeurope',
      stagingStorageAccountId: STAGING,
    });
    assert.equal(op.outcome, 'Completed', JSON.stringify(op.error));
    const after = vm(VM_RG, 'web-vm-01')?.osDiskName;
    assert.ok(after && after !== before, `OS disk replaced (${before} → ${after})`);
    assert.match(after, /^web-vm-01-osdisk-\d{14}$/);
    const old = disksIn(VM_RG).find((d) => d.name === before);
    assert.ok(old, 'the old OS disk is kept');
    assert.equal(old.managedBy, undefined);
  });

  it('with untilJobStarted, resolves once the Restore job runs', async () => {
    const op = await h.service.restore(
      web01,
      point,
      { kind: 'replaceDisks', region: 'westeurope', stagingStorageAccountId: STAGING },
      { untilJobStarted: true },
    );
    assert.equal(op.outcome, 'Completed');
    assert.equal(op.job?.status, 'InProgress');
    assert.equal(restoreJobs().length, 1);
  });

  const refusals: [string, () => RestoreRequest, string, string][] = [
    ['a Windows VM name over 15 characters', () => newVm('web-vm-01-restored'), 'InvalidVmName', 'vmName'],
    ['a VM name ending with a hyphen', () => newVm('web-new-'), 'InvalidVmName', 'vmName'],
    ['a VM name with a space', () => newVm('web new'), 'InvalidVmName', 'vmName'],
    ['a VM name already taken in the group', () => newVm('web-vm-02'), 'VmNameTaken', 'vmName'],
    [
      'a staging account in another region',
      () => newVm('web-new', { stagingStorageAccountId: OTHER_REGION_STAGING }),
      'RestoreTargetInOtherRegion',
      'stagingStorageAccountId',
    ],
    [
      'a network in another region',
      () => newVm('web-new', { virtualNetworkId: OTHER_REGION_VNET, subnetId: `${OTHER_REGION_VNET}/subnets/default` }),
      'RestoreTargetInOtherRegion',
      'virtualNetworkId',
    ],
    [
      'a subnet of another network',
      () => newVm('web-new', { subnetId: `${OTHER_REGION_VNET}/subnets/default` }),
      'InvalidRestoreRequest',
      'subnetId',
    ],
    [
      'a subnet that does not exist',
      () => newVm('web-new', { subnetId: `${VNET}/subnets/nope` }),
      'RestoreTargetNotFound',
      'subnetId',
    ],
    [
      'a staging account that does not exist',
      () =>
        newVm('web-new', {
          stagingStorageAccountId: `${SUB}/resourceGroups/${VM_RG}/providers/Microsoft.Storage/storageAccounts/nosuch`,
        }),
      'RestoreTargetNotFound',
      'stagingStorageAccountId',
    ],
    [
      'no target group for restored disks',
      () => ({ kind: 'restoreDisks', region: 'westeurope', targetResourceGroup: '', stagingStorageAccountId: STAGING }),
      'InvalidRestoreRequest',
      'targetResourceGroup',
    ],
    [
      'no staging account',
      () => ({ kind: 'replaceDisks', region: 'westeurope', stagingStorageAccountId: '' }),
      'InvalidRestoreRequest',
      'stagingStorageAccountId',
    ],
    ['a zone that is not 1, 2 or 3', () => newVm('web-new', { zone: '4' }), 'InvalidRestoreRequest', 'zone'],
    [
      'no region',
      () => ({ kind: 'replaceDisks', region: '', stagingStorageAccountId: STAGING }),
      'InvalidRestoreRequest',
      'region',
    ],
  ];
  for (const [what, request, code, target] of refusals) {
    it(`refuses ${what} before sending (${code} on ${target})`, async () => {
      await assert.rejects(h.service.restore(web01, point, request()), (e: unknown) => {
        assert.ok(e instanceof AzureError, String(e));
        assert.equal(e.code, code, e.message);
        assert.equal(e.target, target);
        assert.ok(e.message.length > 10);
        return true;
      });
      assert.equal(restorePosts().length, 0, 'no restore POST was sent');
      assert.equal(restoreJobs().length, 0);
    });
  }

  it('a restore whose answer is lost is not sent again: the layer follows the one Restore job it started', async () => {
    h.sandbox.setFaults({ rate: 1, kinds: ['dropResponse'], count: 1, pathPattern: '/restore$', methods: ['POST'] });
    const op = await h.service.restore(web01, point, newVm('web-lost'));
    assert.equal(op.outcome, 'Completed', JSON.stringify(op.error));
    assert.equal(op.joinedExisting, true);
    assert.deepEqual(
      restorePosts().map((e) => e.status),
      [0],
      'one POST, its answer lost, never resent',
    );
    assert.equal(restoreJobs().length, 1);
    assert.equal(op.jobId, restoreJobs()[0].id);
    assert.ok(vm(VM_RG, 'web-lost'), 'exactly the one VM was created');
  });

  it('a restore whose connection drops before the service takes it: no job, the lost answer reported, nothing resent', async () => {
    h.sandbox.setFaults({ rate: 1, kinds: ['reset'], count: 1, pathPattern: '/restore$', methods: ['POST'] });
    await assert.rejects(
      h.service.restore(web01, point, newVm('web-reset')),
      (e: unknown) => e instanceof AzureError && e.code === 'ResponseLost' && /may have been applied/.test(e.message),
    );
    assert.deepEqual(
      restorePosts().map((e) => e.status),
      [0],
      'sent once, never again',
    );
    assert.equal(restoreJobs().length, 0);
    assert.equal(vm(VM_RG, 'web-reset'), undefined);
  });

  it('a restore whose connection drops just after another restore of the item ended: that job is not taken for ours', async () => {
    const first = await h.service.restore(web01, point, newVm('web-before'));
    assert.equal(first.outcome, 'Completed');
    h.sandbox.setFaults({ rate: 1, kinds: ['reset'], count: 1, pathPattern: '/restore$', methods: ['POST'] });
    await assert.rejects(
      h.service.restore(web01, point, newVm('web-after')),
      (e: unknown) => e instanceof AzureError && e.code === 'ResponseLost',
    );
    assert.equal(restoreJobs().length, 1, 'only the first restore ran');
    assert.equal(vm(VM_RG, 'web-after'), undefined);
  });

  it('a restore clicked twice at once: one POST, one job, both calls follow it', async () => {
    const request: RestoreRequest = { kind: 'replaceDisks', region: 'westeurope', stagingStorageAccountId: STAGING };
    const [a, b] = await Promise.all([
      h.service.restore(web01, point, request),
      h.service.restore(web01, point, request),
    ]);
    assert.equal(a.outcome, 'Completed', JSON.stringify(a.error));
    assert.equal(b.jobId, a.jobId);
    assert.equal(restorePosts().length, 1);
    assert.equal(restoreJobs().length, 1);
  });

  it("a restore while another runs is the service's refusal, reported as is", async () => {
    const request: RestoreRequest = { kind: 'replaceDisks', region: 'westeurope', stagingStorageAccountId: STAGING };
    await h.service.restore(web01, point, request, { untilJobStarted: true });
    await assert.rejects(
      h.service.restore(web01, point, request),
      (e: unknown) => e instanceof AzureError && e.code === 'BMSUserErrorRestoreInProgress' && !!e.requestId,
    );
    assert.equal(restoreJobs().length, 1);
  });

  it('a cancelled restore ends Cancelled at once; the Restore job itself runs on', async () => {
    const abort = new AbortController();
    const op = await h.service.restore(
      web01,
      point,
      { kind: 'replaceDisks', region: 'westeurope', stagingStorageAccountId: STAGING },
      {
        signal: abort.signal,
        // Time nearly stops once the job runs, so it is still running when the test looks.
        onProgress: (j) => {
          if (j.status === 'InProgress') {
            h.sandbox.clock.setSpeed(0.001);
            abort.abort();
          }
        },
      },
    );
    assert.equal(op.outcome, 'Cancelled');
    assert.equal(op.job?.status, 'InProgress');
    assert.deepEqual(
      restoreJobs().map((j) => j.status),
      ['InProgress'],
    );
  });

  it("a recovery point that does not exist is the service's 404, and nothing is sent", async () => {
    await assert.rejects(
      h.service.restore(web01, '999', { kind: 'replaceDisks', region: 'westeurope', stagingStorageAccountId: STAGING }),
      (e: unknown) => e instanceof AzureError && e.code === 'BMSUserErrorRecoveryPointNotFound' && e.status === 404,
    );
    await assert.rejects(
      h.service.provisionFileRecovery(web01, '999'),
      (e: unknown) => e instanceof AzureError && e.code === 'BMSUserErrorRecoveryPointNotFound',
    );
    assert.equal(restorePosts().length, 0);
    assert.equal(h.sandbox.requestLog.entries().filter((e) => e.method === 'POST').length, 0);
  });

  it('provisions file recovery: a script named after the VM and point that names the VM; revoke ends the session', async () => {
    const scripts = await h.service.provisionFileRecovery(web01, point);
    assert.equal(scripts.length, 1);
    const [script] = scripts;
    assert.equal(script.osType, 'Windows');
    assert.equal(script.extension, '.ps1');
    assert.match(script.fileName, /^web-vm-01_\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2}_[A-Za-z0-9]+\.ps1$/);
    assert.match(script.content, /file recovery for web-vm-01/);
    assert.equal((await h.service.getRecoveryPoint(web01, point)).fileRecoveryActive, true);
    await h.service.revokeFileRecovery(web01, point);
    assert.equal((await h.service.getRecoveryPoint(web01, point)).fileRecoveryActive, false);
  });

  it('lists the networks and staging accounts of a region, and checks VM names', async () => {
    const west = await h.service.listVirtualNetworks(h.subscriptionId, 'westeurope');
    assert.deepEqual(
      west.map((n) => n.name),
      ['contoso-web-vnet'],
    );
    assert.deepEqual(
      west[0].subnets.map((s) => s.name),
      ['default', 'restore'],
    );
    assert.equal(west[0].subnets[1].id.toLowerCase(), `${VNET}/subnets/restore`.toLowerCase());
    assert.deepEqual(
      (await h.service.listVirtualNetworks(h.subscriptionId, 'North Europe')).map((n) => n.name),
      ['contoso-data-vnet'],
    );
    const accounts = await h.service.listStorageAccounts(h.subscriptionId, 'westeurope');
    assert.deepEqual(
      accounts.map((a) => a.name),
      ['contosowebstaging'],
    );
    assert.equal(accounts[0].resourceGroup, VM_RG);
    assert.deepEqual(
      (await h.service.listStorageAccounts(h.subscriptionId, 'northeurope')).map((a) => a.name),
      ['contosodatastaging'],
    );
    assert.deepEqual(await h.service.listVirtualNetworks(h.subscriptionId, 'eastus'), []);
    assert.equal(await h.service.isVmNameAvailable(h.subscriptionId, VM_RG, 'web-vm-01'), false);
    assert.equal(await h.service.isVmNameAvailable(h.subscriptionId, VM_RG, 'web-free'), true);
    await assert.rejects(
      h.service.isVmNameAvailable(h.subscriptionId, 'no-such-rg', 'web-free'),
      (e: unknown) => e instanceof AzureError && e.status === 404,
    );
  });

  it("reads the vault's encryption of backup data", async () => {
    assert.deepEqual(await h.service.getEncryptionConfig(web01), {
      type: 'MicrosoftManaged',
      infrastructureEncryption: false,
    });
  });
});
