import * as vscode from 'vscode';
import * as notify from '../ui/notify';
import type { ProtectableVm } from '../azure/backupService';
import type { EnableResult } from '../azure/backupService';
import { vaultRef } from '../tree/refs';
import { withProgress } from '../ui/progress';
import { showError } from '../ui/showError';
import type { CommandDefinition, CommandDeps } from './commandDeps';
import { alreadyProtectedManyText, submitAnswer } from './shared/alreadyProtected';
import { formStrings } from '../webview/fieldMessages';
import { policyChoices } from './shared/policyChoices';
import { resolveVault, type VaultTarget } from './shared/targets';
import { trackOperation } from './shared/trackOperation';
import { idKey } from '../azure/ids';
import { isEnhancedPolicy, needsEnhancedPolicy } from '../azure/enhancedPolicy';
import type { VirtualMachine } from '../azure/model';
import { enhancedReasonSentence } from '../presentation/diskText';

export interface EnableFromVaultInput {
  policyName?: string;
  /** VM ids (any casing) among the discovered ones. */
  vmIds: string[];
}

function reasonText(reason: ProtectableVm['unavailableReason']): string | undefined {
  switch (reason) {
    case 'OtherRegion':
      return vscode.l10n.t('In another region than the vault');
    case 'AlreadyProtected':
      return vscode.l10n.t('Already protected');
    default:
      return undefined;
  }
}

/** Enables protection for each chosen VM with bounded concurrency; one result per VM. */
/** The discovered VMs' security type and disks (from the subscription's VM listing), by VM id key. */
type VmDetails = Map<string, VirtualMachine>;

/**
 * A Standard policy for chosen VMs that need an Enhanced one: refused before anything is sent, naming each VM and
 * why; nothing is read when none of them needs one.
 */
async function refuseStandardFor(
  target: VaultTarget,
  chosen: ProtectableVm[],
  details: VmDetails,
  policyName: string,
): Promise<void> {
  const needing = chosen.flatMap((v) => {
    const reason = needsEnhancedPolicy(details.get(idKey(v.vmId)) ?? {});
    return reason ? [enhancedReasonSentence(v.name, reason, vscode.l10n)] : [];
  });
  if (needing.length === 0) return;
  const policy = await target.service.getPolicy(vaultRef(target.vault), policyName);
  if (isEnhancedPolicy(policy)) return;
  throw Object.assign(
    new Error(needing.map((why) => vscode.l10n.t('{0}: {1} is a Standard policy.', why, policy.name)).join(' ')),
    { field: 'policyName' },
  );
}

function enableMany(
  deps: CommandDeps,
  target: VaultTarget,
  chosen: ProtectableVm[],
  policyName: string,
  details: VmDetails,
): { started: Promise<string | undefined>; done: Promise<EnableResult[]> } {
  const { service, vault } = target;
  // VMs being enabled by another click (here or from the VM) are left to it: one PUT, one item, one job.
  const reservations = new Map(
    chosen.flatMap((v) => {
      const held = deps.jobs.reserve(service, 'enable', v.vmId, [v.vmId]);
      return held ? [[v, held] as const] : [];
    }),
  );
  const vms = chosen.filter((v) => reservations.has(v));
  for (const v of chosen.filter((c) => !vms.includes(c)))
    void notify.info(vscode.l10n.t('Backup of {0} is already being configured.', v.name));
  if (vms.length === 0) return { started: Promise.resolve(undefined), done: Promise.resolve([]) };
  let results: EnableResult[] = [];
  const running = trackOperation(
    deps,
    {
      title: vscode.l10n.t('Enabling backup for {0} virtual machines', vms.length),
      keys: [vault.id, ...vms.map((v) => v.vmId)],
      vault: vaultRef(vault),
      kind: 'ConfigureBackup',
      affected: () => {
        deps.tree.refreshResource(vault.id, ['items', 'jobs', 'policies', 'vault']);
        deps.tree.refreshResource(vault.subscriptionId, ['virtualMachines']);
      },
    },
    async (options) => {
      results = await service.enableProtectionMany(
        vaultRef(vault),
        vms.map((v) => {
          const d = details.get(idKey(v.vmId));
          return {
            id: v.vmId,
            name: v.name,
            resourceGroup: v.resourceGroup,
            securityType: d?.securityType,
            disks: d?.disks,
          };
        }),
        policyName,
        { ...options, reserved: [...reservations.values()] },
      );
      const failed = results.filter((r) => !r.ok);
      // Cancelled by the user: not a failure to report (the VMs not yet sent stay unprotected; a refresh shows which).
      if (options.signal?.aborted) return { operationId: 'enableMany', outcome: 'Cancelled' };
      return {
        operationId: 'enableMany',
        outcome: failed.length === 0 ? 'Completed' : 'Failed',
        error: failed[0]?.error,
      };
    },
  );
  const release = (): void => {
    for (const held of reservations.values()) held.release();
  };
  running.done.then(release, release);
  return { started: running.started, done: running.done.then(() => results) };
}

/** The chosen VMs the layer found protected already (nothing sent for them), as a sentence; undefined when none. */
function alreadyProtected(results: EnableResult[], chosen: ProtectableVm[], vaultName: string): string | undefined {
  const ids = new Set(results.filter((r) => r.operation?.alreadyProtected).map((r) => idKey(r.vmId)));
  const names = chosen.filter((v) => ids.has(idKey(v.vmId))).map((v) => v.name);
  return names.length > 0 ? alreadyProtectedManyText(names, vaultName) : undefined;
}

function notifyAlreadyProtected(results: EnableResult[], chosen: ProtectableVm[], vaultName: string): void {
  const already = alreadyProtected(results, chosen, vaultName);
  if (already) void notify.info(already);
}

/** `azureBackup.enableBackupFromVault(vaultNode?, input?)`: discover VMs, pick a policy and several VMs. */
export const enableBackupFromVault: CommandDefinition = {
  id: 'azureBackup.enableBackupFromVault',
  title: () => vscode.l10n.t('Enable backup from the vault'),
  async run(deps, node, input) {
    const target = await resolveVault(deps, node);
    const { service, vault } = target;
    const ref = vaultRef(vault);
    const [discovered, policies, listed] = await withProgress(
      vscode.l10n.t('Discovering virtual machines for {0}…', vault.name),
      true,
      (signal) =>
        Promise.all([
          service.discoverVirtualMachines(ref, signal),
          policyChoices(service, ref),
          // Which VMs need an Enhanced policy; without the listing the service's own refusal says so.
          service.listVirtualMachinesWithProtection(vault.subscriptionId, signal).catch(() => []),
        ]),
    );
    const details: VmDetails = new Map(listed.map((v) => [idKey(v.id), v]));
    const enhancedNote = (v: ProtectableVm): string => {
      const reason = needsEnhancedPolicy(details.get(idKey(v.vmId)) ?? {});
      return reason ? ` — ${enhancedReasonSentence(v.name, reason, vscode.l10n)}` : '';
    };
    if (typeof input === 'object' && input !== null && Array.isArray((input as EnableFromVaultInput).vmIds)) {
      const i = input as EnableFromVaultInput;
      const wanted = new Set(i.vmIds.map(idKey));
      const chosen = discovered.filter((v) => wanted.has(idKey(v.vmId)) && !v.unavailableReason);
      if (chosen.length !== wanted.size)
        throw new Error(vscode.l10n.t('Some of the virtual machines cannot be protected by {0}.', vault.name));
      const policyName = i.policyName ?? 'DefaultPolicy';
      await refuseStandardFor(target, chosen, details, policyName);
      const results = await enableMany(deps, target, chosen, policyName, details).done;
      notifyAlreadyProtected(results, chosen, vault.name);
      return results;
    }
    deps.forms.open({
      kind: 'enableBackupVault',
      key: vault.id,
      title: vscode.l10n.t('Enable backup: {0}', vault.name),
      strings: formStrings('enableBackupVault'),
      init: {
        vaultName: vault.name,
        vaultLocation: vault.location,
        policies,
        vms: discovered.map((v) => ({
          value: v.vmId,
          label: v.name,
          description: `${v.location} · ${v.resourceGroup}${enhancedNote(v)}`,
          disabledReason: reasonText(v.unavailableReason),
        })),
      },
      submit: async ({ policyName, vmIds }) => {
        const wanted = new Set(vmIds.map(idKey));
        const chosen = discovered.filter((v) => wanted.has(idKey(v.vmId)) && !v.unavailableReason);
        if (chosen.length === 0 || chosen.length !== wanted.size)
          throw Object.assign(new Error(formStrings('enableBackupVault').selectOne), { field: 'vms' });
        await refuseStandardFor(target, chosen, details, policyName);
        const running = enableMany(deps, target, chosen, policyName, details);
        running.done.catch((error: unknown) => showError(deps.log, vscode.l10n.t('Enable backup'), error));
        const answer = await submitAnswer(
          running.started,
          running.done,
          vscode.l10n.t('Configuring backup for {0} virtual machines…', chosen.length),
          (results) => alreadyProtected(results, chosen, vault.name),
        );
        // Some configuring, some protected already (a second submit with more VMs): say which were left alone.
        if (answer.jobName)
          running.done.then(
            (results) => notifyAlreadyProtected(results, chosen, vault.name),
            () => undefined,
          );
        return answer;
      },
      openJob: async (jobName) => {
        await vscode.commands.executeCommand('azureBackup.showJob', { vault: ref, jobName });
      },
    });
    return undefined;
  },
};
