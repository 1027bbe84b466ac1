// Recovery Services vaults (modular SDK) and their backup storage config (backup SDK).
import type { CreateVaultInput, Page, PageOptions, VaultRef } from '../backupService';
import { toStorageConfig, toVault } from '../convert/vaults';
import { AzureError } from '../errors';
import type { NameCheck, StorageConfig, StorageRedundancy, Vault } from '../model';
import { vaultsKey } from '../transport/listingCache';
import { gatherPages, type ListPage, modularToken, onePage } from '../paging';
import { validateVaultName } from '../validation';
import type { OperationContext } from './context';
import { call } from './context';

/** One page of the subscription's vault list, through the listing cache (the vaults node and the join share it). */
function vaultPage(
  ctx: OperationContext,
  subscriptionId: string,
  token: string | undefined,
  signal?: AbortSignal,
): Promise<ListPage<Vault>> {
  return ctx.cache.page(
    vaultsKey(subscriptionId),
    token,
    (s) =>
      call(async () => {
        const { raw, next } = await onePage(
          ctx.clients.vaults(subscriptionId).vaults.listBySubscriptionId({ abortSignal: s }),
          modularToken,
          token,
        );
        const entries = raw.map(toVault);
        return next ? { entries, next } : { entries };
      }),
    signal,
  );
}

export async function listVaults(
  ctx: OperationContext,
  subscriptionId: string,
  options: PageOptions = {},
): Promise<Page<Vault>> {
  const page = await gatherPages((token) => vaultPage(ctx, subscriptionId, token, options.signal), options);
  return page.next ? { items: page.entries, continuationToken: page.next } : { items: page.entries };
}

/** Every vault of the subscription. */
export async function listAllVaults(
  ctx: OperationContext,
  subscriptionId: string,
  signal?: AbortSignal,
): Promise<Vault[]> {
  return (await listVaults(ctx, subscriptionId, { signal })).items;
}

export async function getVault(ctx: OperationContext, ref: VaultRef, signal?: AbortSignal): Promise<Vault> {
  return toVault(
    await call(() =>
      ctx.clients.vaults(ref.subscriptionId).vaults.get(ref.resourceGroup, ref.name, { abortSignal: signal }),
    ),
  );
}

/** The naming rules first (no call), then the service's checkNameAvailability. */
export async function checkVaultName(
  ctx: OperationContext,
  subscriptionId: string,
  resourceGroup: string,
  location: string,
  name: string,
  signal?: AbortSignal,
): Promise<NameCheck> {
  const problem = validateVaultName(name);
  if (problem) {
    return { available: false, message: problem.message };
  }
  try {
    const result = await ctx.clients
      .vaults(subscriptionId)
      .recoveryServices.checkNameAvailability(
        resourceGroup,
        location,
        { type: 'Microsoft.RecoveryServices/Vaults', name },
        { abortSignal: signal },
      );
    return result.nameAvailable === false
      ? { available: false, message: result.message ?? `The name '${name}' is already in use.` }
      : { available: true };
  } catch (e) {
    const error = AzureError.from(e);
    // Vault names are unique per resource group: a group that does not exist yet holds no vault.
    if (error.code === 'ResourceGroupNotFound') {
      return { available: true };
    }
    throw error;
  }
}

export async function createVault(
  ctx: OperationContext,
  input: CreateVaultInput,
  signal?: AbortSignal,
): Promise<Vault> {
  const problem = validateVaultName(input.name);
  if (problem) {
    throw new AzureError({ code: 'InvalidVaultName', message: problem.message, retryable: false });
  }
  if (input.createResourceGroup) {
    await call(() =>
      ctx.clients
        .resources(input.subscriptionId)
        .resourceGroups.createOrUpdate(input.resourceGroup, { location: input.location }, { abortSignal: signal }),
    );
  }
  const created = await call(async () =>
    ctx.clients
      .vaults(input.subscriptionId)
      .vaults.createOrUpdate(
        input.resourceGroup,
        input.name,
        { location: input.location, sku: { name: 'Standard' }, properties: { publicNetworkAccess: 'Enabled' } },
        { abortSignal: signal, updateIntervalInMs: ctx.timing.intervalMs },
      ),
  );
  ctx.cache.invalidate({ subscriptionId: input.subscriptionId, vaultList: true });
  return toVault(created);
}

export async function getStorageConfig(
  ctx: OperationContext,
  ref: VaultRef,
  signal?: AbortSignal,
): Promise<StorageConfig> {
  return toStorageConfig(
    await call(() =>
      ctx.clients
        .backup(ref.subscriptionId)
        .backupResourceStorageConfigsNonCRR.get(ref.name, ref.resourceGroup, { abortSignal: signal }),
    ),
  );
}

/** PUT of the vault's backup storage config; the service refuses a change once locked (StorageModelModifyError). */
export async function setStorageConfig(
  ctx: OperationContext,
  ref: VaultRef,
  redundancy: StorageRedundancy,
  crossRegionRestore: boolean,
  signal?: AbortSignal,
): Promise<StorageConfig> {
  const resource = await call(() =>
    ctx.clients.backup(ref.subscriptionId).backupResourceStorageConfigsNonCRR.update(
      ref.name,
      ref.resourceGroup,
      {
        properties: {
          storageModelType: redundancy,
          storageType: redundancy,
          crossRegionRestoreFlag: crossRegionRestore,
        },
      },
      { abortSignal: signal },
    ),
  );
  ctx.cache.invalidate({ subscriptionId: ref.subscriptionId, vaultList: true }); // the vault's redundancy changed
  // A 200 without properties would read as defaults: read the stored config back instead.
  return resource.properties ? toStorageConfig(resource) : getStorageConfig(ctx, ref, signal);
}
