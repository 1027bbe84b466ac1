/** Page sizes per list: which list a paged route answers, and how many entries one page holds. */
import type { PageSizes } from '../types';

export type ListKind = Exclude<keyof PageSizes, 'default'>;

/**
 * Defaults when neither `pageSizes` nor `pageSize` is given. Backup RP lists: 200 (the documented maximum of
 * backupProtectableItems, applied to every backup RP list). ARM lists: 50, a choice (see README.md, Paging).
 */
export const DEFAULT_PAGE_SIZES: Readonly<Record<ListKind, number>> = {
  subscriptions: 50,
  resourceGroups: 50,
  resources: 50,
  virtualMachines: 50,
  vaults: 50,
  virtualNetworks: 50,
  storageAccounts: 50,
  disks: 50,
  backupProtectedItems: 200,
  backupJobs: 200,
  backupProtectableItems: 200,
  backupProtectionContainers: 200,
  backupPolicies: 200,
  recoveryPoints: 200,
};

/** Order: `pageSizes[list]`, then `pageSizes.default`, then `pageSize`, then the list's realistic default. */
export function resolvePageSizes(
  pageSize: number | undefined,
  pageSizes: PageSizes | undefined,
): Record<ListKind, number> {
  const resolved = { ...DEFAULT_PAGE_SIZES };
  for (const list of Object.keys(resolved) as ListKind[]) {
    const chosen = pageSizes?.[list] ?? pageSizes?.default ?? pageSize;
    if (chosen !== undefined) resolved[list] = Math.max(1, Math.floor(chosen));
  }
  return resolved;
}
