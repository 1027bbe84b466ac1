// Every form page, one entry each; the compile-time check below fails when a kind of ../../webview/forms has no page.
import type { FormKind } from '../../webview/protocol';
import { backupNowPage } from './backupNow';
import { createVaultPage } from './createVault';
import { enableVaultPage } from './enableVault';
import { enableVmPage } from './enableVm';
import type { FormPage } from './page';
import { policyPage } from './policy';
import { restorePage } from './restore';
import { storagePage } from './storage';
import { vaultSecurityPage } from './vaultSecurity';

const formPages = [
  createVaultPage,
  storagePage,
  enableVmPage,
  enableVaultPage,
  backupNowPage,
  policyPage,
  vaultSecurityPage,
  restorePage,
] as const;

type MissingPage = Exclude<FormKind, (typeof formPages)[number]['kind']>;
const everyKindHasAPage: [MissingPage] extends [never] ? true : MissingPage = true;
void everyKindHasAPage;

export function formPageOf(kind: FormKind): FormPage<FormKind> | undefined {
  return formPages.find((p) => p.kind === kind) as FormPage<FormKind> | undefined;
}
