// Every form kind, one entry each: the protocol's type maps, the message check and the strings come from this list.
// Pure (no vscode): the host's message check and the page's types both read it.
import { backupNowForm } from './backupNow';
import { createVaultForm } from './createVault';
import { enableVaultForm } from './enableVault';
import { enableVmForm } from './enableVm';
import { policyForm } from './policy';
import { restoreForm } from './restore';
import { storageForm } from './storage';
import { vaultSecurityForm } from './vaultSecurity';

export const formContracts = [
  createVaultForm,
  storageForm,
  enableVmForm,
  enableVaultForm,
  backupNowForm,
  policyForm,
  vaultSecurityForm,
  restoreForm,
] as const;

type Contract = (typeof formContracts)[number];
export type FormKind = Contract['kind'];
export type FormInitMap = { [C in Contract as C['kind']]: NonNullable<C['init']> };
export type FormSubmitMap = { [C in Contract as C['kind']]: NonNullable<C['submit']> };

export function formContract(kind: FormKind): Contract {
  const contract = formContracts.find((c) => c.kind === kind);
  if (!contract) throw new Error(`Unknown form kind ${kind}`);
  return contract;
}
