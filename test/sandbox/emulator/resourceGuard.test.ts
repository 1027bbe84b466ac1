/**
 * Multi-user authorization on the seeded "vault-guarded": its Resource Guard mapping is listed and read by name, and
 * the operations the guard protects are refused without an approved request and done with one.
 */
import * as assert from 'node:assert/strict';
import type {
  AzureIaaSVMProtectedItem,
  AzureIaaSVMProtectionPolicy,
  RecoveryServicesBackupClient,
} from '@azure/arm-recoveryservicesbackup';
import { RestError } from '@azure/core-rest-pipeline';
import {
  GUARDED_VAULT,
  STORY_RESOURCE_GUARD_ID,
  STORY_SUBSCRIPTION_ID,
  type RunningSandbox,
} from '../../../src/sandbox';
import { collect, containerOf, itemOf, putVmItem, type SandboxClients, useTestSandbox } from './helpers';

const { name: VAULT, resourceGroup: RG } = GUARDED_VAULT;
const VM_RG = 'security-rg';
const VM = 'tl-vm-01';
const VAULT_ID = `/subscriptions/${STORY_SUBSCRIPTION_ID}/resourceGroups/${RG}/providers/Microsoft.RecoveryServices/vaults/${VAULT}`;
const ITEM_ID = `${VAULT_ID}/backupFabrics/Azure/protectionContainers/${containerOf(VM_RG, VM)}/protectedItems/${itemOf(VM_RG, VM)}`;
const request = (operation: string): string => `${STORY_RESOURCE_GUARD_ID}/${operation}/default`;
const isMua = (e: unknown): boolean =>
  e instanceof RestError &&
  e.statusCode === 400 &&
  e.code === 'BMSUserErrorCriticalOperationNotAuthorized' &&
  e.message.includes(STORY_RESOURCE_GUARD_ID);

const protect = (
  b: RecoveryServicesBackupClient,
  policy: string,
  extra: Record<string, unknown> = {},
): Promise<string> =>
  putVmItem(
    b,
    { vault: VAULT, rg: RG, vmRg: VM_RG, vm: VM },
    { policyId: `${VAULT_ID}/backupPolicies/${policy}`, ...extra },
  );

describe('Resource Guard (multi-user authorization) on the seeded vault-guarded', () => {
  let sandbox: RunningSandbox;
  let c: SandboxClients;
  useTestSandbox({}, (f) => ({ sandbox, c } = f), { each: true });

  const policyWithDays = async (name: string, days: number, requests?: string[]): Promise<unknown> => {
    const base = (await c.backup.protectionPolicies.get(VAULT, RG, 'EnhancedPolicy'))
      .properties as AzureIaaSVMProtectionPolicy;
    const retention = base.retentionPolicy as { dailySchedule: { retentionDuration: { count: number } } };
    return c.backup.protectionPolicies.createOrUpdate(VAULT, RG, name, {
      properties: {
        ...base,
        retentionPolicy: {
          ...retention,
          dailySchedule: { ...retention.dailySchedule, retentionDuration: { count: days, durationType: 'Days' } },
        },
        ...(requests ? { resourceGuardOperationRequests: requests } : {}),
      } as AzureIaaSVMProtectionPolicy,
    });
  };

  it('lists the mapping and reads it by name; a vault without a guard lists none', async () => {
    const list = await collect(c.backup.resourceGuardProxies.list(VAULT, RG));
    assert.equal(list.length, 1);
    assert.equal(list[0].name, 'VaultProxy');
    assert.equal(list[0].properties?.resourceGuardResourceId, STORY_RESOURCE_GUARD_ID);
    const delRequest = list[0].properties?.resourceGuardOperationDetails?.find((d) =>
      d.vaultCriticalOperation?.endsWith('protectedItems/delete'),
    );
    assert.equal(delRequest?.defaultResourceRequest, request('deleteProtectedItemRequests'));
    const one = await c.backup.resourceGuardProxy.get(VAULT, RG, 'vaultproxy');
    assert.equal(one.id, `${VAULT_ID}/backupResourceGuardProxies/VaultProxy`);
    assert.deepEqual(await collect(c.backup.resourceGuardProxies.list('contoso-vault', 'contoso-backup-rg')), []);
    await assert.rejects(
      c.backup.resourceGuardProxy.get(VAULT, RG, 'OtherProxy'),
      (e: unknown) => e instanceof RestError && e.statusCode === 404,
    );
  });

  it('the vault reports multi-user authorization Enabled while a Resource Guard is mapped, Disabled without one', async () => {
    const mua = async (vault: string, group: string): Promise<string | undefined> =>
      (await c.vaults.vaults.get(group, vault)).properties?.securitySettings?.multiUserAuthorization;
    assert.equal(await mua(VAULT, RG), 'Enabled');
    const listed = await collect(c.vaults.vaults.listByResourceGroup(RG));
    assert.equal(listed.find((v) => v.name === VAULT)?.properties?.securitySettings?.multiUserAuthorization, 'Enabled');
    assert.equal(await mua('contoso-vault', 'contoso-backup-rg'), 'Disabled');
  });

  it('disabling soft delete or shortening its retention needs an approved request; strengthening does not', async () => {
    await c.backup.backupResourceVaultConfigs.update(VAULT, RG, {
      properties: { softDeleteRetentionPeriodInDays: 30 },
    });
    await assert.rejects(
      c.backup.backupResourceVaultConfigs.update(VAULT, RG, { properties: { softDeleteFeatureState: 'Disabled' } }),
      isMua,
    );
    await assert.rejects(
      c.backup.backupResourceVaultConfigs.put(VAULT, RG, { properties: { softDeleteRetentionPeriodInDays: 14 } }),
      isMua,
    );
    await assert.rejects(
      c.backup.backupResourceVaultConfigs.update(VAULT, RG, {
        properties: {
          softDeleteFeatureState: 'Disabled',
          resourceGuardOperationRequests: [request('deleteProtectedItemRequests')],
        },
      }),
      isMua,
      'a request for another operation does not approve this one',
    );
    assert.equal(
      (await c.backup.backupResourceVaultConfigs.get(VAULT, RG)).properties?.softDeleteFeatureState,
      'Enabled',
      'nothing changed',
    );
    await assert.rejects(
      c.vaults.vaults.update(
        RG,
        VAULT,
        { properties: { securitySettings: { softDeleteSettings: { softDeleteState: 'Disabled' } } } },
        { updateIntervalInMs: 10 },
      ),
      isMua,
      'the vault resource itself is guarded the same way',
    );
    const done = await c.backup.backupResourceVaultConfigs.update(VAULT, RG, {
      properties: {
        softDeleteFeatureState: 'Disabled',
        resourceGuardOperationRequests: [request('disableSoftDeleteRequests')],
      },
    });
    assert.equal(done.properties?.softDeleteFeatureState, 'Disabled');
  });

  it("shortening a policy's retention needs an approved request; lengthening it does not", async () => {
    await policyWithDays('Guarded-Daily', 30);
    await policyWithDays('Guarded-Daily', 60);
    await assert.rejects(policyWithDays('Guarded-Daily', 10), isMua);
    await policyWithDays('Guarded-Daily', 10, [request('updateProtectionPolicyRequests')]);
    const stored = (await c.backup.protectionPolicies.get(VAULT, RG, 'Guarded-Daily'))
      .properties as AzureIaaSVMProtectionPolicy;
    assert.equal(
      (stored.retentionPolicy as { dailySchedule: { retentionDuration: { count: number } } }).dailySchedule
        .retentionDuration.count,
      10,
    );
    assert.equal(stored.resourceGuardOperationRequests, undefined, 'the approval is not kept on the policy');
  });

  it('moving an item to a policy with shorter retention needs an approved request', async () => {
    await policyWithDays('Short-Keep', 7);
    await protect(c.backup, 'EnhancedPolicy');
    sandbox.clock.advance(30_000);
    await assert.rejects(protect(c.backup, 'Short-Keep'), isMua);
    await protect(c.backup, 'Short-Keep', { resourceGuardOperationRequests: [request('updateProtectedItemRequests')] });
    sandbox.clock.advance(30_000);
    const item = (await c.backup.protectedItems.get(VAULT, RG, 'Azure', containerOf(VM_RG, VM), itemOf(VM_RG, VM)))
      .properties as AzureIaaSVMProtectedItem;
    assert.equal(item.policyName, 'Short-Keep');
  });

  it('stop protection with delete data needs unlockDelete for that item first, with an approved request', async () => {
    await protect(c.backup, 'EnhancedPolicy');
    sandbox.clock.advance(30_000);
    const del = (): Promise<void> =>
      c.backup.protectedItems.delete(VAULT, RG, 'Azure', containerOf(VM_RG, VM), itemOf(VM_RG, VM));
    await assert.rejects(del(), isMua);
    await assert.rejects(
      c.backup.resourceGuardProxy.unlockDelete(VAULT, RG, 'VaultProxy', {
        resourceToBeDeleted: ITEM_ID,
        resourceGuardOperationRequests: [],
      }),
      isMua,
    );
    await c.backup.resourceGuardProxy.unlockDelete(VAULT, RG, 'VaultProxy', {
      resourceToBeDeleted: `${VAULT_ID}/other`,
      resourceGuardOperationRequests: [request('deleteProtectedItemRequests')],
    });
    await assert.rejects(del(), isMua, 'an unlock for another resource does not unlock this one');
    const unlock = await c.backup.resourceGuardProxy.unlockDelete(VAULT, RG, 'VaultProxy', {
      resourceToBeDeleted: ITEM_ID,
      resourceGuardOperationRequests: [request('deleteProtectedItemRequests')],
    });
    assert.ok(Date.parse(unlock.unlockDeleteExpiryTime ?? '') > Date.now());
    await del();
  });

  it('an unlock lapses: a delete after it has expired is refused again', async () => {
    await protect(c.backup, 'EnhancedPolicy');
    sandbox.clock.advance(30_000);
    await c.backup.resourceGuardProxy.unlockDelete(VAULT, RG, 'VaultProxy', {
      resourceToBeDeleted: ITEM_ID,
      resourceGuardOperationRequests: [request('deleteProtectedItemRequests')],
    });
    sandbox.clock.advance(31 * 60_000);
    await assert.rejects(
      c.backup.protectedItems.delete(VAULT, RG, 'Azure', containerOf(VM_RG, VM), itemOf(VM_RG, VM)),
      isMua,
    );
  });
});
