// Reads the coverage of the selected subscriptions: per subscription the Azure layer's join (one VM listing +
// one items listing per vault), the vaults, their policies (for the staleness interval and the policy choice)
// and the resource groups. Never one call per VM. One unreadable subscription is reported, not fatal.
import type { BackupService } from '../azure/backupService';
import { isEnhancedPolicy } from '../azure/enhancedPolicy';
import { compositeKey } from '../azure/ids';
import type { Policy, ScheduleFrequency, Vault } from '../azure/model';
import { allVaults } from './bulkEnable';
import type { CoverageSnapshot } from './protocol';
import { toCoverageRow } from './status';
import { coverageTotals } from './totals';
import type { CoverageRow, VaultChoice } from './types';

export interface CoverageSource {
  subscriptions: { subscriptionId: string; displayName: string }[];
  serviceFor(subscriptionId: string): Promise<BackupService>;
  /** Localized schedule and retention of a policy. */
  summarize(policy: Policy): string;
  now: number;
  signal?: AbortSignal;
}

const CONCURRENCY = 4;

/**
 * `fn` over the subscriptions, CONCURRENCY at a time, in input order. Each begins by awaiting its service, so no
 * call starts in this loop's turn; the calls fan out inside, through the service's own start gate.
 */
async function eachSubscription<R>(
  source: CoverageSource,
  fn: (sub: CoverageSource['subscriptions'][number]) => Promise<R>,
): Promise<R[]> {
  const subs = source.subscriptions;
  const results = new Array<R>(subs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < subs.length) {
      source.signal?.throwIfAborted();
      const index = next++;
      results[index] = await fn(subs[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, subs.length) }, worker));
  return results;
}

async function allPolicies(service: BackupService, vault: Vault, signal?: AbortSignal): Promise<Policy[]> {
  const ref = { subscriptionId: vault.subscriptionId, resourceGroup: vault.resourceGroup, name: vault.name };
  const policies: Policy[] = [];
  let continuationToken: string | undefined;
  do {
    const page = await service.listPolicies(ref, { continuationToken, signal });
    policies.push(...page.items);
    continuationToken = page.continuationToken;
  } while (continuationToken);
  return policies;
}

/** VM policies, DefaultPolicy first (the service's own default). */
export function vmPolicies(policies: readonly Policy[], summarize: (p: Policy) => string): VaultChoice['policies'] {
  return policies
    .filter((p) => p.backupManagementType === 'AzureIaasVM')
    .sort((a, b) => (a.name === 'DefaultPolicy' ? -1 : b.name === 'DefaultPolicy' ? 1 : a.name.localeCompare(b.name)))
    .map((p) => ({ name: p.name, summary: summarize(p), ...(isEnhancedPolicy(p) ? { enhanced: true } : {}) }));
}

interface SubscriptionCoverage {
  rows: CoverageRow[];
  vaults: VaultChoice[];
  resourceGroups: string[];
}

async function loadSubscription(
  source: CoverageSource,
  sub: CoverageSource['subscriptions'][number],
): Promise<SubscriptionCoverage> {
  const service = await source.serviceFor(sub.subscriptionId);
  const [vms, vaults, groups] = await Promise.all([
    service.listVirtualMachinesWithProtection(sub.subscriptionId, source.signal),
    allVaults(service, sub.subscriptionId, source.signal),
    service.listResourceGroups(sub.subscriptionId, source.signal),
  ]);
  const frequencies = new Map<string, ScheduleFrequency | undefined>();
  const choices = await service.fanOut(
    vaults,
    CONCURRENCY,
    async (vault): Promise<VaultChoice> => {
      // Without its policies a vault still counts; staleness then assumes a daily schedule.
      const policies = await allPolicies(service, vault, source.signal).catch((): Policy[] => []);
      for (const p of policies) frequencies.set(compositeKey(vault.id, p.name), p.schedule?.frequency);
      return {
        id: vault.id,
        name: vault.name,
        resourceGroup: vault.resourceGroup,
        subscriptionId: vault.subscriptionId,
        location: vault.location.toLowerCase(),
        policies: vmPolicies(policies, source.summarize),
      };
    },
    source.signal,
  );
  const frequencyOf = (vaultId: string, policyName: string): ScheduleFrequency | undefined =>
    frequencies.get(compositeKey(vaultId, policyName));
  return {
    rows: vms.map((vm) => toCoverageRow(vm, sub.displayName, frequencyOf, source.now)),
    vaults: choices,
    resourceGroups: groups.map((g) => g.name).sort((a, b) => a.localeCompare(b)),
  };
}

export async function loadCoverage(
  source: CoverageSource,
): Promise<Omit<CoverageSnapshot, 'signedIn' | 'focusSubscriptionId'>> {
  const results = await eachSubscription(source, async (sub) => {
    try {
      return { sub, data: await loadSubscription(source, sub) };
    } catch (e) {
      if (source.signal?.aborted) throw e;
      const error = e as { message?: unknown; code?: unknown };
      return {
        sub,
        error: {
          subscriptionName: sub.displayName,
          message: String(error.message ?? e),
          code: typeof error.code === 'string' ? error.code : undefined,
        },
      };
    }
  });
  const rows = results.flatMap((r) => r.data?.rows ?? []);
  return {
    now: source.now,
    rows,
    totals: coverageTotals(rows),
    subscriptions: source.subscriptions.map((s) => ({ id: s.subscriptionId, name: s.displayName })),
    vaults: results.flatMap((r) => r.data?.vaults ?? []),
    resourceGroups: results
      .filter((r) => r.data)
      .map((r) => ({ subscriptionId: r.sub.subscriptionId, names: r.data?.resourceGroups ?? [] })),
    errors: results.flatMap((r) => (r.error ? [r.error] : [])),
  };
}
