/**
 * The docs article's story: one subscription, resource groups in West and North Europe, seven VMs
 * (Windows and Linux, one without a ready VM agent), and "contoso-vault" protecting one VM with
 * DefaultPolicy, with its configure and backup jobs done and recovery points in place. Beside it, for the
 * vault-security flows, "security-rg" holds "vault-guarded" (a Resource Guard mapping: multi-user authorization)
 * and "tl-vm-01", a Trusted Launch VM that needs an Enhanced policy.
 */
import type { JobRecord, RecoveryPointRecord, SandboxState, VmRecord } from './model';
import { shortContainerName, vaultKeyOf, vmKeyOf } from './names';
import { blankState, newVaultRecord } from './newRecords';
import { defaultPolicies } from './policyDefaults';
import { nextScheduledRun } from './policySchedule';
import { DAY_MS, TIMINGS } from './timings';

export const STORY_TENANT_ID = '8f3c2a71-5d4e-4b6a-9c1f-0a2b3c4d5e6f';
export const STORY_SUBSCRIPTION_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

interface VmSeed {
  rg: string;
  name: string;
  location: string;
  os: 'Windows' | 'Linux';
  size: string;
  agent?: boolean;
  power?: VmRecord['powerState'];
  vmId: string;
  dataDisks?: number[];
  securityType?: string;
}

export const GUARDED_VAULT = { resourceGroup: 'security-rg', name: 'vault-guarded' } as const;
/** The Resource Guard that "vault-guarded" is mapped to (in another resource group, as a security admin keeps it). */
export const STORY_RESOURCE_GUARD_ID = `/subscriptions/${STORY_SUBSCRIPTION_ID}/resourceGroups/security-admin-rg/providers/Microsoft.DataProtection/resourceGuards/contoso-guard`;

const VMS: VmSeed[] = [
  {
    rg: 'contoso-web-rg',
    name: 'web-vm-01',
    location: 'westeurope',
    os: 'Windows',
    size: 'Standard_D2s_v5',
    vmId: '0b6e1f3a-1c2d-4e5f-8a9b-000000000001',
    dataDisks: [128],
  },
  {
    rg: 'contoso-web-rg',
    name: 'web-vm-02',
    location: 'westeurope',
    os: 'Windows',
    size: 'Standard_D2s_v5',
    vmId: '0b6e1f3a-1c2d-4e5f-8a9b-000000000002',
  },
  {
    rg: 'contoso-web-rg',
    name: 'app-linux-01',
    location: 'westeurope',
    os: 'Linux',
    size: 'Standard_B2s',
    vmId: '0b6e1f3a-1c2d-4e5f-8a9b-000000000003',
  },
  {
    rg: 'contoso-web-rg',
    name: 'legacy-linux-02',
    location: 'westeurope',
    os: 'Linux',
    size: 'Standard_B1s',
    agent: false,
    vmId: '0b6e1f3a-1c2d-4e5f-8a9b-000000000004',
  },
  {
    rg: 'contoso-data-rg',
    name: 'sql-vm-01',
    location: 'northeurope',
    os: 'Windows',
    size: 'Standard_E4s_v5',
    vmId: '0b6e1f3a-1c2d-4e5f-8a9b-000000000005',
    dataDisks: [256, 256],
  },
  {
    rg: 'contoso-data-rg',
    name: 'etl-linux-01',
    location: 'northeurope',
    os: 'Linux',
    size: 'Standard_D4s_v5',
    vmId: '0b6e1f3a-1c2d-4e5f-8a9b-000000000006',
  },
  {
    rg: 'contoso-data-rg',
    name: 'build-linux-02',
    location: 'northeurope',
    os: 'Linux',
    size: 'Standard_B2ms',
    power: 'deallocated',
    vmId: '0b6e1f3a-1c2d-4e5f-8a9b-000000000007',
  },
  {
    rg: 'security-rg',
    name: 'tl-vm-01',
    location: 'westeurope',
    os: 'Linux',
    size: 'Standard_D2s_v5',
    vmId: '0b6e1f3a-1c2d-4e5f-8a9b-000000000008',
    dataDisks: [64, 64],
    securityType: 'TrustedLaunch',
  },
];

const JOB_IDS = [
  'c0ffee00-0000-4000-8000-000000000001',
  'c0ffee00-0000-4000-8000-000000000002',
  'c0ffee00-0000-4000-8000-000000000003',
  'c0ffee00-0000-4000-8000-000000000004',
];

export function storyState(now: number): SandboxState {
  const sub = STORY_SUBSCRIPTION_ID;
  // Old enough for the archived point below (the archive tier takes points older than three months).
  const created = now - 150 * DAY_MS;
  const vms: VmRecord[] = VMS.map((v) => ({
    subscriptionId: sub,
    resourceGroup: v.rg,
    name: v.name,
    location: v.location,
    osType: v.os,
    vmSize: v.size,
    vmId: v.vmId,
    powerState: v.power ?? 'running',
    agentReady: v.agent ?? true,
    broken: false,
    createdAt: created,
    tags: { project: 'contoso' },
    subnetId: `/subscriptions/${sub}/resourceGroups/${v.rg}/providers/Microsoft.Network/virtualNetworks/${v.rg.replace(/-rg$/, '-vnet')}/subnets/default`,
    ...(v.dataDisks
      ? { dataDisks: v.dataDisks.map((sizeGB, lun) => ({ lun, name: `${v.name}_DataDisk_${lun}`, sizeGB })) }
      : {}),
    ...(v.securityType ? { securityType: v.securityType } : {}),
  }));
  const vaultKey = vaultKeyOf(sub, 'contoso-backup-rg', 'contoso-vault');
  const protectedVm = vms[0];
  const vmKey = vmKeyOf(sub, protectedVm.resourceGroup, protectedVm.name);
  const day = (n: number): number => now - n * DAY_MS - (now % DAY_MS) + 2.5 * 3600e3; // 02:30 UTC, n days ago
  const job = (
    id: string,
    operation: JobRecord['operation'],
    start: number,
    duration: number,
    userTriggered: boolean,
    expiry?: number,
  ): JobRecord => ({
    vaultKey,
    id,
    operation,
    status: 'Completed',
    vmKey,
    entityFriendlyName: protectedVm.name,
    containerName: shortContainerName(protectedVm),
    startTime: start,
    endTime: start + duration,
    isUserTriggered: userTriggered,
    activityId: id.replace('c0ffee00', 'ac71f17e'),
    recoveryPointExpiry: expiry,
  });
  const enableAt = day(125) - 6 * 3600e3;
  const backups = [day(2), day(1), day(0) <= now - TIMINGS.backupJob ? day(0) : day(1) + 3600e3];
  const jobs = [
    job(JOB_IDS[0], 'ConfigureBackup', enableAt, TIMINGS.configureJob, true),
    ...backups.map((t, i) =>
      job(JOB_IDS[i + 1], 'Backup', t, TIMINGS.backupJob, i === backups.length - 1, t + 30 * DAY_MS),
    ),
  ];
  const point = (t: number, i: number, expiry: number): RecoveryPointRecord => ({
    vaultKey,
    vmKey,
    name: String(52_000_000_000_000 + i * 86_400_123),
    time: t + TIMINGS.backupJob * TIMINGS.snapshotShare,
    expiry,
    type: 'AppConsistent',
    osType: 'Windows',
    vmSize: protectedVm.vmSize,
  });
  // A monthly point kept a year, moved to the archive tier after three months: restorable only once rehydrated.
  const archived = { ...point(day(120), -1, day(120) + 365 * DAY_MS), archived: true };
  const points: RecoveryPointRecord[] = [archived, ...backups.map((t, i) => point(t, i, t + 30 * DAY_MS))];
  const policies = defaultPolicies(vaultKey);
  const guardedKey = vaultKeyOf(sub, GUARDED_VAULT.resourceGroup, GUARDED_VAULT.name);
  const last = backups[backups.length - 1];
  return {
    version: 1,
    tenantId: STORY_TENANT_ID,
    savedAt: now,
    counter: 100,
    subscriptions: [{ subscriptionId: sub, displayName: 'Sandbox Subscription' }],
    resourceGroups: [
      { subscriptionId: sub, name: 'contoso-web-rg', location: 'westeurope', tags: { project: 'contoso' } },
      { subscriptionId: sub, name: 'contoso-data-rg', location: 'northeurope', tags: { project: 'contoso' } },
      { subscriptionId: sub, name: 'contoso-backup-rg', location: 'westeurope', tags: { project: 'contoso' } },
      { subscriptionId: sub, name: GUARDED_VAULT.resourceGroup, location: 'westeurope', tags: { project: 'contoso' } },
    ],
    vms,
    vaults: [
      newVaultRecord({
        subscriptionId: sub,
        resourceGroup: 'contoso-backup-rg',
        name: 'contoso-vault',
        location: 'westeurope',
        tags: { project: 'contoso' },
        storageLocked: true,
        discoveredAt: enableAt,
        createdAt: created + DAY_MS,
        modifiedAt: enableAt,
      }),
      newVaultRecord({
        subscriptionId: sub,
        resourceGroup: GUARDED_VAULT.resourceGroup,
        name: GUARDED_VAULT.name,
        location: 'westeurope',
        tags: { project: 'contoso' },
        createdAt: created + DAY_MS,
        resourceGuard: {
          proxyName: 'VaultProxy',
          resourceGuardId: STORY_RESOURCE_GUARD_ID,
          lastUpdatedTime: created + DAY_MS,
        },
      }),
    ],
    policies: [...policies, ...defaultPolicies(guardedKey)],
    items: [
      {
        vaultKey,
        vmKey,
        policyName: 'DefaultPolicy',
        protectionState: 'Protected',
        lastBackupStatus: 'Completed',
        lastBackupTime: last,
        lastRecoveryPoint: points[points.length - 1].time,
        healthStatus: 'Passed',
        protectedItemDataId: '17592186044417',
        createdAt: enableAt,
        nextScheduledAt: nextScheduledRun(policies[0].properties, now),
      },
    ],
    jobs,
    recoveryPoints: points,
    operations: [],
    disks: [],
    virtualNetworks: [
      {
        subscriptionId: sub,
        resourceGroup: 'contoso-web-rg',
        name: 'contoso-web-vnet',
        location: 'westeurope',
        addressPrefix: '10.1.0.0/16',
        subnets: [
          { name: 'default', addressPrefix: '10.1.0.0/24' },
          { name: 'restore', addressPrefix: '10.1.1.0/24' },
        ],
      },
      {
        subscriptionId: sub,
        resourceGroup: 'contoso-data-rg',
        name: 'contoso-data-vnet',
        location: 'northeurope',
        addressPrefix: '10.2.0.0/16',
        subnets: [{ name: 'default', addressPrefix: '10.2.0.0/24' }],
      },
    ],
    storageAccounts: [
      {
        subscriptionId: sub,
        resourceGroup: 'contoso-web-rg',
        name: 'contosowebstaging',
        location: 'westeurope',
        skuName: 'Standard_LRS',
        kind: 'StorageV2',
        createdAt: created,
      },
      {
        subscriptionId: sub,
        resourceGroup: 'contoso-data-rg',
        name: 'contosodatastaging',
        location: 'northeurope',
        skuName: 'Standard_LRS',
        kind: 'StorageV2',
        createdAt: created,
      },
    ],
  };
}

export function emptyState(tenantId: string, subscriptionId: string, now: number): SandboxState {
  return { ...blankState(tenantId, now), subscriptions: [{ subscriptionId, displayName: 'Sandbox Subscription' }] };
}
