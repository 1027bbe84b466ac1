import type { SecurityState } from '../../azure/model';
import type { VaultSecurityInit } from '../../webview/protocol';
import { becomesAlwaysOn, securityProblem, type SecurityChoice } from '../../webview/rules';
import { el, field, setHelp, textfield } from '../dom';
import type { Shell } from '../formShell';
import { formPage } from './page';

const states: SecurityState[] = ['Enabled', 'Disabled', 'AlwaysOn'];
type Checkable = HTMLElement & { checked: boolean };

/** A radio group of the three states; once always on, the other two are disabled (it cannot be undone). */
function stateGroup(
  shell: Shell,
  name: 'softDelete' | 'enhancedSecurity',
  initial: SecurityState,
  locked: boolean,
): { group: HTMLElement; value: () => SecurityState; helper: HTMLElement } {
  const s = shell.strings;
  const group = el('vscode-radio-group', { variant: 'vertical', id: name });
  for (const state of states) {
    group.append(
      el(
        'vscode-radio',
        { name, value: state, label: s[state], checked: state === initial, disabled: locked && state !== 'AlwaysOn' },
        s[state],
      ),
    );
  }
  const f = field(s[name], group, locked ? s.alwaysOnLocked : '');
  shell.helpers.set(name, f.helper);
  shell.body.append(f.group);
  const value = (): SecurityState => {
    const checked = [...group.querySelectorAll('vscode-radio')]
      .find((r) => (r as Checkable).checked)
      ?.getAttribute('value');
    return states.find((x) => x === checked) ?? initial;
  };
  return { group, value, helper: f.helper };
}

export function renderVaultSecurity(shell: Shell, data: VaultSecurityInit): void {
  const s = shell.strings;
  const draftState = (key: string, fallback: SecurityState, locked: boolean): SecurityState =>
    !locked && states.includes(shell.draft[key] as SecurityState) ? (shell.draft[key] as SecurityState) : fallback;
  const softLocked = data.softDelete === 'AlwaysOn';
  const enhancedLocked = data.enhancedSecurity === 'AlwaysOn';
  const soft = stateGroup(shell, 'softDelete', draftState('softDelete', data.softDelete, softLocked), softLocked);
  const days = textfield(
    'softDeleteRetentionDays',
    typeof shell.draft.softDeleteRetentionDays === 'string'
      ? shell.draft.softDeleteRetentionDays
      : String(data.softDeleteRetentionDays),
    'number',
  );
  const daysField = field(s.retention, days, s.retentionHelp);
  shell.helpers.set('softDeleteRetentionDays', daysField.helper);
  shell.body.append(daysField.group);
  const enhanced = stateGroup(
    shell,
    'enhancedSecurity',
    draftState('enhancedSecurity', data.enhancedSecurity, enhancedLocked),
    enhancedLocked,
  );
  const confirmName = textfield('confirmName', '');
  const confirmField = field(s.confirmName, confirmName, s.confirmHelp);
  shell.helpers.set('confirmName', confirmField.helper);
  shell.body.append(confirmField.group);
  shell.body.append(
    el(
      'dl',
      { class: 'read-only' },
      el('dt', {}, s.immutability),
      el('dd', {}, data.immutability),
      el('dt', {}, s.multiUserAuthorization),
      el('dd', {}, data.multiUserAuthorization),
    ),
    el('p', { class: 'note', role: 'note' }, s.readOnlyNote),
  );

  const choice = (): SecurityChoice => ({
    softDelete: soft.value(),
    softDeleteRetentionDays: days.value.trim() === '' ? NaN : Number(days.value),
    enhancedSecurity: enhanced.value(),
    confirmName: confirmName.value,
  });
  const check = (): SecurityChoice | undefined => {
    const now = choice();
    // The name is asked only while a setting is about to become always on.
    // Through the style, not `hidden`: a component's own display rule would override the attribute.
    confirmField.group.style.display = becomesAlwaysOn(data, now) ? '' : 'none';
    const problem = securityProblem(data.vaultName, data, now);
    setHelp(
      daysField.helper,
      problem?.field === 'softDeleteRetentionDays' ? s.retentionRange : s.retentionHelp,
      problem?.field === 'softDeleteRetentionDays',
    );
    setHelp(confirmField.helper, s.confirmHelp, problem?.field === 'confirmName' && now.confirmName !== '');
    shell.disableSubmit(problem !== undefined);
    shell.save({
      softDelete: now.softDelete,
      softDeleteRetentionDays: days.value,
      enhancedSecurity: now.enhancedSecurity,
    });
    return problem ? undefined : now;
  };
  for (const control of [soft.group, enhanced.group]) control.addEventListener('change', check);
  for (const control of [days, confirmName]) {
    control.addEventListener('input', check);
    control.addEventListener('change', check);
  }
  shell.whenSettled(() => {
    check();
  });
  shell.button.addEventListener('click', () => {
    const ok = check();
    if (ok) void shell.run<'vaultSecurity'>(ok);
  });
}

export const vaultSecurityPage = formPage('vaultSecurity', renderVaultSecurity);
