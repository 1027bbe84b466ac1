// Selective disk backup: every disk, the OS disk only, or the OS disk and the data disks ticked below (by LUN).
import type { DiskChoice } from '../../webview/diskChoice';
import type { FormOption } from '../../webview/protocol';
import { el, field, select, setHelp } from '../dom';
import type { Shell } from '../formShell';

type Checkbox = HTMLElement & { checked: boolean; value: string };

export interface DiskPicker {
  group: HTMLElement;
  /** What to send; `ok` false when chosen data disks are asked for and none is ticked. */
  value(): { disks: DiskChoice; luns: number[]; ok: boolean };
}

export function diskPicker(shell: Shell, dataDisks: FormOption[]): DiskPicker {
  const s = shell.strings;
  const drafted = typeof shell.draft.disks === 'string' ? shell.draft.disks : 'all';
  const draftedLuns = Array.isArray(shell.draft.luns) ? shell.draft.luns.map(String) : [];
  const choice = select(
    'disks',
    [
      { value: 'all', label: s.disksAll },
      { value: 'os', label: s.disksOs },
      ...(dataDisks.length ? [{ value: 'chosen', label: s.disksChosen }] : []),
    ],
    drafted,
  );
  const f = field(s.disks, choice, dataDisks.length ? '' : s.disksNoData);
  shell.helpers.set('disks', f.helper);
  const list = el('div', { class: 'vm-list', role: 'group', id: 'data-disks', 'aria-label': s.disksChosen });
  const boxes = dataDisks.map((d) => {
    const box = el('vscode-checkbox', { value: d.value, label: d.label, checked: draftedLuns.includes(d.value) });
    (box as Checkbox).value = d.value;
    list.append(el('div', { class: 'vm' }, box));
    return box as Checkbox;
  });
  f.group.append(list);
  const value = (): ReturnType<DiskPicker['value']> => {
    const disks = (['all', 'os', 'chosen'] as const).find((c) => c === choice.value) ?? 'all';
    const luns = disks === 'chosen' ? boxes.filter((b) => b.checked).map((b) => Number(b.value)) : [];
    return { disks, luns, ok: disks !== 'chosen' || luns.length > 0 };
  };
  const update = (): void => {
    const v = value();
    list.hidden = v.disks !== 'chosen';
    if (dataDisks.length) setHelp(f.helper, v.ok ? '' : s.disksNone, !v.ok);
  };
  f.group.addEventListener('change', update);
  void Promise.resolve().then(update);
  return { group: f.group, value };
}
