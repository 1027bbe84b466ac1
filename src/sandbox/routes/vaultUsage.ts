/** What a vault holds, as the portal's overview reads it: usage summaries, and backup engines (none: VMs need none). */
import { errors } from '../http/errors';
import { queryValue, type Router } from '../http/router';
import type { Site } from '../http/site';
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
    const value = type === undefined || /^Backup(ProtectedItem|ProtectionContainer)CountSummary$/i.test(type)
      ? [countSummary('AzureIaasVM', 'Azure Virtual Machine', items.length)]
      : [];
    return { status: 200, body: { value } };
  });
  router.add('GET', `${VAULT}/backupEngines`, (req) => {
    requireVault(site, req);
    return { status: 200, body: { value: [] } };
  });
  router.add('GET', `${VAULT}/backupEngines/{engine}`, (req) => {
    requireVault(site, req);
    throw errors.notFound('Backup engine', req.params.engine);
  });
}
