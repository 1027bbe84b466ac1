// Selective disk backup as a form sends it: every disk, the OS disk only, or the OS disk and chosen data disks
// (by LUN). Shape check only (pure); which LUNs the VM has is the host's check. The type-only vscode import lets
// `npm run l10n` find the strings.
import type * as vscode from 'vscode';
import type { DiskSelection } from '../azure/model';
import { int } from './shape';

export type DiskChoice = 'all' | 'os' | 'chosen';

export interface DiskChoiceSubmit {
  disks?: DiskChoice;
  /** The chosen data disks' LUNs (with 'chosen'). */
  luns?: number[];
}

const CHOICES: readonly DiskChoice[] = ['all', 'os', 'chosen'];
/** Azure's largest LUN is 63; a VM has at most 64 data disks. */
const MAX_LUN = 63;

/** The disk fields of a payload, or undefined when they are malformed (absent: every disk). */
export function parseDiskChoice(p: Record<string, unknown>): DiskChoiceSubmit | undefined {
  if (p.disks === undefined && p.luns === undefined) return {};
  const disks = CHOICES.find((c) => c === p.disks);
  if (!disks || !Array.isArray(p.luns) || p.luns.length > MAX_LUN + 1) return undefined;
  const luns = p.luns.map((l) => int(l, 0, MAX_LUN));
  return luns.every((l) => l !== undefined) ? { disks, luns: luns as number[] } : undefined;
}

/** The selection to send; undefined for every disk. */
export function diskSelectionOfChoice(choice: DiskChoiceSubmit): DiskSelection | undefined {
  if (choice.disks === 'os') return { isInclusionList: true, luns: [] };
  if (choice.disks === 'chosen')
    return { isInclusionList: true, luns: [...new Set(choice.luns ?? [])].sort((a, b) => a - b) };
  return undefined;
}

/** The disk choice's strings, shared by the forms that offer selective disk backup. */
type L10n = Pick<typeof vscode, 'l10n'>;

export const diskStrings = (vscode: L10n) => ({
  disks: vscode.l10n.t('Disks to back up'),
  disksAll: vscode.l10n.t('All disks'),
  disksOs: vscode.l10n.t('OS disk only'),
  disksChosen: vscode.l10n.t('OS disk and chosen data disks'),
  disksNone: vscode.l10n.t('Choose at least one data disk, or back up the OS disk only.'),
  disksNoData: vscode.l10n.t('This virtual machine has no data disks: its OS disk is backed up.'),
});
