// What the coverage page offers besides the VMs, through Resource Graph in a few queries for the whole estate: the
// vaults, their VM backup policies and the resource groups (one listing each per subscription or vault otherwise),
// and counts (`summarize count()`) that give totals before the first row.
import type { ProtectionPolicyResource } from '@azure/arm-recoveryservicesbackup';
import { toPolicy } from '../convert/policies';
import { idParts } from '../ids';
import type { GraphCounts, Policy, VaultSummary } from '../model';
import type { OperationContext } from './context';
import { allPages, BACKUP_ITEMS_GRAPH_QUERY, COVERAGE_VM_GRAPH_QUERY } from './graphCoverage';

const VAULTS_QUERY =
  "Resources | where type =~ 'microsoft.recoveryservices/vaults' | project id, name, location | order by id asc";
const POLICIES_QUERY = [
  "RecoveryServicesResources | where type =~ 'microsoft.recoveryservices/vaults/backuppolicies'",
  "where properties.backupManagementType =~ 'AzureIaasVM'",
  'project id, name, properties',
  'order by id asc',
].join(' | ');
const RESOURCE_GROUPS_QUERY =
  "ResourceContainers | where type =~ 'microsoft.resources/subscriptions/resourcegroups' | project id, name | order by id asc";
/** The coverage queries' first stages (table and filters), counted instead of listed. */
const beforeProject = (query: string): string => query.slice(0, query.indexOf(' | project '));
const VM_COUNT_QUERY = `${beforeProject(COVERAGE_VM_GRAPH_QUERY)} | summarize count() by subscriptionId, location`;
const ITEM_COUNT_QUERY = `${beforeProject(BACKUP_ITEMS_GRAPH_QUERY)} | summarize count() by protectionState = tostring(properties.protectionState)`;

type Row = Record<string, unknown>;
const asRow = (raw: unknown): Row | undefined => (typeof raw === 'object' && raw !== null ? (raw as Row) : undefined);
const text = (v: unknown): string => (typeof v === 'string' ? v : '');

async function allRows<T>(
  ctx: OperationContext,
  subscriptionIds: readonly string[],
  query: string,
  convert: (row: Row) => T | undefined,
  signal?: AbortSignal,
): Promise<T[]> {
  const out: T[] = [];
  const pages = allPages(
    ctx,
    subscriptionIds,
    query,
    (raw) => {
      const row = asRow(raw);
      return row ? convert(row) : undefined;
    },
    signal,
  );
  for await (const page of pages) out.push(...page);
  return out;
}

export function graphVaults(
  ctx: OperationContext,
  subscriptionIds: readonly string[],
  signal?: AbortSignal,
): Promise<VaultSummary[]> {
  return allRows(
    ctx,
    subscriptionIds,
    VAULTS_QUERY,
    (row) => {
      // Resource group and subscription from the id: ARG lower-cases its resourceGroup column.
      const id = text(row.id);
      const { subscriptionId, resourceGroup } = idParts(id);
      if (!subscriptionId || !resourceGroup) return undefined;
      return { id, name: text(row.name), resourceGroup, subscriptionId, location: text(row.location) };
    },
    signal,
  );
}

/** JSON has no dates: the schedule times the policy conversion reads as Date, revived. */
function withScheduleDates(properties: Row): Row {
  const revive = (times: unknown): unknown =>
    Array.isArray(times) ? times.map((t) => (typeof t === 'string' ? new Date(t) : t)) : times;
  const schedule = asRow(properties.schedulePolicy);
  if (!schedule) return properties;
  const at = (key: string): Row | undefined => asRow(schedule[key]);
  const hourly = at('hourlySchedule');
  return {
    ...properties,
    schedulePolicy: {
      ...schedule,
      scheduleRunTimes: revive(schedule.scheduleRunTimes),
      ...(at('dailySchedule')
        ? { dailySchedule: { ...at('dailySchedule'), scheduleRunTimes: revive(at('dailySchedule')?.scheduleRunTimes) } }
        : {}),
      ...(at('weeklySchedule')
        ? {
            weeklySchedule: {
              ...at('weeklySchedule'),
              scheduleRunTimes: revive(at('weeklySchedule')?.scheduleRunTimes),
            },
          }
        : {}),
      ...(hourly && typeof hourly.scheduleWindowStartTime === 'string'
        ? { hourlySchedule: { ...hourly, scheduleWindowStartTime: new Date(hourly.scheduleWindowStartTime) } }
        : {}),
    },
  };
}

/** Every VM backup policy of every vault of the subscriptions. */
export function graphPolicies(
  ctx: OperationContext,
  subscriptionIds: readonly string[],
  signal?: AbortSignal,
): Promise<Policy[]> {
  return allRows(
    ctx,
    subscriptionIds,
    POLICIES_QUERY,
    (row) => {
      const properties = asRow(row.properties);
      if (!properties) return undefined;
      return toPolicy({
        id: text(row.id),
        name: text(row.name),
        properties: withScheduleDates(properties),
      } as unknown as ProtectionPolicyResource);
    },
    signal,
  );
}

export function graphResourceGroups(
  ctx: OperationContext,
  subscriptionIds: readonly string[],
  signal?: AbortSignal,
): Promise<{ subscriptionId: string; name: string }[]> {
  return allRows(
    ctx,
    subscriptionIds,
    RESOURCE_GROUPS_QUERY,
    (row) => {
      const subscriptionId = idParts(text(row.id)).subscriptionId;
      return subscriptionId ? { subscriptionId, name: text(row.name) } : undefined;
    },
    signal,
  );
}

/** Two summarize queries: what the totals can say before any row is read. */
export async function graphCounts(
  ctx: OperationContext,
  subscriptionIds: readonly string[],
  signal?: AbortSignal,
): Promise<GraphCounts> {
  const count = (row: Row): number => (typeof row.count_ === 'number' ? row.count_ : Number(row.count_ ?? 0));
  const [virtualMachines, items] = await Promise.all([
    allRows(
      ctx,
      subscriptionIds,
      VM_COUNT_QUERY,
      (row) => ({
        subscriptionId: text(row.subscriptionId),
        location: text(row.location).toLowerCase(),
        count: count(row),
      }),
      signal,
    ),
    allRows(
      ctx,
      subscriptionIds,
      ITEM_COUNT_QUERY,
      (row) => ({ protectionState: text(row.protectionState), count: count(row) }),
      signal,
    ),
  ]);
  return { virtualMachines, items };
}
