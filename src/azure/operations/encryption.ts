// The vault's encryption of backup data at rest: Microsoft-managed or a customer's Key Vault key.
import type { VaultRef } from '../backupService';
import type { EncryptionConfig } from '../model';
import type { OperationContext } from './context';
import { call } from './context';

export async function getEncryptionConfig(
  ctx: OperationContext,
  ref: VaultRef,
  signal?: AbortSignal,
): Promise<EncryptionConfig> {
  const config = await call(() =>
    ctx.clients
      .backup(ref.subscriptionId)
      .backupResourceEncryptionConfigs.get(ref.name, ref.resourceGroup, { abortSignal: signal }),
  );
  const p = config.properties;
  const type =
    p?.encryptionAtRestType === 'MicrosoftManaged' || p?.encryptionAtRestType === 'CustomerManaged'
      ? p.encryptionAtRestType
      : 'Unknown';
  return {
    type,
    ...(p?.keyUri ? { keyUri: p.keyUri } : {}),
    infrastructureEncryption: p?.infrastructureEncryptionState === 'Enabled',
  };
}
