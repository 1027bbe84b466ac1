import type { EnableVaultInit } from '../../webview/protocol';
import { el, setHelp } from '../dom';
import type { Shell } from '../formShell';
import { formPage } from './page';
import { policyPicker } from './policyPicker';

type Checkbox = HTMLElement & { checked: boolean; value: string };

export function renderEnableVault(shell: Shell, data: EnableVaultInit): void {
  const s = shell.strings;
  shell.body.append(el('p', {}, `${data.vaultName} · ${data.vaultLocation}`));
  const policy = policyPicker(
    s.policy,
    data.policies,
    typeof shell.draft.policyName === 'string' ? shell.draft.policyName : '',
  );
  const drafted = Array.isArray(shell.draft.vmIds) ? shell.draft.vmIds : [];
  const list = el('div', { class: 'vm-list', role: 'group', id: 'vms', 'aria-label': s.vms });
  const boxes: Checkbox[] = [];
  for (const vm of data.vms) {
    const box = el('vscode-checkbox', {
      value: vm.value,
      label: vm.label,
      checked: drafted.includes(vm.value),
      disabled: vm.disabledReason !== undefined,
    }) as Checkbox;
    box.value = vm.value;
    const note = vm.disabledReason ? `${vm.description ?? ''} — ${vm.disabledReason}` : (vm.description ?? '');
    list.append(
      el('div', { class: vm.disabledReason ? 'vm disabled' : 'vm' }, box, el('span', { class: 'vm-note' }, note)),
    );
    if (!vm.disabledReason) boxes.push(box);
  }
  const help = el('vscode-form-helper', { id: 'vms-help' }, data.vms.length === 0 ? s.noVms : '');
  shell.helpers.set('vms', help);
  shell.body.append(
    policy.group,
    el('vscode-form-group', { variant: 'vertical' }, el('vscode-label', {}, s.vms), list, help),
  );
  const chosen = (): string[] => boxes.filter((b) => b.checked).map((b) => b.value);
  const update = (): void => {
    const none = chosen().length === 0;
    setHelp(help, none ? s.selectOne : '', false);
    policy.describe();
    shell.disableSubmit(none || !policy.control.value);
    shell.save({ policyName: policy.control.value, vmIds: chosen() });
  };
  list.addEventListener('change', update);
  policy.group.addEventListener('change', update);
  shell.whenSettled(update);
  shell.button.addEventListener('click', () => {
    void shell.run<'enableBackupVault'>({ policyName: policy.control.value, vmIds: chosen() });
  });
}

export const enableVaultPage = formPage('enableBackupVault', renderEnableVault);
