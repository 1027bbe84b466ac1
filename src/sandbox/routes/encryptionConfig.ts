/** The vault's backup encryption settings (`backupEncryptionConfigs/backupResourceEncryptionConfig`), read by clients before a disk restore. */
import { errors } from '../http/errors';
import type { Router } from '../http/router';
import type { Site } from '../http/site';
import { obj, str } from '../state/json';
import type { VaultRecord } from '../state/model';
import { vaultArmId } from '../state/names';
import { requireVault, VAULT } from './lookup';

const PATH = `${VAULT}/backupEncryptionConfigs/backupResourceEncryptionConfig`;

function render(v: VaultRecord): unknown {
  return {
    id: `${vaultArmId(v)}/backupEncryptionConfigs/backupResourceEncryptionConfig`,
    name: 'backupResourceEncryptionConfig',
    type: 'Microsoft.RecoveryServices/vaults/backupEncryptionConfigs',
    properties: {
      encryptionAtRestType: v.encryptionKeyUri ? 'CustomerManaged' : 'MicrosoftManaged',
      ...(v.encryptionKeyUri ? { keyUri: v.encryptionKeyUri, subscriptionId: v.subscriptionId } : {}),
      lastUpdateStatus: 'Succeeded',
      infrastructureEncryptionState: 'Disabled',
    },
  };
}

export function registerEncryptionConfigRoutes(router: Router, site: Site): void {
  router.add('GET', PATH, (req) => ({ status: 200, body: render(requireVault(site, req).vault) }));
  router.add('PUT', PATH, (req) => {
    const { vault } = requireVault(site, req);
    const props = obj(obj(req.body)?.properties);
    const type = str(props?.encryptionAtRestType);
    if (type === 'MicrosoftManaged') vault.encryptionKeyUri = undefined;
    else if (type === 'CustomerManaged') {
      const keyUri = str(props?.keyUri);
      if (!keyUri || !/^https:\/\/[^/]+\/keys\/[^/]+/i.test(keyUri))
        throw errors.invalidInput(
          'keyUri must be a Key Vault key URL (https://<vault>.vault.azure.net/keys/<name>[/<version>])',
        );
      vault.encryptionKeyUri = keyUri;
    } else throw errors.invalidInput("encryptionAtRestType must be 'MicrosoftManaged' or 'CustomerManaged'");
    vault.modifiedAt = site.now();
    // The swagger declares 200 with no body; clients read the settings again with GET.
    return { status: 200 };
  });
}
