// The disks step of Change policy: every disk, the OS disk only, or the OS disk and chosen data disks (by LUN),
// the item's current choice marked. Also reads the same choice from a script's input.
import * as vscode from 'vscode';
import { ALL_DISKS, includedDataLuns, sameDiskSelection } from '../../azure/diskSelection';
import type { DiskSelection, VirtualMachine } from '../../azure/model';
import { dataDiskLabel } from '../../presentation/diskText';
import { UserCancelled } from '../../ui/errorInfo';
import * as notify from '../../ui/notify';
import { diskSelectionOfChoice, parseDiskChoice } from '../../webview/diskChoice';

/** `disks` and `luns` of a command's input; undefined when it names none (the item keeps its disks). */
export function diskSelectionOfInput(input: Record<string, unknown> | undefined): DiskSelection | undefined {
  const choice = input ? parseDiskChoice(input) : {};
  if (!choice) throw new Error(vscode.l10n.t('The disks to back up are not valid: {0}', JSON.stringify(input)));
  return choice.disks === 'all' ? ALL_DISKS : diskSelectionOfChoice(choice);
}

export async function pickDisks(vm: VirtualMachine, current: DiskSelection | undefined): Promise<DiskSelection> {
  const dataDisks = vm.disks?.dataDisks ?? [];
  const osOnly: DiskSelection = { isInclusionList: true, luns: [] };
  const currentLabel = vscode.l10n.t('current');
  const isChosen = !sameDiskSelection(current, ALL_DISKS) && !sameDiskSelection(current, osOnly);
  const options = [
    { label: vscode.l10n.t('All disks'), selection: ALL_DISKS as DiskSelection | undefined },
    { label: vscode.l10n.t('OS disk only'), selection: osOnly as DiskSelection | undefined },
    ...(dataDisks.length ? [{ label: vscode.l10n.t('OS disk and chosen data disks'), selection: undefined }] : []),
  ].map((o) => ({
    ...o,
    description: (o.selection ? sameDiskSelection(current, o.selection) : isChosen) ? currentLabel : undefined,
  }));
  const picked = await notify.quickPick(options, {
    placeHolder: vscode.l10n.t('Select the disks to back up of {0}', vm.name),
    ignoreFocusOut: true,
  });
  if (!picked) throw new UserCancelled();
  if (picked.selection) return picked.selection;
  const included = new Set(
    includedDataLuns(
      current,
      dataDisks.map((d) => d.lun),
    ),
  );
  const luns = await notify.quickPickMany(
    dataDisks.map((d) => ({ label: dataDiskLabel(d, vscode.l10n), lun: d.lun, picked: included.has(d.lun) })),
    { placeHolder: vscode.l10n.t('Select the data disks to back up with the OS disk'), ignoreFocusOut: true },
  );
  if (!luns?.length) throw new UserCancelled();
  return { isInclusionList: true, luns: luns.map((l) => l.lun).sort((a, b) => a - b) };
}
