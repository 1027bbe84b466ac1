// Words for a VM's disks in a backup: why only an Enhanced policy protects it, which disks a backup includes, and a
// data disk as the disk choice lists it.
import type * as vscode from 'vscode';
import type { EnhancedPolicyReason } from '../azure/enhancedPolicy';
import type { DataDisk, DiskSelection } from '../azure/model';
import type { L10n } from './describe';

type Words = L10n | Pick<typeof vscode.l10n, 't'>;

/** "tl-vm-01 uses Trusted Launch, which needs an Enhanced policy". */
export function enhancedReasonSentence(vmName: string, reason: EnhancedPolicyReason, l10n: Words): string {
  switch (reason) {
    case 'TrustedLaunch':
      return l10n.t('{0} uses Trusted Launch, which needs an Enhanced policy', vmName);
    case 'PremiumV2Disk':
      return l10n.t('{0} has a Premium SSD v2 disk, which needs an Enhanced policy', vmName);
    case 'UltraDisk':
      return l10n.t('{0} has an Ultra disk, which needs an Enhanced policy', vmName);
  }
}

/** "Backs up the OS disk and data disks 0, 2"; undefined for every disk (nothing to say). */
export function diskSelectionSentence(selection: DiskSelection | undefined, l10n: Words): string | undefined {
  if (!selection || (!selection.isInclusionList && selection.luns.length === 0)) return undefined;
  const luns = selection.luns.join(', ');
  if (!selection.isInclusionList) return l10n.t('Backs up the OS disk and every data disk but {0}', luns);
  if (selection.luns.length === 0) return l10n.t('Backs up the OS disk only');
  return selection.luns.length === 1
    ? l10n.t('Backs up the OS disk and data disk {0}', luns)
    : l10n.t('Backs up the OS disk and data disks {0}', luns);
}

/** "LUN 0 · web-vm-01_DataDisk_0 · 64 GB". */
export function dataDiskLabel(disk: DataDisk, l10n: Words): string {
  return [
    l10n.t('LUN {0}', disk.lun),
    disk.name,
    ...(disk.sizeGB !== undefined ? [l10n.t('{0} GB', disk.sizeGB)] : []),
  ].join(' · ');
}
