import * as vscode from 'vscode';
import type { BackupService, CreateVaultInput } from '../azure/backupService';
import type { Vault } from '../azure/model';
import { regionDisplayName } from '../azure/regionNames';
import { fieldMessage, resourceGroupProblem, vaultNameProblem } from '../webview/rules';
import type { FormOption } from '../webview/protocol';
import { fieldError } from '../webview/replyError';
import { withProgress } from '../ui/progress';
import type { CommandDefinition, CommandDeps } from './commandDeps';
import { formStrings } from '../webview/fieldMessages';
import { resolveSubscription } from './shared/targets';

async function choices(
  service: BackupService,
  subscriptionId: string,
): Promise<{ resourceGroups: FormOption[]; regions: FormOption[]; firstGroupLocation?: string }> {
  const [groups, regions] = await Promise.all([
    service.listResourceGroups(subscriptionId),
    service.listRegions(subscriptionId),
  ]);
  return {
    firstGroupLocation: groups[0]?.location,
    resourceGroups: groups.map((g) => ({ value: g.name, label: g.name, description: regionDisplayName(g.location) })),
    regions: regions.map((r) => ({ value: r.name, label: r.displayName })),
  };
}

/** Validates against the naming rules and availability, then creates the vault under progress. */
async function create(deps: CommandDeps, input: CreateVaultInput): Promise<Vault> {
  const strings = formStrings('createVault');
  const nameProblem = vaultNameProblem(input.name);
  if (nameProblem) throw fieldError(fieldMessage(strings, nameProblem), 'name');
  const groupProblem = resourceGroupProblem(input.resourceGroup);
  if (groupProblem) throw fieldError(fieldMessage(strings, groupProblem), 'resourceGroup');
  const service = await deps.session.service(input.subscriptionId);
  const check = await service.checkVaultName(input.subscriptionId, input.resourceGroup, input.location, input.name);
  if (!check.available) throw fieldError(check.message ?? strings['vaultName.taken'], 'name');
  // Cancellable: a stalled request must not hold the user; a refresh then shows whether the vault came to be.
  const vault = await withProgress(vscode.l10n.t('Creating vault {0}…', input.name), true, (signal) =>
    service.createVault(input, signal),
  );
  deps.tree.refreshResource(input.subscriptionId, ['vaults']);
  return vault;
}

/** `azureBackup.createVault(node?, input?)`: with an input it creates directly and returns the vault. */
export const createVault: CommandDefinition = {
  id: 'azureBackup.createVault',
  title: () => vscode.l10n.t('Create vault'),
  async run(deps, node, input) {
    const { service, subscriptionId } = await resolveSubscription(deps, node);
    if (typeof input === 'object' && input !== null) {
      const i = input as Partial<CreateVaultInput>;
      if (typeof i.name !== 'string' || typeof i.resourceGroup !== 'string' || typeof i.location !== 'string')
        throw new Error('name, resourceGroup and location are required');
      return create(deps, {
        subscriptionId: i.subscriptionId ?? subscriptionId,
        name: i.name,
        resourceGroup: i.resourceGroup,
        location: i.location,
        createResourceGroup: i.createResourceGroup ?? false,
      });
    }
    const subscriptions = (await deps.session.listSubscriptions()).map((c) => ({
      value: c.subscription.subscriptionId,
      label: c.subscription.displayName,
    }));
    const { firstGroupLocation, ...initial } = await choices(service, subscriptionId);
    deps.forms.open({
      kind: 'createVault',
      key: subscriptionId,
      title: vscode.l10n.t('Create a Recovery Services vault'),
      strings: formStrings('createVault'),
      init: {
        subscriptions,
        subscriptionId,
        ...initial,
        location: firstGroupLocation ?? initial.regions[0]?.value ?? '',
      },
      query: async (q) => {
        if (q.query === 'subscriptionChoices') {
          const { resourceGroups, regions } = await choices(
            await deps.session.service(q.subscriptionId),
            q.subscriptionId,
          );
          return { resourceGroups, regions };
        }
        if (q.query === 'checkVaultName') {
          // Names are unique per resource group: no group, no question to ask.
          const groupProblem = resourceGroupProblem(q.resourceGroup);
          if (groupProblem)
            return { nameCheck: { available: false, message: fieldMessage(formStrings('createVault'), groupProblem) } };
          const s = await deps.session.service(q.subscriptionId);
          return { nameCheck: await s.checkVaultName(q.subscriptionId, q.resourceGroup, q.location, q.name) };
        }
        return {};
      },
      submit: async (p) => {
        const vault = await create(deps, {
          subscriptionId: p.subscriptionId,
          name: p.name,
          resourceGroup: p.resourceGroup,
          location: p.location,
          createResourceGroup: p.newResourceGroup,
        });
        return { message: vscode.l10n.t('Vault {0} created in {1}.', vault.name, regionDisplayName(vault.location)) };
      },
    });
    return undefined;
  },
};
