import * as vscode from 'vscode';
import { waitSentence } from '../presentation/describe';
import { isCancellation, toErrorInfo } from '../ui/errorInfo';
import type { Log } from '../ui/log';

/** What a webview shows for a failed request: the ARM message, code and request id, or "Cancelled." (not logged). */
export interface ReplyError {
  message: string;
  code?: string;
  requestId?: string;
  /** The page's field the message belongs next to, when the error names one (see fieldError). */
  field?: string;
}

/** A rule's refusal of one input: the page shows `message` next to `field` and keeps what was typed. */
export function fieldError(message: string, field: string): Error {
  return Object.assign(new Error(message), { field });
}

export function replyError(error: unknown, log: Log, context: string): ReplyError {
  const info = toErrorInfo(error);
  if (isCancellation(error))
    return { message: vscode.l10n.t('Cancelled.'), code: info.code, requestId: info.requestId };
  log.error(`${context}: ${info.code ?? ''} ${info.message} requestId=${info.requestId ?? '-'}`);
  const message =
    info.retryAfterMs === undefined ? info.message : `${info.message} ${waitSentence(info.retryAfterMs, vscode.l10n)}`;
  const named = typeof error === 'object' && error !== null ? (error as { field?: unknown }).field : undefined;
  const field = typeof named === 'string' ? named : undefined;
  return { message, code: info.code, requestId: info.requestId, field };
}
