/** What a vault holds, as the portal's overview reads it: usage summaries, and backup engines (none: VMs need none). */
import { queryValue, type Router } from '../http/router';
import type { Site } from '../http/site';
import { registerEmptyCollection } from './emptyCollection';
import { parseFilter, requireVault, VAULT } from './lookup';

function countSummary(value: string, localizedValue: string, count: number): unknown {
  return { unit: 'Count', currentValue: count, limit: -1, name: { value, localizedValue } };
}

export function registerVaultUsageRoutes(router: Router, site: Site): void {
  router.add('GET', `${VAULT}/backupUsageSummaries`, (req) => {
    const { vaultKey } = requireVault(site, req);
    const filter = parseFilter(queryValue(req.query, '$filter'));
    const items = site.store.itemsOf(vaultKey);
    const type = filter.get('type');
    // One container per protected VM, so both summaries count the same VMs.
    const value =
      type === undefined || /^Backup(ProtectedItem|ProtectionContainer)CountSummary$/i.test(type)
        ? [countSummary('AzureIaasVM', 'Azure Virtual Machine', items.length)]
        : [];
    return { status: 200, body: { value } };
  });
  registerEmptyCollection(router, site, 'backupEngines', 'Backup engine');
}
