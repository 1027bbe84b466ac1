// The Storage replication form: its messages, payload check and strings (page: src/webview-ui/forms/storage.ts).
// Type-only, so the payload check loads without vscode; `npm run l10n` finds strings in files that import vscode.
import type * as vscode from 'vscode';
import type { StorageRedundancy } from '../../azure/model';
import { onlyKeys } from '../shape';
import { defineForm } from './contract';

export interface StorageInit {
  vaultName: string;
  redundancy: StorageRedundancy;
  crossRegionRestore: boolean;
  locked: boolean;
}
export interface StorageSubmit {
  redundancy: StorageRedundancy;
  crossRegionRestore: boolean;
}

const redundancies: readonly StorageRedundancy[] = ['GeoRedundant', 'LocallyRedundant', 'ZoneRedundant'];

type L10n = Pick<typeof vscode, 'l10n'>;

export const storageForm = defineForm<StorageInit, StorageSubmit>()({
  kind: 'storage',
  parseSubmit(p) {
    if (
      !onlyKeys(p, ['redundancy', 'crossRegionRestore']) ||
      typeof p.crossRegionRestore !== 'boolean' ||
      typeof p.redundancy !== 'string' ||
      !(redundancies as readonly string[]).includes(p.redundancy)
    )
      return undefined;
    return { redundancy: p.redundancy as StorageRedundancy, crossRegionRestore: p.crossRegionRestore };
  },
  strings: (vscode: L10n) => ({
    submit: vscode.l10n.t('Save'),
    redundancy: vscode.l10n.t('Storage replication type'),
    GeoRedundant: vscode.l10n.t('Geo-redundant (GRS)'),
    LocallyRedundant: vscode.l10n.t('Locally redundant (LRS)'),
    ZoneRedundant: vscode.l10n.t('Zone-redundant (ZRS)'),
    crossRegionRestore: vscode.l10n.t('Enable cross-region restore'),
    crossRegionRestoreHelp: vscode.l10n.t('Cross-region restore needs geo-redundant storage.'),
    locked: vscode.l10n.t('The storage replication type cannot be changed because this vault already protects items.'),
  }),
});
