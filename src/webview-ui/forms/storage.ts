import type { StorageRedundancy } from '../../azure/model';
import type { StorageInit } from '../../webview/protocol';
import { el, field, setHelp } from '../dom';
import type { Shell } from '../formShell';
import { formPage } from './page';

const kinds: StorageRedundancy[] = ['GeoRedundant', 'LocallyRedundant', 'ZoneRedundant'];

export function renderStorage(shell: Shell, data: StorageInit): void {
  const s = shell.strings;
  const initial = typeof shell.draft.redundancy === 'string' && !data.locked ? shell.draft.redundancy : data.redundancy;
  const group = el('vscode-radio-group', { variant: 'vertical', id: 'redundancy' });
  for (const k of kinds) {
    group.append(
      el(
        'vscode-radio',
        { name: 'redundancy', value: k, label: s[k], checked: k === initial, disabled: data.locked },
        s[k],
      ),
    );
  }
  const f = field(s.redundancy, group, data.locked ? s.locked : '');
  if (data.locked) setHelp(f.helper, s.locked, false);
  shell.helpers.set('redundancy', f.helper);
  const crr = el('vscode-checkbox', {
    id: 'crossRegionRestore',
    label: s.crossRegionRestore,
    checked: (shell.draft.crossRegionRestore ?? data.crossRegionRestore) === true,
  });
  const crrHelp = el('vscode-form-helper', { id: 'crossRegionRestore-help' });
  shell.body.append(f.group, el('vscode-form-group', { variant: 'vertical' }, crr, crrHelp));
  const current = (): StorageRedundancy => {
    const checked = [...group.querySelectorAll('vscode-radio')].find(
      (r) => (r as HTMLElement & { checked: boolean }).checked,
    );
    const value = checked?.getAttribute('value');
    return kinds.find((k) => k === value) ?? data.redundancy;
  };
  const sync = (): void => {
    const geo = current() === 'GeoRedundant';
    // Cross-region restore only exists with geo-redundant storage.
    if (geo) crr.removeAttribute('disabled');
    else crr.setAttribute('disabled', '');
    // Why the box is disabled, only while it is.
    crrHelp.textContent = geo ? '' : s.crossRegionRestoreHelp;
    shell.disableSubmit(false);
    shell.save({ redundancy: current(), crossRegionRestore: (crr as HTMLElement & { checked: boolean }).checked });
  };
  group.addEventListener('change', sync);
  crr.addEventListener('change', sync);
  shell.whenSettled(sync);
  shell.button.addEventListener('click', () => {
    const redundancy = current();
    void shell.run<'storage'>({
      redundancy,
      crossRegionRestore: redundancy === 'GeoRedundant' && (crr as HTMLElement & { checked: boolean }).checked,
    });
  });
}

export const storagePage = formPage('storage', renderStorage);
