// The tools' shared wording: plain-text results for a model, names kept as data, dates in UTC, lists capped.
import * as vscode from 'vscode';
import { regionDisplayName } from '../azure/regionNames';
import { isCancellation, toErrorInfo } from '../ui/errorInfo';
import { escapeMarkdown, isolateBidi, oneLine } from '../presentation/escape';

/** Names per list before "… and N more": keeps a result of thousands of VMs readable by a model. */
export const MAX_NAMES = 50;

/**
 * A name from Azure as one line of plain text: control characters and line breaks become spaces, so a hostile
 * name cannot start a line of its own that reads like part of the result (or an instruction).
 */
export function plain(name: string | undefined): string {
  const printable = [...oneLine(name ?? '')].map((c) => (isControl(c.charCodeAt(0)) ? ' ' : c)).join('');
  return isolateBidi(printable.trim());
}

function isControl(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
}

/** 2026-12-03 02:30 UTC: one unambiguous form for the model whatever the user's locale. */
export function utc(date: Date | undefined): string {
  if (!date) return vscode.l10n.t('never');
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function region(location: string): string {
  return `${regionDisplayName(location)} (${location.toLowerCase()})`;
}

/** "a, b, c … and 3 more" */
export function nameList(names: readonly string[], max = MAX_NAMES): string {
  const shown = names.slice(0, max).map(plain).join(', ');
  return names.length > max ? vscode.l10n.t('{0} … and {1} more', shown, names.length - max) : shown;
}

export function textResult(...lines: string[]): vscode.LanguageModelToolResult {
  return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(lines.join('\n'))]);
}

export function signedOutText(): string {
  return vscode.l10n.t(
    'Not signed in: Azure Backup can read and change nothing yet. Ask the user to run "Azure Backup: Sign in to Azure" or "Azure Backup: Sign in with the Azure CLI", or "Azure Backup: Open the Sandbox" to try it offline, then ask again.',
  );
}

/** The service's message with its code and the request id for support: "Quota exceeded (code X, request id Y)". */
export function errorText(error: unknown): string {
  const info = toErrorInfo(error);
  const details = [
    info.code && vscode.l10n.t('code {0}', info.code),
    info.requestId && vscode.l10n.t('request id {0}', info.requestId),
  ]
    .filter(Boolean)
    .join(', ');
  return details ? `${plain(info.message)} (${details})` : plain(info.message);
}

/** A failure as the model should pass it on. */
export function failureText(error: unknown): string {
  if (isCancellation(error)) return vscode.l10n.t('Cancelled: nothing more was done.');
  return vscode.l10n.t('Failed: {0}', errorText(error));
}

/** A confirmation's lines as Markdown paragraphs with every syntax character escaped, so names render as written. */
export function literal(lines: readonly string[]): vscode.MarkdownString {
  return new vscode.MarkdownString(lines.map(escapeMarkdown).join('\n\n'));
}
