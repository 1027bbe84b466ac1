// Tool: the backup jobs running, and those that failed, in a time window, across the vaults of the subscriptions
// shown (or one subscription or vault). Two filtered job listings per vault, the service does the filtering.
import { idKey } from '../azure/ids';
import * as vscode from 'vscode';
import type { BackupJob, JobStatus, Vault } from '../azure/model';
import { allVaults } from '../coverage/bulkEnable';
import { sortJobs } from '../presentation/describe';
import { vaultRef } from '../tree/refs';
import { addDays } from '../presentation/time';
import { failureText, MAX_NAMES, plain, signedOutText, textResult } from './format';
import { Refusal, subscriptionsFor, type ToolDeps } from './resolve';
import { jobLine } from './vmStatusTool';

interface JobsInput {
  /** running, failed or both (default). */
  status?: 'running' | 'failed' | 'all';
  /** The window back from now, in hours: 24 by default, at most 30 days. */
  hours?: number;
  subscription?: string;
  vault?: string;
}

const MAX_HOURS = 720;
const CONCURRENCY = 4;

function windowHours(hours: unknown): number {
  return typeof hours === 'number' && Number.isFinite(hours) && hours > 0 ? Math.min(hours, MAX_HOURS) : 24;
}

export function jobsTool(deps: ToolDeps): vscode.LanguageModelTool<JobsInput> {
  return {
    prepareInvocation: () => ({ invocationMessage: vscode.l10n.t('Reading backup jobs') }),
    async invoke(options) {
      if (deps.session.mode === 'signedOut') return textResult(signedOutText());
      const input = options.input ?? {};
      const hours = windowHours(input.hours);
      const now = deps.now();
      const since = addDays(now, -hours / 24);
      const statuses: JobStatus[] =
        input.status === 'running' ? ['InProgress'] : input.status === 'failed' ? ['Failed'] : ['InProgress', 'Failed'];
      try {
        const wanted = input.vault?.trim().toLowerCase();
        const vaults: Vault[] = [];
        const perVault: BackupJob[][] = [];
        for (const sub of await subscriptionsFor(deps, input.subscription)) {
          const service = await deps.session.service(sub.subscriptionId);
          const chosen = (await allVaults(service, sub.subscriptionId)).filter(
            (v) => !wanted || v.name.toLowerCase() === wanted || idKey(v.id) === wanted,
          );
          vaults.push(...chosen);
          // Two filtered listings per vault (the service filters), a few vaults at a time through the session's transport.
          perVault.push(
            ...(await service.fanOut(chosen, CONCURRENCY, async (vault) => {
              const lists = await Promise.all(
                statuses.map((status) =>
                  service.listJobs(vaultRef(vault), { status, startTime: since, endTime: now }, { maxItems: 500 }),
                ),
              );
              return lists.flatMap((l) => l.items);
            })),
          );
        }
        if (wanted && vaults.length === 0)
          throw new Refusal(vscode.l10n.t('No Recovery Services vault {0} was found.', plain(input.vault)));
        const jobs = sortJobs(perVault.flat());
        const running = jobs.filter((j) => j.status === 'InProgress');
        const failed = jobs.filter((j) => j.status === 'Failed');
        const lines = [
          vaults.length === 1
            ? vscode.l10n.t(
                'Backup jobs in the last {0} hours in the vault {1}: {2} running, {3} failed.',
                hours,
                plain(vaults[0].name),
                running.length,
                failed.length,
              )
            : vscode.l10n.t(
                'Backup jobs in the last {0} hours across {1} vaults: {2} running, {3} failed.',
                hours,
                vaults.length,
                running.length,
                failed.length,
              ),
        ];
        const section = (title: string, list: BackupJob[]): void => {
          if (list.length === 0) return;
          lines.push(title, ...list.slice(0, MAX_NAMES).map((j) => `- ${jobLine(j)}`));
          if (list.length > MAX_NAMES) lines.push(vscode.l10n.t('… and {0} more', list.length - MAX_NAMES));
        };
        if (statuses.includes('InProgress')) section(vscode.l10n.t('Running:'), running);
        if (statuses.includes('Failed')) section(vscode.l10n.t('Failed:'), failed);
        return textResult(...lines);
      } catch (error) {
        return textResult(error instanceof Refusal ? error.message : failureText(error));
      }
    },
  };
}
