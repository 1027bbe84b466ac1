// Operations a Resource Guard protects (multi-user authorization) need the guard's approval, which only the portal
// asks for. They are refused here with a sentence naming the guard, never as a raw error.
import * as vscode from 'vscode';
import type { BackupService, VaultRef } from '../../azure/backupService';
import * as notify from '../../ui/notify';
import type { Log } from '../../ui/log';

export const RESOURCE_GUARD_APPROVAL = 'ResourceGuardApprovalRequired';

export function guardSentence(operation: string, guardName: string): string {
  return vscode.l10n.t(
    '{0} is protected by Resource Guard {1}: it needs approval through the Resource Guard and cannot be done here. Ask the owner of the Resource Guard for access and do it in the Azure portal.',
    operation,
    guardName,
  );
}

/** Tells the refusal (logged as a notice, like every announcement). */
export function tellGuarded(log: Log, operation: string, guardName: string): void {
  const text = guardSentence(operation, guardName);
  log.info(`Notice: ${text}`);
  void notify.warning(text);
}

/** The guard's name when the error is the Azure layer's Resource Guard refusal. */
export function guardOf(error: unknown): string | undefined {
  const e = error as { code?: unknown; target?: unknown } | undefined;
  return e?.code === RESOURCE_GUARD_APPROVAL && typeof e.target === 'string' ? e.target : undefined;
}

/** Whether a Resource Guard protects the vault's critical operations; told when it does, before anything is asked. */
export async function refusedByGuard(
  service: BackupService,
  log: Log,
  vault: VaultRef,
  operation: string,
): Promise<boolean> {
  const [guard] = await service.listResourceGuardMappings(vault);
  if (!guard) return false;
  tellGuarded(log, operation, guard.resourceGuardName);
  return true;
}
