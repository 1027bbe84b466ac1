// Tool: backup coverage per subscription and region, with the VMs named. Reads through the coverage page's own
// loader and rules (join, protected / stopped / failing / stale), so the tool and the page never disagree.
import { sameId } from '../azure/ids';
import * as vscode from 'vscode';
import { regionDisplayName } from '../azure/regionNames';
import { summarizePolicy } from '../coverage/coverageActions';
import { loadCoverage } from '../coverage/loadCoverage';
import { filterRows, matchesStatus, NO_FILTER } from '../coverage/query';
import { coverageTotals } from '../coverage/totals';
import type { Counts, CoverageRow, StatusFilter } from '../coverage/types';
import { errorText, failureText, nameList, plain, region, signedOutText, textResult } from './format';
import { Refusal, subscriptionsFor, type ToolDeps } from './resolve';

interface CoverageInput {
  subscription?: string;
  region?: string;
  resourceGroup?: string;
}

function countsText(c: Counts): string {
  const text = vscode.l10n.t(
    '{0} virtual machines: {1} protected, {2} not protected, {3} stopped, {4} failing, {5} stale',
    c.total,
    c.protected,
    c.unprotected,
    c.stopped,
    c.failing,
    c.stale,
  );
  return c.unknown > 0 ? vscode.l10n.t('{0}, {1} unknown', text, c.unknown) : text;
}

/** "web-vm-01 (contoso-web-rg, contoso-vault)": the group tells VMs of one name apart, the vault where it is backed up. */
function vmLabel(row: CoverageRow): string {
  return row.vaultName
    ? `${plain(row.name)} (${plain(row.resourceGroup)}, ${plain(row.vaultName)})`
    : `${plain(row.name)} (${plain(row.resourceGroup)})`;
}

function namedLists(rows: readonly CoverageRow[]): string[] {
  const lists: [StatusFilter | 'unknown', string][] = [
    ['unprotected', vscode.l10n.t('Not protected')],
    ['failing', vscode.l10n.t('Failing')],
    ['stale', vscode.l10n.t('Stale')],
    ['stopped', vscode.l10n.t('Stopped')],
    ['protected', vscode.l10n.t('Protected')],
    ['unknown', vscode.l10n.t('Unknown')],
  ];
  return lists.flatMap(([status, label]) => {
    const names = rows
      .filter((r) => (status === 'unknown' ? r.protection === 'Unknown' : matchesStatus(r, status)))
      .sort((a, b) => a.name.localeCompare(b.name) || a.resourceGroup.localeCompare(b.resourceGroup))
      .map(vmLabel);
    return names.length > 0 ? [`    ${label}: ${nameList(names)}`] : [];
  });
}

/** "West Europe" or "westeurope" → westeurope. */
function locationOf(text: string): string {
  return text.replace(/\s+/g, '').toLowerCase();
}

export function coverageTool(deps: ToolDeps): vscode.LanguageModelTool<CoverageInput> {
  return {
    prepareInvocation: () => ({ invocationMessage: vscode.l10n.t('Reading backup coverage') }),
    async invoke(options) {
      if (deps.session.mode === 'signedOut') return textResult(signedOutText());
      const input = options.input ?? {};
      try {
        const subscriptions = await subscriptionsFor(deps, input.subscription);
        const data = await loadCoverage({
          subscriptions,
          serviceFor: (id) => deps.session.service(id),
          summarize: summarizePolicy,
          now: deps.now().getTime(),
        });
        const location = input.region?.trim() ? locationOf(input.region) : '';
        const group = input.resourceGroup?.trim().toLowerCase() ?? '';
        const rows = filterRows(data.rows, { ...NO_FILTER, location }).filter(
          (r) => !group || r.resourceGroup.toLowerCase() === group,
        );
        const totals = coverageTotals(rows);
        const filters = [input.subscription, input.region && regionDisplayName(location), input.resourceGroup]
          .filter((f) => f?.trim())
          .map((f) => plain(f));
        const lines = [
          filters.length > 0
            ? vscode.l10n.t('Backup coverage ({0}): {1}.', filters.join(', '), countsText(totals.all))
            : vscode.l10n.t('Backup coverage: {0}.', countsText(totals.all)),
        ];
        for (const sub of totals.bySubscription) {
          lines.push(
            vscode.l10n.t('Subscription {0} ({1}): {2}.', plain(sub.name), sub.subscriptionId, countsText(sub)),
          );
          const subRows = rows.filter((r) => sameId(r.subscriptionId, sub.subscriptionId));
          for (const reg of coverageTotals(subRows).byRegion) {
            lines.push(`  ${vscode.l10n.t('Region {0}: {1}.', region(reg.location), countsText(reg))}`);
            lines.push(...namedLists(subRows.filter((r) => r.location === reg.location)));
          }
        }
        for (const error of data.errors)
          lines.push(
            vscode.l10n.t('Subscription {0} could not be read: {1}', plain(error.subscriptionName), errorText(error)),
          );
        return textResult(...lines);
      } catch (error) {
        return textResult(error instanceof Refusal ? error.message : failureText(error));
      }
    },
  };
}
