import * as vscode from 'vscode';
import type { StorageConfig, StorageRedundancy } from '../azure/model';
import { vaultRef } from '../tree/refs';
import { withProgress } from '../ui/progress';
import type { CommandDefinition, CommandDeps } from './commandDeps';
import { formStrings } from '../webview/fieldMessages';
import { resolveVault, type VaultTarget } from './shared/targets';

const redundancies: StorageRedundancy[] = ['GeoRedundant', 'LocallyRedundant', 'ZoneRedundant'];

async function save(
  deps: CommandDeps,
  { service, vault }: VaultTarget,
  current: StorageConfig,
  redundancy: StorageRedundancy,
  crossRegionRestore: boolean,
): Promise<StorageConfig> {
  if (current.locked && redundancy !== current.redundancy)
    throw Object.assign(new Error(formStrings('storage').locked), { field: 'redundancy' });
  // Cross-region restore exists only for geo-redundant storage.
  const crr = redundancy === 'GeoRedundant' && crossRegionRestore;
  // Cancellable: a stalled request must not hold the user (the setting is idempotent: run it again after a refresh).
  const result = await withProgress(vscode.l10n.t('Updating storage replication of {0}…', vault.name), true, (signal) =>
    service.setStorageConfig(vaultRef(vault), redundancy, crr, signal),
  );
  // The vault's description (region · redundancy) comes from the vault listing.
  deps.tree.refreshResource(vault.subscriptionId, ['vaults']);
  return result;
}

/** `azureBackup.configureStorage(vaultNode?, {redundancy, crossRegionRestore}?)` */
export const configureStorage: CommandDefinition = {
  id: 'azureBackup.configureStorage',
  title: () => vscode.l10n.t('Storage replication'),
  async run(deps, node, input) {
    const target = await resolveVault(deps, node);
    const current = await target.service.getStorageConfig(vaultRef(target.vault));
    if (typeof input === 'object' && input !== null) {
      const i = input as { redundancy?: unknown; crossRegionRestore?: unknown };
      const redundancy = redundancies.find((r) => r === i.redundancy);
      if (!redundancy) throw new Error(vscode.l10n.t('Unknown storage redundancy.'));
      return save(deps, target, current, redundancy, i.crossRegionRestore === true);
    }
    deps.forms.open({
      kind: 'storage',
      key: target.vault.id,
      title: vscode.l10n.t('Storage replication: {0}', target.vault.name),
      strings: formStrings('storage'),
      init: {
        vaultName: target.vault.name,
        redundancy: current.redundancy,
        crossRegionRestore: current.crossRegionRestore,
        locked: current.locked,
      },
      submit: async (p) => {
        const saved = await save(deps, target, current, p.redundancy, p.crossRegionRestore);
        Object.assign(current, saved);
        return { message: vscode.l10n.t('Storage replication of {0} saved.', target.vault.name) };
      },
    });
    return current;
  },
};
