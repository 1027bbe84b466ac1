// What to say when a picker has nothing to offer: why, and where to look instead. Pure (takes an L10n) for unit
// tests; the vscode type import lets the l10n string extractor see the l10n.t() calls, nothing is loaded at runtime.
import type * as vscode from 'vscode';
import type { L10n } from '../presentation/describe';

/** What callers pass: vscode.l10n in the extension (a stand-in with the same t() in unit tests). The type-only vscode import also lets `npm run l10n` find this file's strings. @public */
export type Words = L10n | Pick<typeof vscode.l10n, 't'>;

/** No VM to enable backup for: none in the subscription, or every one already protected. */
export function noVmToProtectMessage(vmsInSubscription: number, subscriptionName: string, l10n: L10n): string {
  return vmsInSubscription === 0
    ? l10n.t('The subscription {0} has no virtual machines.', subscriptionName)
    : l10n.t(
        'Every virtual machine in the subscription {0} is already protected. Expand Virtual machines in the Azure Backup view to see each one with the vault that protects it.',
        subscriptionName,
      );
}
