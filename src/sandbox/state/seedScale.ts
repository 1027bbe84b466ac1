/** A fast, seeded generator of large states for benchmarks: N subscriptions, vaults, VMs, protected items, jobs. */
import type { ScaleSpec } from '../types';
import type { JobRecord, ProtectedItemRecord, RecoveryPointRecord, SandboxState, VaultRecord, VmRecord } from './model';
import { shortContainerName, vaultKeyOf, vmKeyOf } from './names';
import { blankState, newVaultRecord } from './newRecords';
import { defaultPolicies } from './policyDefaults';
import { nextScheduledRun } from './policySchedule';
import type { SeededRandom } from './random';
import { DAY_MS, TIMINGS } from './timings';

const SIZES = ['Standard_B2s', 'Standard_D2s_v5', 'Standard_D4s_v5', 'Standard_E4s_v5'];

export function scaleState(spec: ScaleSpec, random: SeededRandom, now: number): SandboxState {
  const regions = spec.regions && spec.regions.length > 0 ? spec.regions : ['westeurope', 'northeurope'];
  const state = blankState(random.guid(), now);
  const itemsPerSub = distribute(spec.protectedItems, spec.subscriptions);
  const jobsPerSub = distribute(spec.jobs, spec.subscriptions);
  for (let s = 0; s < spec.subscriptions; s++) {
    const sub = random.guid();
    state.subscriptions.push({ subscriptionId: sub, displayName: `Scale Subscription ${s + 1}` });
    for (const region of regions)
      state.resourceGroups.push({ subscriptionId: sub, name: `rg-${region}`, location: region });
    const vaults: VaultRecord[] = [];
    for (let v = 0; v < spec.vaultsPerSubscription; v++) {
      const location = regions[v % regions.length];
      const vault = newVaultRecord({
        subscriptionId: sub,
        resourceGroup: `rg-${location}`,
        name: `vault-${s + 1}-${v + 1}`,
        location,
        discoveredAt: now - DAY_MS,
        createdAt: now - 60 * DAY_MS,
      });
      vaults.push(vault);
      state.vaults.push(vault);
      state.policies.push(...defaultPolicies(vaultKeyOf(sub, vault.resourceGroup, vault.name)));
    }
    const vms: VmRecord[] = [];
    for (let i = 0; i < spec.vmsPerSubscription; i++) {
      const location = regions[i % regions.length];
      const vm: VmRecord = {
        subscriptionId: sub,
        resourceGroup: `rg-${location}`,
        name: `vm-${String(i + 1).padStart(5, '0')}`,
        location,
        osType: random.next() < 0.5 ? 'Windows' : 'Linux',
        vmSize: random.pick(SIZES),
        vmId: random.guid(),
        powerState: 'running',
        agentReady: random.next() > 0.05,
        broken: false,
        createdAt: now - 90 * DAY_MS,
      };
      vms.push(vm);
      state.vms.push(vm);
    }
    const items = protect(state, vaults, vms, itemsPerSub[s], now);
    addJobs(state, items, jobsPerSub[s], random, now);
  }
  return state;
}

function distribute(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
}

/** Protects VMs round-robin with vaults of the same region, one recovery point each. */
function protect(
  state: SandboxState,
  vaults: VaultRecord[],
  vms: VmRecord[],
  count: number,
  now: number,
): Array<{ item: ProtectedItemRecord; vm: VmRecord }> {
  const out: Array<{ item: ProtectedItemRecord; vm: VmRecord }> = [];
  const byRegion = new Map<string, VaultRecord[]>();
  for (const v of vaults) byRegion.set(v.location, [...(byRegion.get(v.location) ?? []), v]);
  const policy = defaultPolicies('')[0].properties;
  for (const vm of vms) {
    if (out.length >= count) break;
    const candidates = byRegion.get(vm.location);
    if (!candidates) continue;
    const vault = candidates[out.length % candidates.length];
    vault.storageLocked = true;
    const vaultKey = vaultKeyOf(vault.subscriptionId, vault.resourceGroup, vault.name);
    const vmKey = vmKeyOf(vm.subscriptionId, vm.resourceGroup, vm.name);
    const last = now - DAY_MS;
    const item: ProtectedItemRecord = {
      vaultKey,
      vmKey,
      policyName: 'DefaultPolicy',
      protectionState: 'Protected',
      lastBackupStatus: 'Completed',
      lastBackupTime: last,
      lastRecoveryPoint: last + 10_000,
      healthStatus: 'Passed',
      protectedItemDataId: String(17_592_186_044_416 + ++state.counter),
      createdAt: now - 30 * DAY_MS,
      nextScheduledAt: nextScheduledRun(policy, now),
    };
    state.items.push(item);
    const rp: RecoveryPointRecord = {
      vaultKey,
      vmKey,
      name: String(60_000_000_000_000 + ++state.counter),
      time: last + 10_000,
      expiry: last + 30 * DAY_MS,
      type: vm.agentReady ? (vm.osType === 'Windows' ? 'AppConsistent' : 'FileSystemConsistent') : 'CrashConsistent',
      osType: vm.osType,
      vmSize: vm.vmSize,
    };
    state.recoveryPoints.push(rp);
    out.push({ item, vm });
  }
  return out;
}

/** Completed (and a few failed) jobs spread over the last 30 days, oldest first. */
function addJobs(
  state: SandboxState,
  items: Array<{ item: ProtectedItemRecord; vm: VmRecord }>,
  count: number,
  random: SeededRandom,
  now: number,
): void {
  if (items.length === 0) return;
  const jobs: JobRecord[] = [];
  for (let i = 0; i < count; i++) {
    const { item, vm } = items[i % items.length];
    const start = now - Math.floor(random.next() * 30 * DAY_MS) - TIMINGS.backupJob;
    const failed = random.next() < 0.03;
    jobs.push({
      vaultKey: item.vaultKey,
      id: random.guid(),
      operation: i < items.length ? 'ConfigureBackup' : 'Backup',
      status: failed ? 'Failed' : 'Completed',
      vmKey: item.vmKey,
      entityFriendlyName: vm.name,
      containerName: shortContainerName(vm),
      startTime: start,
      endTime: start + TIMINGS.backupJob,
      isUserTriggered: false,
      activityId: random.guid(),
      recoveryPointExpiry: start + 30 * DAY_MS,
      errorDetails: failed
        ? [
            {
              errorCode: 400_014,
              errorTitle: 'UserErrorGuestAgentStatusUnavailable',
              errorString: 'VM agent is unable to communicate with the Azure Backup service.',
              recommendations: ['Make sure the VM agent is installed and running.'],
            },
          ]
        : undefined,
    });
  }
  jobs.sort((a, b) => a.startTime - b.startTime);
  state.jobs.push(...jobs);
}
