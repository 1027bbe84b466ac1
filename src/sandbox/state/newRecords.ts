/** Fresh sandbox records as Azure creates them: what every new vault and every new state starts with. */
import type { SandboxState, VaultRecord } from './model';

type VaultIdentity = Pick<VaultRecord, 'subscriptionId' | 'resourceGroup' | 'name' | 'location' | 'createdAt'>;

/** A new vault: Standard, geo-redundant, public, soft delete on; discovered and modified when created unless given. */
export function newVaultRecord(fields: VaultIdentity & Partial<VaultRecord>): VaultRecord {
  return {
    skuName: 'Standard',
    storageType: 'GeoRedundant',
    crossRegionRestore: false,
    storageLocked: false,
    publicNetworkAccess: 'Enabled',
    softDeleteState: 'Enabled',
    extraProperties: {},
    discoveredAt: fields.createdAt,
    modifiedAt: fields.createdAt,
    ...fields,
  };
}

/** A state with nothing in it yet (no subscription either). */
export function blankState(tenantId: string, now: number): SandboxState {
  return {
    version: 1,
    tenantId,
    savedAt: now,
    counter: 0,
    subscriptions: [],
    resourceGroups: [],
    vms: [],
    vaults: [],
    policies: [],
    items: [],
    jobs: [],
    recoveryPoints: [],
    operations: [],
  };
}
