// Every notification, modal and QuickPick of the extension goes through here (the lint forbids the window API's own
// calls elsewhere), so no call site can forget that names and ARM messages may hold link or icon syntax.
import * as vscode from 'vscode';
import { escapeCodicons, oneLine, plainText } from '../presentation/escape';

export function info(message: string, ...actions: string[]): Thenable<string | undefined> {
  return vscode.window.showInformationMessage(plainText(message), ...actions);
}

export function warning(message: string, ...actions: string[]): Thenable<string | undefined> {
  return vscode.window.showWarningMessage(plainText(message), ...actions);
}

export function error(message: string, ...actions: string[]): Thenable<string | undefined> {
  return vscode.window.showErrorMessage(plainText(message), ...actions);
}

/** A modal question; resolves to the chosen action, undefined when dismissed. */
export function modal(
  severity: 'info' | 'warning',
  message: string,
  ...actions: string[]
): Thenable<string | undefined> {
  return severity === 'info'
    ? vscode.window.showInformationMessage(plainText(message), { modal: true }, ...actions)
    : vscode.window.showWarningMessage(plainText(message), { modal: true }, ...actions);
}

/** A modal question whose way out is named (`keep`) instead of the dialog's own Cancel; resolves to the chosen title. */
export async function modalWithWayOut(
  severity: 'info' | 'warning',
  message: string,
  action: string,
  keep: string,
): Promise<string | undefined> {
  const items: vscode.MessageItem[] = [{ title: action }, { title: keep, isCloseAffordance: true }];
  const choice =
    severity === 'info'
      ? await vscode.window.showInformationMessage(plainText(message), { modal: true }, ...items)
      : await vscode.window.showWarningMessage(plainText(message), { modal: true }, ...items);
  return choice?.title;
}

/**
 * A QuickPick's texts as they read: one line, no icons made from `$(…)` in names. Its items never become links (only
 * the picker's validation message does), and a joiner inside `](` would stop typing the name from filtering to it.
 */
function shownItem<T extends vscode.QuickPickItem>(item: T): T {
  const text = (value: string | undefined): string | undefined =>
    value === undefined ? undefined : escapeCodicons(oneLine(value));
  return { ...item, label: text(item.label) ?? '', description: text(item.description), detail: text(item.detail) };
}

/** showQuickPick with every item's texts made safe; resolves to the caller's own item. */
export async function quickPick<T extends vscode.QuickPickItem>(
  items: readonly T[],
  options: vscode.QuickPickOptions,
): Promise<T | undefined> {
  const shown = items.map(shownItem);
  const chosen = await vscode.window.showQuickPick(shown, { ...options, canPickMany: false });
  return chosen === undefined ? undefined : items[shown.indexOf(chosen)];
}

/** The same with several choices. */
export async function quickPickMany<T extends vscode.QuickPickItem>(
  items: readonly T[],
  options: vscode.QuickPickOptions,
): Promise<T[] | undefined> {
  const shown = items.map(shownItem);
  const chosen = await vscode.window.showQuickPick(shown, { ...options, canPickMany: true });
  return chosen?.map((c) => items[shown.indexOf(c)] as T);
}

/** A passing status-bar message: the status bar draws `$(name)` as an icon. */
export function status(message: string, hideAfterMs: number): vscode.Disposable {
  return vscode.window.setStatusBarMessage(escapeCodicons(plainText(message)), hideAfterMs);
}

/** The save dialog (a file name proposed by the service is shown as a path, never as text with links). */
export function saveDialog(options: vscode.SaveDialogOptions): Thenable<vscode.Uri | undefined> {
  return vscode.window.showSaveDialog(options);
}
