import type { EnableVmInit, QueryResult } from '../../webview/protocol';
import { fieldMessage, vaultNameProblem } from '../../webview/rules';
import { query } from '../channel';
import { el, field, select, setHelp, textfield } from '../dom';
import type { Shell } from '../formShell';
import { formPage } from './page';
import { diskPicker } from './diskPicker';
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
  // Why only Enhanced policies are listed, with a way to create one when the vault has none.
  const note = el('p', { id: 'policy-note', role: 'status' });
  const createPolicy = el('vscode-button', { secondary: true, id: 'create-policy' }, s.createPolicy);
  createPolicy.addEventListener('click', () => void query({ query: 'createPolicy', vaultId: vault.value }));
  const showNote = (text: string | undefined, policies: number): void => {
    note.textContent = text ?? '';
    note.hidden = !text;
    createPolicy.hidden = !text || policies > 0 || vault.value === createNew;
  };
  showNote(data.policyNote, data.policies.length);
  const disks = diskPicker(shell, data.dataDisks);
  shell.body.append(fVault.group, fNew.group, policy.group, note, createPolicy, disks.group);
  const update = (): void => {
    const isNew = vault.value === createNew;
    fNew.group.hidden = !isNew;
    const problem = isNew ? vaultNameProblem(newName.value) : undefined;
    setHelp(fNew.helper, problem ? fieldMessage(s, problem) : s.newVaultHelp, problem !== undefined);
    policy.describe();
    const chosen = disks.value();
    shell.disableSubmit(problem !== undefined || !policy.control.value || !chosen.ok);
    shell.save({
      vaultId: vault.value,
      newVaultName: newName.value,
      policyName: policy.control.value,
      disks: chosen.disks,
      luns: chosen.luns.map(String),
    });
  };
  vault.addEventListener('change', () => {
    // A new vault starts with its default policies; an existing one offers its own (the host filters both).
    if (vault.value === createNew) {
      void policy.setPolicies(data.newVaultPolicies).then(update);
      showNote(undefined, 0);
    } else
      void query({ query: 'vaultPolicies', vaultId: vault.value }).then(async (r) => {
        if (r.ok) {
          const result = r.result as QueryResult;
          await policy.setPolicies(result.policies ?? []);
          showNote(result.policyNote, result.policies?.length ?? 0);
          update();
        }
      });
    update();
  });
  newName.addEventListener('input', update);
  policy.group.addEventListener('change', update);
  disks.group.addEventListener('change', update);
  shell.whenSettled(update);
  shell.button.addEventListener('click', () => {
    const chosen = disks.value();
    void shell.run<'enableBackupVm'>({
      vaultId: vault.value,
      newVaultName: vault.value === createNew ? newName.value : '',
      policyName: policy.control.value,
      disks: chosen.disks,
      luns: chosen.luns,
    });
  });
}

export const enableVmPage = formPage('enableBackupVm', renderEnableVm);
