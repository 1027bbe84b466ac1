// Bulk protection is planned per subscription and region: a VM can only be protected by a vault in its own
// region, so the selected VMs are grouped that way and each group is offered the vaults of its region. Pure.
import type { CoverageRow, VaultChoice } from './types';
import { idKey, sameId } from '../azure/ids';

export interface RegionGroup {
  /** `<subscriptionId>/<location>`, lower-cased. */
  key: string;
  subscriptionId: string;
  subscriptionName: string;
  location: string;
  vms: CoverageRow[];
  vaults: VaultChoice[];
  /** For "create vault": a free name like `westeurope-backup-vault`, and the resource group of the group's first VM. */
  suggestedVaultName: string;
  suggestedResourceGroup: string;
}

export function groupKey(subscriptionId: string, location: string): string {
  return idKey(`${subscriptionId}/${location}`);
}

/** `<region>-backup-vault`, or with -2, -3… when a vault of the subscription already has that name. */
export function suggestedVaultName(location: string, taken: readonly string[]): string {
  const names = new Set(taken.map((n) => n.toLowerCase()));
  const base = `${location.toLowerCase().replace(/[^a-z0-9-]/g, '')}-backup-vault`.slice(0, 45);
  if (!names.has(base)) return base;
  for (let n = 2; ; n++) if (!names.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Groups the selected, not yet protected rows by subscription and region; protected rows are left out. */
export function groupForProtection(rows: readonly CoverageRow[], vaults: readonly VaultChoice[]): RegionGroup[] {
  const groups = new Map<string, RegionGroup>();
  for (const row of rows) {
    if (row.protection !== 'NotProtected') continue;
    const key = groupKey(row.subscriptionId, row.location);
    let group = groups.get(key);
    if (!group) {
      const sameSub = vaults.filter((v) => sameId(v.subscriptionId, row.subscriptionId));
      group = {
        key,
        subscriptionId: row.subscriptionId,
        subscriptionName: row.subscriptionName,
        location: row.location,
        vms: [],
        vaults: sameSub
          .filter((v) => v.location.toLowerCase() === row.location)
          .sort((a, b) => a.name.localeCompare(b.name)),
        suggestedVaultName: suggestedVaultName(
          row.location,
          sameSub.map((v) => v.name),
        ),
        suggestedResourceGroup: row.resourceGroup,
      };
      groups.set(key, group);
    }
    group.vms.push(row);
  }
  return [...groups.values()].sort(
    (a, b) => a.subscriptionName.localeCompare(b.subscriptionName) || a.location.localeCompare(b.location),
  );
}
