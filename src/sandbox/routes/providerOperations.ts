/** `GET /providers/Microsoft.RecoveryServices/operations`: the provider's operation catalog (ClientDiscoveryResponse). */
import type { Router } from '../http/router';

const PROVIDER = 'Microsoft Recovery Services';

/** The operations the sandbox serves, named as Azure RBAC names them. */
const CATALOG: readonly [name: string, resource: string, operation: string][] = [
  ['Microsoft.RecoveryServices/Vaults/read', 'Recovery Services Vault', 'Get vault'],
  ['Microsoft.RecoveryServices/Vaults/write', 'Recovery Services Vault', 'Create or update vault'],
  ['Microsoft.RecoveryServices/Vaults/delete', 'Recovery Services Vault', 'Delete vault'],
  ['Microsoft.RecoveryServices/Vaults/backupconfig/read', 'Backup Configuration', 'Get backup configuration'],
  ['Microsoft.RecoveryServices/Vaults/backupconfig/write', 'Backup Configuration', 'Update backup configuration'],
  [
    'Microsoft.RecoveryServices/Vaults/backupstorageconfig/read',
    'Backup Storage Configuration',
    'Get storage configuration',
  ],
  [
    'Microsoft.RecoveryServices/Vaults/backupstorageconfig/write',
    'Backup Storage Configuration',
    'Update storage configuration',
  ],
  ['Microsoft.RecoveryServices/Vaults/backupPolicies/read', 'Backup Policies', 'Get protection policy'],
  ['Microsoft.RecoveryServices/Vaults/backupPolicies/write', 'Backup Policies', 'Create or update protection policy'],
  ['Microsoft.RecoveryServices/Vaults/backupPolicies/delete', 'Backup Policies', 'Delete protection policy'],
  [
    'Microsoft.RecoveryServices/Vaults/backupFabrics/protectionContainers/protectedItems/read',
    'Protected Items',
    'Get protected item',
  ],
  [
    'Microsoft.RecoveryServices/Vaults/backupFabrics/protectionContainers/protectedItems/write',
    'Protected Items',
    'Create or update protected item',
  ],
  [
    'Microsoft.RecoveryServices/Vaults/backupFabrics/protectionContainers/protectedItems/delete',
    'Protected Items',
    'Delete protected item',
  ],
  [
    'Microsoft.RecoveryServices/Vaults/backupFabrics/protectionContainers/protectedItems/backup/action',
    'Protected Items',
    'Back up now',
  ],
  [
    'Microsoft.RecoveryServices/Vaults/backupFabrics/protectionContainers/protectedItems/recoveryPoints/read',
    'Recovery Points',
    'Get recovery points',
  ],
  ['Microsoft.RecoveryServices/Vaults/backupJobs/read', 'Backup Jobs', 'Get jobs'],
  ['Microsoft.RecoveryServices/Vaults/backupJobs/cancel/action', 'Backup Jobs', 'Cancel job'],
  [
    'Microsoft.RecoveryServices/Vaults/backupResourceGuardProxies/read',
    'Resource Guard Proxies',
    'Get Resource Guard mappings',
  ],
  ['Microsoft.RecoveryServices/Vaults/backupUsageSummaries/read', 'Usage Summaries', 'Get usage summaries'],
  ['Microsoft.RecoveryServices/operations/read', 'Operations', 'List operations'],
];

export function registerProviderOperationRoutes(router: Router): void {
  router.add('GET', '/providers/Microsoft.RecoveryServices/operations', () => ({
    status: 200,
    body: {
      value: CATALOG.map(([name, resource, operation]) => ({
        name,
        origin: 'user',
        display: { provider: PROVIDER, resource, operation, description: `${operation}.` },
      })),
    },
  }));
}
