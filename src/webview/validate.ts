// Every message from a webview is untrusted input: check shape, types and lengths before acting on it.
// Only the shape: a value the user can type (a name one character too long, a number out of range, a date that
// is not one) passes here so that the form's rules answer it with a message next to its field; refused here, the
// page would get no answer at all. Pure functions, unit-tested in test/unit/ui/validate.test.ts.
import type { DayOfWeek, PolicyInput, StorageRedundancy } from '../azure/model';
import type { FormKind, FormQuery, FormSubmitMap, WebviewMessage } from './protocol';

type Obj = Record<string, unknown>;

const maxText = 256;
const maxId = 1024;
const days: readonly DayOfWeek[] = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const redundancies: readonly StorageRedundancy[] = ['GeoRedundant', 'LocallyRedundant', 'ZoneRedundant'];

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown, max = maxText, min = 0): string | undefined {
  return typeof v === 'string' && v.length >= min && v.length <= max ? v : undefined;
}

function int(v: unknown, min: number, max: number): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : undefined;
}

/** A whole number the user typed into a number field; its range is the form's rule, not the channel's. */
function typedInt(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isSafeInteger(v) ? v : undefined;
}

function optionalInt(o: Obj, key: string): { ok: boolean; value?: number } {
  if (o[key] === undefined) return { ok: true };
  const value = typedInt(o[key]);
  return { ok: value !== undefined, value };
}

function dayList(v: unknown): DayOfWeek[] | undefined {
  if (!Array.isArray(v) || v.length > 7) return undefined;
  const out = v.filter((d): d is DayOfWeek => typeof d === 'string' && (days as readonly string[]).includes(d));
  return out.length === v.length ? out : undefined;
}

/** Only allowed keys, so nothing unexpected travels further. */
function onlyKeys(o: Obj, keys: string[]): boolean {
  return Object.keys(o).every((k) => keys.includes(k));
}

export function parsePolicyInput(p: unknown): PolicyInput | undefined {
  if (!isObj(p) || !onlyKeys(p, ['name', 'schedule', 'timeZone', 'instantRestoreDays', 'retention'])) return undefined;
  const name = str(p.name);
  const timeZone = str(p.timeZone, 100, 1);
  const instantRestoreDays = typedInt(p.instantRestoreDays);
  const s = p.schedule;
  const r = p.retention;
  if (name === undefined || timeZone === undefined || instantRestoreDays === undefined || !isObj(s) || !isObj(r)) return undefined;
  if (!onlyKeys(s, ['frequency', 'time', 'days']) || (s.frequency !== 'Daily' && s.frequency !== 'Weekly')) return undefined;
  const time = str(s.time);
  const scheduleDays = s.days === undefined ? undefined : dayList(s.days);
  if (time === undefined || (s.days !== undefined && scheduleDays === undefined)) return undefined;
  if (!onlyKeys(r, ['dailyDays', 'weeklyWeeks', 'weeklyDays', 'monthlyMonths', 'yearlyYears'])) return undefined;
  const daily = optionalInt(r, 'dailyDays');
  const weekly = optionalInt(r, 'weeklyWeeks');
  const monthly = optionalInt(r, 'monthlyMonths');
  const yearly = optionalInt(r, 'yearlyYears');
  const weeklyDays = r.weeklyDays === undefined ? undefined : dayList(r.weeklyDays);
  if (!daily.ok || !weekly.ok || !monthly.ok || !yearly.ok || (r.weeklyDays !== undefined && weeklyDays === undefined)) return undefined;
  return {
    name, timeZone, instantRestoreDays,
    schedule: { frequency: s.frequency, time, ...(scheduleDays ? { days: scheduleDays } : {}) },
    retention: {
      ...(daily.value !== undefined ? { dailyDays: daily.value } : {}),
      ...(weekly.value !== undefined ? { weeklyWeeks: weekly.value } : {}),
      ...(weeklyDays ? { weeklyDays } : {}),
      ...(monthly.value !== undefined ? { monthlyMonths: monthly.value } : {}),
      ...(yearly.value !== undefined ? { yearlyYears: yearly.value } : {}),
    },
  };
}

/** The submit payload of a form of `kind`, or undefined when anything is off. */
export function parseSubmit<K extends FormKind>(kind: K, p: unknown): FormSubmitMap[K] | undefined {
  return parseSubmitAny(kind, p) as FormSubmitMap[K] | undefined;
}

function parseSubmitAny(kind: FormKind, p: unknown): FormSubmitMap[FormKind] | undefined {
  if (!isObj(p)) return undefined;
  switch (kind) {
    case 'createVault': {
      const subscriptionId = str(p.subscriptionId, 64, 1);
      const name = str(p.name);
      const resourceGroup = str(p.resourceGroup);
      const location = str(p.location, 64, 1);
      if (!onlyKeys(p, ['subscriptionId', 'name', 'resourceGroup', 'newResourceGroup', 'location']) || typeof p.newResourceGroup !== 'boolean'
        || subscriptionId === undefined || name === undefined || resourceGroup === undefined || location === undefined) return undefined;
      return { subscriptionId, name, resourceGroup, location, newResourceGroup: p.newResourceGroup };
    }
    case 'storage': {
      if (!onlyKeys(p, ['redundancy', 'crossRegionRestore']) || typeof p.crossRegionRestore !== 'boolean'
        || typeof p.redundancy !== 'string' || !(redundancies as readonly string[]).includes(p.redundancy)) return undefined;
      return { redundancy: p.redundancy as StorageRedundancy, crossRegionRestore: p.crossRegionRestore };
    }
    case 'enableBackupVm': {
      const vaultId = str(p.vaultId, maxId);
      const newVaultName = str(p.newVaultName);
      const policyName = str(p.policyName, 150, 1);
      if (!onlyKeys(p, ['vaultId', 'newVaultName', 'policyName']) || vaultId === undefined || newVaultName === undefined || policyName === undefined) return undefined;
      return { vaultId, newVaultName, policyName };
    }
    case 'enableBackupVault': {
      const policyName = str(p.policyName, 150, 1);
      if (!onlyKeys(p, ['policyName', 'vmIds']) || policyName === undefined || !Array.isArray(p.vmIds) || p.vmIds.length === 0 || p.vmIds.length > 1000) return undefined;
      const vmIds = p.vmIds.filter((v): v is string => str(v, maxId, 1) !== undefined);
      return vmIds.length === p.vmIds.length ? { policyName, vmIds } : undefined;
    }
    case 'backupNow': {
      const retainUntil = str(p.retainUntil);
      return onlyKeys(p, ['retainUntil']) && retainUntil !== undefined ? { retainUntil } : undefined;
    }
    case 'policy':
      return parsePolicyInput(p);
  }
}

function parseQuery(m: Obj): FormQuery | undefined {
  switch (m.query) {
    case 'checkVaultName': {
      const subscriptionId = str(m.subscriptionId, 64, 1);
      const resourceGroup = str(m.resourceGroup, 90);
      const location = str(m.location, 64);
      const name = str(m.name, 50, 1);
      return subscriptionId !== undefined && resourceGroup !== undefined && location !== undefined && name !== undefined
        ? { query: 'checkVaultName', subscriptionId, resourceGroup, location, name } : undefined;
    }
    case 'subscriptionChoices': {
      const subscriptionId = str(m.subscriptionId, 64, 1);
      return subscriptionId !== undefined ? { query: 'subscriptionChoices', subscriptionId } : undefined;
    }
    case 'vaultPolicies': {
      const vaultId = str(m.vaultId, maxId, 1);
      return vaultId !== undefined ? { query: 'vaultPolicies', vaultId } : undefined;
    }
    default:
      return undefined;
  }
}

/** A message from the webview of a form of `kind`, or undefined (refused) when it is not one we expect. */
export function parseWebviewMessage(kind: FormKind, raw: unknown): WebviewMessage | undefined {
  if (!isObj(raw)) return undefined;
  switch (raw.type) {
    case 'ready':
      return onlyKeys(raw, ['type']) ? { type: 'ready' } : undefined;
    case 'openJob': {
      const jobName = str(raw.jobName, 128, 1);
      return jobName !== undefined && onlyKeys(raw, ['type', 'jobName']) ? { type: 'openJob', jobName } : undefined;
    }
    case 'close':
      return onlyKeys(raw, ['type']) ? { type: 'close' } : undefined;
    case 'editPolicy': {
      const name = str(raw.name, 150, 1);
      return kind === 'policy' && name !== undefined && onlyKeys(raw, ['type', 'name']) ? { type: 'editPolicy', name } : undefined;
    }
    case 'submit': {
      const requestId = int(raw.requestId, 0, Number.MAX_SAFE_INTEGER);
      const payload = parseSubmit(kind, raw.payload);
      return requestId !== undefined && payload !== undefined && onlyKeys(raw, ['type', 'requestId', 'payload']) ? { type: 'submit', requestId, payload } : undefined;
    }
    case 'query': {
      const requestId = int(raw.requestId, 0, Number.MAX_SAFE_INTEGER);
      const query = parseQuery(raw);
      // Exactly the query's own fields: nothing unexpected is accepted, even if it would be dropped.
      return requestId !== undefined && query !== undefined && onlyKeys(raw, ['type', 'requestId', ...Object.keys(query)]) ? { type: 'query', requestId, ...query } : undefined;
    }
    default:
      return undefined;
  }
}

/** A short, safe description of a refused message for the log: its type (clipped) and size, never its content. */
export function describeMessage(raw: unknown): string {
  const type = isObj(raw) && typeof raw.type === 'string' ? JSON.stringify(raw.type.slice(0, 32)) : Array.isArray(raw) ? 'array' : typeof raw;
  let size = 0;
  try {
    size = JSON.stringify(raw)?.length ?? 0;
  } catch {
    size = -1;
  }
  return `type=${type} size=${size}`;
}
