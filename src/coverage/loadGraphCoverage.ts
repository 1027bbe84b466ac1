// Reads the coverage of the selected subscriptions through Azure Resource Graph: per signed-in session one query each
// for the VMs, their backup items (merged as both stream in), the vaults, their VM policies and the resource groups,
// across all its subscriptions. Rows are handed to `onRows` as they are joined. Vaults changed in this window are
// read live by the Azure layer, so what was done here shows though Resource Graph has not indexed it yet.
import type { BackupService } from '../azure/backupService';
import { compositeKey, idKey } from '../azure/ids';
import type { GraphCounts, Policy, ScheduleFrequency } from '../azure/model';
import type { CoverageSource } from './loadCoverage';
import { vmPolicies } from './loadCoverage';
import type { SessionEstate } from './coverageStream';
import type { CoverageSnapshot } from './protocol';
import { toCoverageRow } from './status';
import { coverageTotals } from './totals';
import type { CoverageRow, VaultChoice } from './types';

/** Changes made here this long before a load are still read live: Resource Graph usually indexes within minutes. */
export const LIVE_CHANGES_WINDOW_MS = 60 * 60_000;

export interface GraphCoverageSource extends CoverageSource {
  /** Rows as they are joined, before the load completes (in no particular order across sessions). */
  onRows?(rows: CoverageRow[]): void;
  /** Resource Graph's counts, before the first row; asked only when given (two more queries). Once per session. */
  onCounts?(counts: GraphCounts): void;
  /** A session's vaults (with their policies) and resource groups, before its first row; `allRead` on the last. */
  onEstate?(estate: SessionEstate): void;
}

type Sub = CoverageSource['subscriptions'][number];

/** The subscriptions grouped by the service (signed-in session) that reads them: one set of queries per group. */
async function bySession(source: CoverageSource): Promise<Map<BackupService, Sub[]>> {
  const groups = new Map<BackupService, Sub[]>();
  for (const sub of source.subscriptions) {
    const service = await source.serviceFor(sub.subscriptionId);
    groups.set(service, [...(groups.get(service) ?? []), sub]);
  }
  return groups;
}

async function loadSession(
  source: GraphCoverageSource,
  service: BackupService,
  subs: readonly Sub[],
  estateRead: () => boolean,
): Promise<{ rows: CoverageRow[]; vaults: VaultChoice[]; resourceGroups: CoverageSnapshot['resourceGroups'] }> {
  const ids = subs.map((s) => s.subscriptionId);
  const { signal, onCounts } = source;
  const [vaults, policies, groups] = await Promise.all([
    service.graphVaults(ids, signal),
    service.graphPolicies(ids, signal),
    service.graphResourceGroups(ids, signal),
    onCounts ? service.graphCounts(ids, signal).then(onCounts) : undefined,
  ]);
  const policiesOf = new Map<string, Policy[]>();
  const frequencies = new Map<string, ScheduleFrequency | undefined>();
  for (const p of policies) {
    policiesOf.set(idKey(p.vaultId), [...(policiesOf.get(idKey(p.vaultId)) ?? []), p]);
    frequencies.set(compositeKey(p.vaultId, p.name), p.schedule?.frequency);
  }
  const frequencyOf = (vaultId: string, policyName: string): ScheduleFrequency | undefined =>
    frequencies.get(compositeKey(vaultId, policyName));
  const names = new Map(subs.map((s) => [idKey(s.subscriptionId), s.displayName]));
  const estate = {
    vaults: vaults.map((v) => ({
      id: v.id,
      name: v.name,
      resourceGroup: v.resourceGroup,
      subscriptionId: v.subscriptionId,
      location: v.location.toLowerCase(),
      policies: vmPolicies(policiesOf.get(idKey(v.id)) ?? [], source.summarize),
    })),
    resourceGroups: subs.map((s) => ({
      subscriptionId: s.subscriptionId,
      names: groups
        .filter((g) => idKey(g.subscriptionId) === idKey(s.subscriptionId))
        .map((g) => g.name)
        .sort((a, b) => a.localeCompare(b)),
    })),
  };
  source.onEstate?.({ ...estate, allRead: estateRead() });
  const rows: CoverageRow[] = [];
  const since = source.now - LIVE_CHANGES_WINDOW_MS;
  for await (const vms of service.graphProtectedVirtualMachines(ids, since, signal)) {
    const page = vms.map((vm) => toCoverageRow(vm, names.get(idKey(vm.subscriptionId)) ?? '', frequencyOf, source.now));
    for (const row of page) rows.push(row);
    source.onRows?.(page);
  }
  return { rows, ...estate };
}

export async function loadGraphCoverage(
  source: GraphCoverageSource,
): Promise<Omit<CoverageSnapshot, 'signedIn' | 'focusSubscriptionId'>> {
  const sessions = [...(await bySession(source)).entries()];
  let estates = 0;
  const estateRead = (): boolean => ++estates === sessions.length;
  const results = await Promise.all(sessions.map(([service, subs]) => loadSession(source, service, subs, estateRead)));
  const rows = results.flatMap((r) => r.rows);
  return {
    now: source.now,
    rows,
    totals: coverageTotals(rows),
    subscriptions: source.subscriptions.map((s) => ({ id: s.subscriptionId, name: s.displayName })),
    vaults: results.flatMap((r) => r.vaults),
    resourceGroups: results.flatMap((r) => r.resourceGroups),
    errors: [],
    asOf: source.now,
    source: 'resourceGraph',
  };
}
