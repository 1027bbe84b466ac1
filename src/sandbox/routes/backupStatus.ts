/** `POST /Subscriptions/{sub}/providers/Microsoft.RecoveryServices/locations/{region}/backupStatus`: is this VM protected, where? */
import { errors } from '../http/errors';
import type { Router } from '../http/router';
import type { Site } from '../http/site';
import { obj, str } from '../state/json';
import { shortContainerName } from '../state/names';
import { requireSubscription } from './lookup';

export function registerBackupStatusRoutes(router: Router, site: Site): void {
  router.add(
    'POST',
    '/subscriptions/{sub}/providers/Microsoft.RecoveryServices/locations/{region}/backupStatus',
    (req) => {
      requireSubscription(site, req.params.sub);
      const body = obj(req.body);
      const resourceId = str(body?.resourceId);
      if (!resourceId) throw errors.invalidInput('resourceId is required');
      const type = str(body?.resourceType);
      if (type !== undefined && type.toLowerCase() !== 'vm')
        throw errors.invalidInput(`resourceType '${type}' is not supported by the sandbox (VM)`);
      const item = site.store.itemForVm(resourceId);
      const vault = item ? site.store.vault(item.vaultKey) : undefined;
      const vm = site.store.vm(resourceId);
      if (!item || !vault || !vm) return { status: 200, body: { protectionStatus: 'NotProtected' } };
      const short = shortContainerName(vm);
      return {
        status: 200,
        body: {
          protectionStatus: 'Protected',
          vaultId: `/subscriptions/${vault.subscriptionId}/resourceGroups/${vault.resourceGroup}/providers/Microsoft.RecoveryServices/Vaults/${vault.name}`,
          fabricName: 'Azure',
          containerName: `iaasvmcontainer;${short}`,
          protectedItemName: `vm;${short}`,
          policyName: item.policyName ?? '',
          registrationStatus: 'Registered',
        },
      };
    },
    { readOnly: true },
  );
}
