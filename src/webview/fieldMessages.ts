// The localized messages of the field rules, keyed as the Azure layer's validation answers (vaultName.length,
// policy.dailyDays, ...), and the strings every form shows. One table: the forms, the coverage page and the host's
// own refusals all read their texts here; `fieldMessage` (rules.ts) fills in a problem's values ({min}, {max}, ...).
import * as vscode from 'vscode';
import { formContract, type FormKind } from './forms';

/** The same text for every key given: several rules of one field share one message. */
function each(keys: readonly string[], text: string): Record<string, string> {
  return Object.fromEntries(keys.map((key) => [key, text]));
}

/** The messages of a new vault's fields, for every page that names a vault: the forms and the coverage page. */
export function vaultFieldStrings(): Record<string, string> {
  return {
    'vaultName.length': vscode.l10n.t('The name must be 2 to 50 characters long.'),
    ...each(
      ['vaultName.start', 'vaultName.characters', 'vaultName.end'],
      vscode.l10n.t(
        'The name must start with a letter, contain only letters, digits and hyphens, and not end with a hyphen.',
      ),
    ),
    'vaultName.taken': vscode.l10n.t('This name is not available.'),
    ...each(
      ['resourceGroup.length', 'resourceGroup.characters', 'resourceGroup.end'],
      vscode.l10n.t(
        'A resource group name has 1 to 90 characters: letters, digits, underscores, hyphens, periods and parentheses, and does not end with a period.',
      ),
    ),
  };
}

/** A new policy may not take the name of one the vault has: saving it would replace that policy. */
export function policyNameTakenMessage(name: string): string {
  return vscode.l10n.t('A policy named {0} already exists in this vault.', name);
}

/** The messages of a policy's fields. A policy keeps its name when edited: a new one there gets the name's message. */
function policyFieldStrings(): Record<string, string> {
  return {
    ...each(
      ['policyName.length', 'policyName.start', 'policyName.characters', 'policyName.end', 'policyName.renamed'],
      vscode.l10n.t('The name must be 3 to 150 characters: letters, digits and hyphens, starting with a letter.'),
    ),
    ...each(
      ['policy.time', 'policy.windowStart'],
      vscode.l10n.t('Choose a time on the hour or half hour (HH:00 or HH:30).'),
    ),
    ...each(
      [
        'policy.instantRestore',
        'policy.dailyDays',
        'policy.weeklyWeeks',
        'policy.monthlyMonths',
        'policy.yearlyYears',
        'policy.windowHours',
      ],
      vscode.l10n.t('Enter a whole number from {min} to {max}.'),
    ),
    'policy.hourlyInterval': vscode.l10n.t('Choose every 4, 6, 8 or 12 hours.'),
    'policy.hourlyStandard': vscode.l10n.t('Only an Enhanced policy backs up every few hours: choose Daily or Weekly.'),
    'policy.typeChanged': vscode.l10n.t(
      'A policy keeps its type. To switch between Standard and Enhanced, create a new policy.',
    ),
    'policy.instantRestoreWeekly': vscode.l10n.t(
      'A weekly schedule keeps instant recovery snapshots for exactly {days} days: enter {days}.',
    ),
    ...each(
      ['policy.weeklyDays', 'policy.dailyRequired', 'policy.weeklyRequired', 'policy.weeklyRetentionDays'],
      vscode.l10n.t('Required.'),
    ),
  };
}

/** Every rule's message, keyed as the Azure layer's validation answers. */
export function fieldMessages(): Record<string, string> {
  return {
    ...vaultFieldStrings(),
    'retainUntil.invalid': vscode.l10n.t('Enter a date as YYYY-MM-DD.'),
    'retainUntil.tooEarly': vscode.l10n.t('The date must be after today.'),
    'retainUntil.tooLate': vscode.l10n.t('The date must be within 99 years.'),
    ...policyFieldStrings(),
    // Keyed as the Azure layer's validateVmName answers; {min} and {max} are filled in for the VM's OS.
    'vmName.length': vscode.l10n.t('The name must be {min} to {max} characters long.'),
    'vmName.characters': vscode.l10n.t('Use only letters, digits, hyphens, underscores and periods.'),
    'vmName.end': vscode.l10n.t('The name cannot end with a period or a hyphen.'),
    'vmName.taken': vscode.l10n.t('A virtual machine of this name already exists in this resource group.'),
    restoreConfirmName: vscode.l10n.t("This is not the virtual machine's name: type it exactly as shown."),
    'restore.required': vscode.l10n.t('Required.'),
  };
}

/** What every form shows besides its fields: the rules' messages, the submit and result texts. */
export function commonFormStrings(): Record<string, string> {
  return {
    ...fieldMessages(),
    submit: vscode.l10n.t('OK'),
    running: vscode.l10n.t('Working…'),
    viewJob: vscode.l10n.t('View the job'),
    close: vscode.l10n.t('Close'),
    code: vscode.l10n.t('Code'),
    requestId: vscode.l10n.t('Request id'),
    checking: vscode.l10n.t('Checking availability…'),
    available: vscode.l10n.t('The name is available.'),
  };
}

/** The localized strings every form shows, plus those of its kind; the webview has no l10n of its own. */
export function formStrings(kind: FormKind): Record<string, string> {
  return { ...commonFormStrings(), ...formContract(kind).strings(vscode) };
}
