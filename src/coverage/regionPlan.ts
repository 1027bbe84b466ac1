// Bulk protection is planned per subscription and region: a VM can only be protected by a vault in its own
// region, so the selected VMs are grouped that way and each group is offered the vaults of its region. Within a
// group, the VMs only an Enhanced policy protects are offered only the vault's Enhanced policies. Pure.
import type { EnhancedPolicyReason } from '../azure/enhancedPolicy';
import { idKey, sameId } from '../azure/ids';
import type { EnableGroup } from './protocol';
import type { CoverageRow, PolicyOption, VaultChoice } from './types';

export interface RegionGroup {
  /** `<subscriptionId>/<location>`, lower-cased. */
  key: string;
  subscriptionId: string;
  subscriptionName: string;
  location: string;
  /** Every VM of the group, `enhancedOnly` included. */
  vms: CoverageRow[];
  /** The VMs only an Enhanced policy protects (their `enhancedReason` says why). */
  enhancedOnly: CoverageRow[];
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
        enhancedOnly: [],
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
    if (row.enhancedReason) group.enhancedOnly.push(row);
  }
  return [...groups.values()].sort(
    (a, b) => a.subscriptionName.localeCompare(b.subscriptionName) || a.location.localeCompare(b.location),
  );
}

/** The reasons of a group's Enhanced-only VMs, each once, in the order first met. */
export function enhancedReasons(group: Pick<RegionGroup, 'enhancedOnly'>): EnhancedPolicyReason[] {
  return [...new Set(group.enhancedOnly.flatMap((v) => (v.enhancedReason ? [v.enhancedReason] : [])))];
}

export const enhancedPolicies = (vault: VaultChoice): PolicyOption[] => vault.policies.filter((p) => p.enhanced);

/** `name` when it is one of `policies`, else the first of them (undefined when there is none). */
const pick = (policies: readonly PolicyOption[], name: string | undefined): string | undefined =>
  (policies.find((p) => p.name === name) ?? policies[0])?.name;

export interface GroupRequests {
  /** What the enable button sends for the group: at most one request per policy. */
  requests: EnableGroup[];
  /** The VMs left out: no policy of the vault may protect them. */
  leftOut: CoverageRow[];
}

/**
 * What enabling a group with `vault` sends: the VMs any policy protects get `policyName`, the Enhanced-only VMs get
 * `enhancedPolicyName`, each the vault's first fitting policy when the name is not one of them. A VM no policy of the
 * vault fits is left out, never sent a Standard policy.
 */
export function groupRequests(
  group: Pick<RegionGroup, 'subscriptionId' | 'vms' | 'enhancedOnly'>,
  vault: VaultChoice,
  policyName?: string,
  enhancedPolicyName?: string,
): GroupRequests {
  const enhancedOnly = new Set(group.enhancedOnly.map((v) => idKey(v.vmId)));
  const parts: [CoverageRow[], string | undefined][] = [
    [group.vms.filter((v) => !enhancedOnly.has(idKey(v.vmId))), pick(vault.policies, policyName)],
    [group.enhancedOnly, pick(enhancedPolicies(vault), enhancedPolicyName)],
  ];
  const requests: EnableGroup[] = [];
  const leftOut: CoverageRow[] = [];
  for (const [vms, policy] of parts) {
    if (vms.length === 0) continue;
    const same = requests.find((r) => r.policyName === policy);
    if (!policy) leftOut.push(...vms);
    else if (same) same.vmIds.push(...vms.map((v) => v.vmId));
    else
      requests.push({
        subscriptionId: group.subscriptionId,
        vaultId: vault.id,
        policyName: policy,
        vmIds: vms.map((v) => v.vmId),
      });
  }
  return { requests, leftOut };
}
