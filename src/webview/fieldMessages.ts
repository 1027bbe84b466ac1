// The localized messages of the field rules (src/webview/rules.ts keys) and the strings every form shows.
// One table: the forms, the coverage page and the host's own refusals all read their texts here.
import * as vscode from 'vscode';
import { formContract, type FormKind } from './forms';

/** The messages of a new vault's fields, for every page that names a vault: the forms and the coverage page. */
export function vaultFieldStrings(): Record<'vaultNameLength' | 'vaultNameChars' | 'vaultNameTaken' | 'resourceGroupInvalid', string> {
  return {
    vaultNameLength: vscode.l10n.t('The name must be 2 to 50 characters long.'),
    vaultNameChars: vscode.l10n.t('The name must start with a letter, contain only letters, digits and hyphens, and not end with a hyphen.'),
    vaultNameTaken: vscode.l10n.t('This name is not available.'), resourceGroupInvalid: vscode.l10n.t('A resource group name has 1 to 90 characters: letters, digits, underscores, hyphens, periods and parentheses, and does not end with a period.'),
  };
}

/** A new policy may not take the name of one the vault has: saving it would replace that policy. */
export function policyNameTakenMessage(name: string): string {
  return vscode.l10n.t('A policy named {0} already exists in this vault.', name);
}

/** Every rule's message, keyed as rules.ts answers. */
export function fieldMessages(): Record<string, string> {
  return {
    ...vaultFieldStrings(),
    // Keyed as the Azure layer's validateRetainUntil answers: page, host and Azure layer share one vocabulary.
    'retainUntil.invalid': vscode.l10n.t('Enter a date as YYYY-MM-DD.'), 'retainUntil.tooEarly': vscode.l10n.t('The date must be after today.'),
    'retainUntil.tooLate': vscode.l10n.t('The date must be within 99 years.'),
    policyNameInvalid: vscode.l10n.t('The name must be 3 to 150 characters: letters, digits and hyphens, starting with a letter.'),
    timeInvalid: vscode.l10n.t('Choose a time on the hour or half hour (HH:00 or HH:30).'),
    rangeInvalid: vscode.l10n.t('Enter a whole number from {min} to {max}.'),
    // Keyed as the Azure layer's validateVmName answers; {min} and {max} are filled in for the VM's OS.
    'vmName.length': vscode.l10n.t('The name must be {min} to {max} characters long.'),
    'vmName.characters': vscode.l10n.t('Use only letters, digits, hyphens, underscores and periods.'),
    'vmName.end': vscode.l10n.t('The name cannot end with a period or a hyphen.'),
    'vmName.taken': vscode.l10n.t('A virtual machine of this name already exists in this resource group.'),
    restoreConfirmName: vscode.l10n.t('This is not the virtual machine\'s name: type it exactly as shown.'),
    exactInvalid: vscode.l10n.t('A weekly schedule keeps instant recovery snapshots for exactly {value} days: enter {value}.'), required: vscode.l10n.t('Required.'),
  };
}

/** What every form shows besides its fields: the rules' messages, the submit and result texts. */
export function commonFormStrings(): Record<string, string> {
  return {
    ...fieldMessages(),
    submit: vscode.l10n.t('OK'), running: vscode.l10n.t('Working…'), viewJob: vscode.l10n.t('View the job'), close: vscode.l10n.t('Close'), code: vscode.l10n.t('Code'), requestId: vscode.l10n.t('Request id'),
    checking: vscode.l10n.t('Checking availability…'), available: vscode.l10n.t('The name is available.'),
  };
}

/** The localized strings every form shows, plus those of its kind; the webview has no l10n of its own. */
export function formStrings(kind: FormKind): Record<string, string> {
  return { ...commonFormStrings(), ...formContract(kind).strings(vscode) };
}
