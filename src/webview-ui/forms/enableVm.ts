import type { EnableVmInit, QueryResult } from '../../webview/protocol';
import { fieldMessage, vaultNameProblem } from '../../webview/rules';
import { query } from '../channel';
import { el, field, select, setHelp, textfield } from '../dom';
import type { Shell } from '../formShell';
import { formPage } from './page';
import { policyPicker } from './policyPicker';

const createNew = '';

export function renderEnableVm(shell: Shell, data: EnableVmInit): void {
  const s = shell.strings;
  shell.body.append(el('p', {}, `${data.vmName} · ${data.vmLocation} · ${data.vmResourceGroup}`));
  const options = [...data.vaults, { value: createNew, label: s.createVault }];
  const initialVault =
    typeof shell.draft.vaultId === 'string' ? shell.draft.vaultId : (data.vaults[0]?.value ?? createNew);
  const vault = select('vault', options, initialVault);
  const fVault = field(s.vault, vault, data.vaults.length === 0 ? s.noVaults : '');
  const newName = textfield(
    'newVaultName',
    typeof shell.draft.newVaultName === 'string' ? shell.draft.newVaultName : data.newVaultName,
  );
  const fNew = field(s.newVaultName, newName, s.newVaultHelp);
  const policy = policyPicker(
    s.policy,
    data.policies,
    typeof shell.draft.policyName === 'string' ? shell.draft.policyName : '',
  );
  shell.helpers.set('newVaultName', fNew.helper);
  shell.body.append(fVault.group, fNew.group, policy.group);
  const update = (): void => {
    const isNew = vault.value === createNew;
    fNew.group.hidden = !isNew;
    const problem = isNew ? vaultNameProblem(newName.value) : undefined;
    setHelp(fNew.helper, problem ? fieldMessage(s, problem) : s.newVaultHelp, problem !== undefined);
    policy.describe();
    shell.disableSubmit(problem !== undefined || !policy.control.value);
    shell.save({ vaultId: vault.value, newVaultName: newName.value, policyName: policy.control.value });
  };
  vault.addEventListener('change', () => {
    // A new vault starts with DefaultPolicy only; an existing one offers its own policies.
    if (vault.value === createNew) void policy.setPolicies([{ name: 'DefaultPolicy', summary: '' }]).then(update);
    else
      void query({ query: 'vaultPolicies', vaultId: vault.value }).then(async (r) => {
        if (r.ok) {
          await policy.setPolicies((r.result as QueryResult).policies ?? []);
          update();
        }
      });
    update();
  });
  newName.addEventListener('input', update);
  policy.group.addEventListener('change', update);
  shell.whenSettled(update);
  shell.button.addEventListener('click', () => {
    void shell.run<'enableBackupVm'>({
      vaultId: vault.value,
      newVaultName: vault.value === createNew ? newName.value : '',
      policyName: policy.control.value,
    });
  });
}

export const enableVmPage = formPage('enableBackupVm', renderEnableVm);
