import * as vscode from 'vscode';
import type { FormKind } from './protocol';

/** The messages of a new vault's fields (rules.ts keys), for every page that names a vault: the forms and the coverage page. */
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

/** The localized strings every form shows, plus those of its kind; the webview has no l10n of its own. */
export function formStrings(kind: FormKind): Record<string, string> {
  const common: Record<string, string> = {
    ...vaultFieldStrings(),
    submit: vscode.l10n.t('OK'), running: vscode.l10n.t('Working…'), viewJob: vscode.l10n.t('View the job'), close: vscode.l10n.t('Close'), code: vscode.l10n.t('Code'), requestId: vscode.l10n.t('Request id'),
    retainUntilInvalid: vscode.l10n.t('Enter a date as YYYY-MM-DD.'), retainUntilPast: vscode.l10n.t('The date must be after today.'),
    retainUntilTooFar: vscode.l10n.t('The date must be within 99 years.'),
    checking: vscode.l10n.t('Checking availability…'), available: vscode.l10n.t('The name is available.'),
    policyNameInvalid: vscode.l10n.t('The name must be 3 to 150 characters: letters, digits and hyphens, starting with a letter.'),
    timeInvalid: vscode.l10n.t('Choose a time on the hour or half hour (HH:00 or HH:30).'),
    rangeInvalid: vscode.l10n.t('Enter a whole number from {min} to {max}.'),
    exactInvalid: vscode.l10n.t('A weekly schedule keeps instant recovery snapshots for exactly {value} days: enter {value}.'), required: vscode.l10n.t('Required.'),
  };
  const byKind: Record<FormKind, Record<string, string>> = {
    createVault: { submit: vscode.l10n.t('Create vault'), name: vscode.l10n.t('Vault name'), subscription: vscode.l10n.t('Subscription'), resourceGroup: vscode.l10n.t('Resource group'),
      newResourceGroup: vscode.l10n.t('Create a new resource group'), newResourceGroupName: vscode.l10n.t('New resource group name'), region: vscode.l10n.t('Region') },
    storage: { submit: vscode.l10n.t('Save'), redundancy: vscode.l10n.t('Storage replication type'), GeoRedundant: vscode.l10n.t('Geo-redundant (GRS)'), LocallyRedundant: vscode.l10n.t('Locally redundant (LRS)'),
      ZoneRedundant: vscode.l10n.t('Zone-redundant (ZRS)'), crossRegionRestore: vscode.l10n.t('Enable cross-region restore'), crossRegionRestoreHelp: vscode.l10n.t('Cross-region restore needs geo-redundant storage.'),
      locked: vscode.l10n.t('The storage replication type cannot be changed because this vault already protects items.') },
    enableBackupVm: { submit: vscode.l10n.t('Enable backup'), vault: vscode.l10n.t('Recovery Services vault'), createVault: vscode.l10n.t('Create a new vault'), newVaultName: vscode.l10n.t('New vault name'),
      newVaultHelp: vscode.l10n.t('The vault is created in the resource group and region of the virtual machine.'), policy: vscode.l10n.t('Backup policy'), noVaults: vscode.l10n.t('No vault in this region: a new one will be created.') },
    enableBackupVault: { submit: vscode.l10n.t('Enable backup'), policy: vscode.l10n.t('Backup policy'), vms: vscode.l10n.t('Virtual machines to protect'), noVms: vscode.l10n.t('No virtual machines were discovered.'),
      selectOne: vscode.l10n.t('Select at least one virtual machine.') },
    backupNow: { submit: vscode.l10n.t('Back up now'), item: vscode.l10n.t('Backup item'), retainUntil: vscode.l10n.t('Retain backup until'), retainHelp: vscode.l10n.t('The recovery point is kept until this date (UTC).') },
    policy: { submit: vscode.l10n.t('Save policy'), name: vscode.l10n.t('Policy name'), frequency: vscode.l10n.t('Frequency'), Daily: vscode.l10n.t('Daily'), Weekly: vscode.l10n.t('Weekly'), time: vscode.l10n.t('Time'), timeZone: vscode.l10n.t('Time zone'),
      days: vscode.l10n.t('Days'), instantRestoreDays: vscode.l10n.t('Retain instant recovery snapshots (days)'), dailyDays: vscode.l10n.t('Retention of daily backup points (days)'),
      weeklyWeeks: vscode.l10n.t('Retention of weekly backup points (weeks, 0 = none)'), monthlyMonths: vscode.l10n.t('Retention of monthly backup points (months, 0 = none)'),
      yearlyYears: vscode.l10n.t('Retention of yearly backup points (years, 0 = none)'), readOnly: vscode.l10n.t('This policy is shown read-only.'),
      // The page fills in {name} and {count}: one translation serves the host's message and the page's.
      policyNameTaken: policyNameTakenMessage('{name}'), editExisting: vscode.l10n.t('Edit {0} instead', '{name}'),
      usedByOne: vscode.l10n.t('This policy protects 1 item. Changes apply to it.'),
      usedByMany: vscode.l10n.t('This policy protects {0} items. Changes apply to all of them.', '{count}'),
      retentionShrinks: vscode.l10n.t('Existing recovery points older than the new retention are deleted.'),
      Sunday: vscode.l10n.t('Sunday'), Monday: vscode.l10n.t('Monday'), Tuesday: vscode.l10n.t('Tuesday'), Wednesday: vscode.l10n.t('Wednesday'), Thursday: vscode.l10n.t('Thursday'), Friday: vscode.l10n.t('Friday'), Saturday: vscode.l10n.t('Saturday') },
  };
  return { ...common, ...byKind[kind] };
}
