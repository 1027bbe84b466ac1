import * as vscode from 'vscode';
import { waitSentence } from '../presentation/describe';
import { toErrorInfo } from './errorInfo';
import type { Log } from './log';
import * as notify from './notify';
import { plainText } from '../presentation/escape';

/** One error message: what failed, the ARM message, code and request id, and a way to the log. */
export async function showError(log: Log, action: string, error: unknown): Promise<void> {
  const info = toErrorInfo(error);
  log.error(`${action}: ${info.code ?? ''} ${info.message} requestId=${info.requestId ?? '-'}`);
  const details = [info.message];
  if (info.retryAfterMs !== undefined) details.push(waitSentence(info.retryAfterMs, vscode.l10n));
  if (info.code) details.push(vscode.l10n.t('Code: {0}', info.code));
  if (info.requestId) details.push(vscode.l10n.t('Request id: {0}', info.requestId));
  const showLog = vscode.l10n.t('Show log');
  const text = vscode.l10n.t('{0} failed: {1}', action, details.join(' · '));
  log.recordShown({ ...info, action, text: plainText(text) });
  const choice = await notify.error(text, showLog);
  if (choice === showLog) log.show();
}
