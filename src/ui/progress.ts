import * as vscode from 'vscode';

/** Runs a long operation under a notification; the AbortSignal follows the notification's Cancel button. */
export function withProgress<T>(title: string, cancellable: boolean, task: (signal: AbortSignal, report: (message: string) => void) => Promise<T>): Promise<T> {
  return Promise.resolve(vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable }, (progress, token) => {
    const controller = new AbortController();
    const subscription = token.onCancellationRequested(() => controller.abort());
    return task(controller.signal, (message) => progress.report({ message }))
      .finally(() => subscription.dispose());
  }));
}
