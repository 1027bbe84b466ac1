import * as vscode from 'vscode';
import { plainText } from '../presentation/escape';

/** The abort controllers of the cancellable progress notifications showing now. */
const cancellable = new Set<AbortController>();

/**
 * Runs a long operation under a notification; the AbortSignal follows the notification's Cancel button. The title
 * and each reported message are shown as plain text (notifications make links of Markdown link syntax).
 */
export function withProgress<T>(
  title: string,
  cancellableTask: boolean,
  task: (signal: AbortSignal, report: (message: string) => void) => Promise<T>,
): Promise<T> {
  return Promise.resolve(
    vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: plainText(title), cancellable: cancellableTask },
      (progress, token) => {
        const controller = new AbortController();
        const subscription = token.onCancellationRequested(() => controller.abort());
        if (cancellableTask) cancellable.add(controller);
        return task(controller.signal, (message) => progress.report({ message: plainText(message) })).finally(() => {
          cancellable.delete(controller);
          subscription.dispose();
        });
      },
    ),
  );
}

/** Does what the Cancel button of every cancellable progress notification does (tests cannot click it); returns how many. */
export function cancelAllProgress(): number {
  const count = cancellable.size;
  for (const controller of [...cancellable]) controller.abort();
  return count;
}
