// The Backup now form: its messages, payload check and strings (page: src/webview-ui/forms/backupNow.ts).
// Type-only, so the payload check loads without vscode; `npm run l10n` finds strings in files that import vscode.
import type * as vscode from 'vscode';
import { onlyKeys, str } from '../shape';
import { defineForm } from './contract';

export interface BackupNowInit {
  itemName: string;
  vaultName: string;
  retainUntil: string;
  today: string;
  runningNote?: string;
}
export interface BackupNowSubmit {
  retainUntil: string;
}

type L10n = Pick<typeof vscode, 'l10n'>;

export const backupNowForm = defineForm<BackupNowInit, BackupNowSubmit>()({
  kind: 'backupNow',
  parseSubmit(p) {
    const retainUntil = str(p.retainUntil);
    return onlyKeys(p, ['retainUntil']) && retainUntil !== undefined ? { retainUntil } : undefined;
  },
  strings: (vscode: L10n) => ({
    submit: vscode.l10n.t('Back up now'),
    item: vscode.l10n.t('Backup item'),
    retainUntil: vscode.l10n.t('Retain backup until'),
    retainHelp: vscode.l10n.t('The recovery point is kept until this date (UTC).'),
  }),
});
