// Command-line flags of `npm run bench` (see README, Performance).
import { DEFAULT_CONCURRENCY } from '../src/azure/index';
import type { PageSizes } from '../src/sandbox/index';

export interface Scale {
  subscriptions: number;
  vms: number;
  vaults: number;
  items: number;
  jobs: number;
}

export interface BenchOptions {
  scale: Scale;
  latencyMs: number;
  concurrency: number;
  /** Page sizes given on the command line; the sandbox's per-list defaults for the rest (the result reports them). */
  pageSizes: PageSizes;
  /** Also load the tree at these VM counts, everything else scaled in proportion. */
  scalingVms: number[];
  /** Tree loads at the main size: the first (cold) is `tree`, the rest are reported as `warm` with medians. */
  loads: number;
  /** Skip the sandbox warm-up (as runs before it did), for comparisons with them. */
  coldSandbox: boolean;
  small: boolean;
}

const USAGE =
  'Usage: npm run bench -- [--vms N] [--vaults N] [--subscriptions N] [--items N] [--jobs N] [--latency MS] [--concurrency N] [--page-size N] [--arm-page-size N] [--backup-page-size N] [--loads N] [--cold-sandbox] [--scaling] [--small]';

export function parseArgs(argv: string[]): BenchOptions {
  const values = new Map<string, number>();
  let scaling = false;
  let small = false;
  let coldSandbox = false;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--scaling') scaling = true;
    else if (flag === '--small') small = true;
    else if (flag === '--cold-sandbox') coldSandbox = true;
    else if (flag === '--help') throw new Error(USAGE);
    else if (
      [
        '--vms',
        '--vaults',
        '--subscriptions',
        '--items',
        '--jobs',
        '--latency',
        '--concurrency',
        '--page-size',
        '--arm-page-size',
        '--backup-page-size',
        '--loads',
      ].includes(flag)
    ) {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 0) throw new Error(`${flag} needs a whole number\n${USAGE}`);
      values.set(flag.slice(2), n);
    } else throw new Error(`Unknown option '${flag}'\n${USAGE}`);
  }
  const vms = values.get('vms') ?? (small ? 500 : 5000);
  const scale: Scale = {
    subscriptions: Math.max(1, values.get('subscriptions') ?? 5),
    vms,
    vaults: values.get('vaults') ?? (small ? 5 : 50),
    items: values.get('items') ?? Math.floor(vms / 2),
    jobs: values.get('jobs') ?? (small ? 2000 : 20_000),
  };
  return {
    scale,
    latencyMs: values.get('latency') ?? (small ? 5 : 50),
    concurrency: Math.max(1, values.get('concurrency') ?? DEFAULT_CONCURRENCY),
    pageSizes: pageSizesFrom(values),
    scalingVms: scaling && !small ? [500, 5000, 20_000] : [],
    loads: Math.max(1, values.get('loads') ?? 3),
    coldSandbox,
    small,
  };
}

/** The same shape at another VM count: vaults, items and jobs in proportion (at least one vault per subscription). */
export function scaledTo(base: Scale, vms: number): Scale {
  const f = vms / base.vms;
  return {
    subscriptions: base.subscriptions,
    vms,
    vaults: Math.max(base.subscriptions, Math.round(base.vaults * f)),
    items: Math.round(base.items * f),
    jobs: Math.round(base.jobs * f),
  };
}

/** --page-size: every list; --arm-page-size: subscriptions, resource groups, VMs, vaults; --backup-page-size: the backup RP's lists. */
function pageSizesFrom(values: ReadonlyMap<string, number>): PageSizes {
  const sizes: PageSizes = {};
  const all = values.get('page-size');
  if (all !== undefined) sizes.default = Math.max(1, all);
  const arm = values.get('arm-page-size');
  if (arm !== undefined)
    Object.assign(sizes, { subscriptions: arm, resourceGroups: arm, virtualMachines: arm, vaults: arm });
  const backup = values.get('backup-page-size');
  if (backup !== undefined) {
    Object.assign(sizes, {
      backupProtectedItems: backup,
      backupJobs: backup,
      backupProtectableItems: backup,
      backupProtectionContainers: backup,
      backupPolicies: backup,
      recoveryPoints: backup,
    });
  }
  return sizes;
}
