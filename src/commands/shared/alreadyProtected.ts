import * as vscode from 'vscode';
import type { AzureOperation } from '../../azure/model';

type Protection = NonNullable<AzureOperation['alreadyProtected']>;

/** What the user reads when an enable found the VM protected already and sent nothing (a second submit, a stale view). */
export function alreadyProtectedText(vmName: string, protection: Protection): string {
  return protection.policyName
    ? vscode.l10n.t(
        '{0} is already protected by {1} with the policy {2}; nothing was changed.',
        vmName,
        protection.vaultName,
        protection.policyName,
      )
    : vscode.l10n.t('{0} is already protected by {1}; nothing was changed.', vmName, protection.vaultName);
}

/** The same for several VMs of one vault. */
export function alreadyProtectedManyText(vmNames: string[], vaultName: string): string {
  return vscode.l10n.t('Already protected by {0}, nothing was changed: {1}', vaultName, vmNames.join(', '));
}

/**
 * The form's answer to a submit: "Configuring…" once a job runs, or, when the operation ended without one, what
 * `ended` says about its outcome (already protected). A start that failed rejects, so the form shows the error
 * (message, code, request id) instead of saying it is configuring.
 */
export async function submitAnswer<T>(
  started: Promise<string | undefined>,
  done: Promise<T>,
  configuring: string,
  ended: (result: T) => string | undefined,
): Promise<{ message: string; jobName?: string }> {
  const jobName = await started;
  if (jobName) return { message: configuring, jobName };
  const result = ended(await done);
  return { message: result ?? configuring };
}
