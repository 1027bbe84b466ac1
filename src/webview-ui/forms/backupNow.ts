import type { BackupNowInit } from '../../webview/protocol';
import { retainUntilProblem, parseDateInput } from '../../webview/rules';
import { el, field, setHelp, textfield } from '../dom';
import type { Shell } from '../formShell';
import { formPage } from './page';

export function renderBackupNow(shell: Shell, data: BackupNowInit): void {
  const s = shell.strings;
  const today = parseDateInput(data.today) ?? new Date();
  shell.body.append(el('p', {}, `${s.item}: ${data.itemName} (${data.vaultName})`));
  if (data.runningNote) shell.body.append(el('p', { class: 'note', role: 'note' }, data.runningNote));
  const date = textfield(
    'retainUntil',
    typeof shell.draft.retainUntil === 'string' ? shell.draft.retainUntil : data.retainUntil,
    'date',
  );
  const f = field(s.retainUntil, date, s.retainHelp);
  shell.helpers.set('retainUntil', f.helper);
  shell.body.append(f.group);
  const check = (): boolean => {
    const problem = retainUntilProblem(date.value, today);
    setHelp(f.helper, problem ? s[problem] : s.retainHelp, problem !== undefined);
    shell.disableSubmit(problem !== undefined);
    shell.save({ retainUntil: date.value });
    return problem === undefined;
  };
  date.addEventListener('input', check);
  date.addEventListener('change', check);
  shell.whenSettled(() => {
    check();
  });
  shell.button.addEventListener('click', () => {
    if (check()) void shell.run<'backupNow'>({ retainUntil: date.value });
  });
}

export const backupNowPage = formPage('backupNow', renderBackupNow);
