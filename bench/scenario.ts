// One benchmark size: a sandbox process seeded at that scale, the tree load measured, optionally the baseline
// and the first-paint probes, then the sandbox stopped whatever happens.
import { performance } from 'node:perf_hooks';
import type { PageSizes } from '../src/sandbox/index';
import type { Scale } from './args';
import { loadBaseline } from './baseline';
import { measureFirstPaint, type FirstPaint } from './firstPaint';
import { measureLoad, type LoadMetrics } from './measure';
import { analyse, round, type RequestStats } from './requestStats';
import { startSandboxProcess } from './sandboxProcess';
import { countTree, loadTree, type TreeCounts } from './treeLoad';

export interface TreeResult extends Omit<LoadMetrics<TreeCounts>, 'summary'> {
  loaded: TreeCounts;
  requests: RequestStats;
  wallOverCriticalPath: number;
}

export interface BaselineResult {
  calls: number;
  wallMs: number;
  vms: number;
  protectedVms: number;
}

export interface ScenarioResult {
  scale: Scale;
  /** Entries per page of each list, as the sandbox resolved them. */
  pageSizes: Record<string, number>;
  seedMs: number;
  tree: TreeResult;
  baseline?: BaselineResult;
  firstPaint?: FirstPaint[];
}

export interface ScenarioOptions {
  scale: Scale;
  latencyMs: number;
  concurrency: number;
  pageSizes: PageSizes;
  withBaseline: boolean;
  log: (message: string) => void;
}

export async function runScenario(o: ScenarioOptions): Promise<ScenarioResult> {
  const { scale } = o;
  const seedStarted = performance.now();
  const sandbox = await startSandboxProcess({
    seed: {
      subscriptions: scale.subscriptions,
      vaultsPerSubscription: Math.ceil(scale.vaults / scale.subscriptions),
      vmsPerSubscription: Math.ceil(scale.vms / scale.subscriptions),
      protectedItems: scale.items,
      jobs: scale.jobs,
    },
    latencyMs: o.latencyMs,
    pageSizes: o.pageSizes,
  });
  const seedMs = Math.round(performance.now() - seedStarted);
  try {
    o.log(`${scale.vms} VMs: sandbox up in ${seedMs} ms; loading the tree`);
    await sandbox.clearLog();
    const { summary, ...metrics } = await measureLoad(() => loadTree(sandbox, o.concurrency), countTree);
    const requests = analyse(await sandbox.requestLog(), o.latencyMs);
    const tree: TreeResult = {
      ...metrics, loaded: summary, requests,
      wallOverCriticalPath: requests.criticalPath.ms > 0 ? round(metrics.wallMs / requests.criticalPath.ms, 2) : 0,
    };
    o.log(`${scale.vms} VMs: tree ${requests.calls} calls in ${metrics.wallMs} ms (critical path ${requests.criticalPath.ms} ms)`);
    const pageSizes = sandbox.pageSizes;
    if (!o.withBaseline) return { scale, pageSizes, seedMs, tree };

    await sandbox.clearLog();
    o.log(`${scale.vms} VMs: baseline (one backupStatus per VM)`);
    const started = performance.now();
    const counts = await loadBaseline(sandbox, o.concurrency);
    const baseline = { calls: (await sandbox.requestLog()).length, wallMs: Math.round(performance.now() - started), ...counts };
    o.log(`${scale.vms} VMs: baseline ${baseline.calls} calls in ${baseline.wallMs} ms`);
    const firstPaint = await measureFirstPaint(sandbox, o.concurrency);
    return { scale, pageSizes, seedMs, tree, baseline, firstPaint };
  } finally {
    await sandbox.stop();
  }
}
