/** Registers every route family; one file per family. */
import type { Router } from '../http/router';
import type { Site } from '../http/site';
import { registerBackupStatusRoutes } from './backupStatus';
import { registerComputeRoutes } from './compute';
import { registerDiscoveryRoutes } from './discovery';
import { registerDiskRoutes } from './disks';
import { registerEncryptionConfigRoutes } from './encryptionConfig';
import { registerJobRoutes } from './jobs';
import { registerNetworkRoutes } from './network';
import { registerOperationRoutes } from './operations';
import { registerPolicyRoutes } from './policies';
import { registerProviderOperationRoutes } from './providerOperations';
import { registerProtectedItemRoutes } from './protectedItems';
import { registerRecoveryPointRoutes } from './recoveryPoints';
import { registerResourceGraphRoutes } from './resourceGraph';
import { registerResourceGuardProxyRoutes } from './resourceGuardProxies';
import { registerResourceRoutes } from './resources';
import { registerRestoreRoutes } from './restore';
import { registerStorageAccountRoutes } from './storageAccounts';
import { registerStorageConfigRoutes } from './storageConfig';
import { registerVaultConfigRoutes } from './vaultConfig';
import { registerVaultRoutes } from './vaults';
import { registerVaultUsageRoutes } from './vaultUsage';

export function registerAllRoutes(router: Router, site: Site): void {
  registerResourceRoutes(router, site);
  registerComputeRoutes(router, site);
  registerVaultRoutes(router, site);
  registerStorageConfigRoutes(router, site);
  registerPolicyRoutes(router, site);
  registerDiscoveryRoutes(router, site);
  registerProtectedItemRoutes(router, site);
  registerOperationRoutes(router, site);
  registerJobRoutes(router, site);
  registerRecoveryPointRoutes(router, site);
  registerBackupStatusRoutes(router, site);
  registerResourceGraphRoutes(router, site);
  registerVaultConfigRoutes(router, site);
  registerResourceGuardProxyRoutes(router, site);
  registerVaultUsageRoutes(router, site);
  registerProviderOperationRoutes(router);
  registerRestoreRoutes(router, site);
  registerEncryptionConfigRoutes(router, site);
  registerNetworkRoutes(router, site);
  registerStorageAccountRoutes(router, site);
  registerDiskRoutes(router, site);
}
