// One benchmark size: a sandbox process seeded at that scale, the tree load measured, optionally the baseline
// and the first-paint probes, then the sandbox stopped whatever happens.
import { performance } from 'node:perf_hooks';
import type { PageSizes, ScaleSpec } from '../src/sandbox/index';
import type { Scale } from './args';
import { loadBaseline } from './baseline';
import { measureFirstPaint, type FirstPaint } from './firstPaint';
import { waitOutGraphQuota } from './graphQuota';
import { measureLoad, type LoadMetrics } from './measure';
import { analyse, median, round, type RequestStats } from './requestStats';
import { startSandboxProcess, type SandboxProcess } from './sandboxProcess';
import { measureTransportFloor, type TransportFloor } from './transport';
import { warmUpSandbox } from './warmUp';
import { countTree, loadTree, type TreeCounts } from './treeLoad';

export interface TreeResult extends Omit<LoadMetrics<TreeCounts>, 'summary'> {
  loaded: TreeCounts;
  requests: RequestStats;
  wallOverCriticalPath: number;
  /** CPU the sandbox process used meanwhile: it runs on the same cores as the client. */
  sandboxCpuMs: number;
}

/** Later loads of the same tree in the same process (JIT warm, fresh sessions and connections): each, and medians. */
export interface WarmLoads {
  loads: WarmLoad[];
  median: WarmLoad;
}

export interface WarmLoad {
  wallMs: number;
  cpuMs: number;
  wallOverCriticalPath: number;
  maxDelayMs: number;
  maxGcPauseMs: number;
  sandboxCpuMs: number;
  connectionsOpened: number;
  pageFaults: number;
  mainThreadOnCpuMs: number | null;
  mainThreadWaitingForCpuMs: number | null;
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
  warm?: WarmLoads;
  baseline?: BaselineResult;
  firstPaint?: FirstPaint[];
  /** The measured load's answers received with nothing else to do (transport.ts). */
  transport?: TransportFloor;
}

export interface ScenarioOptions {
  scale: Scale;
  latencyMs: number;
  concurrency: number;
  pageSizes: PageSizes;
  withBaseline: boolean;
  /** Tree loads in all (the first is the measured cold one); the others are reported under `warm`. */
  loads?: number;
  /** No warm-up of the sandbox before the first load. */
  coldSandbox?: boolean;
  log: (message: string) => void;
}

/** The sandbox's scale seed for an estate: its vaults and VMs spread evenly over the subscriptions. */
export function seedOf(scale: Omit<Scale, 'jobs'> & { jobs?: number }): ScaleSpec {
  return {
    subscriptions: scale.subscriptions,
    vaultsPerSubscription: Math.ceil(scale.vaults / scale.subscriptions),
    vmsPerSubscription: Math.ceil(scale.vms / scale.subscriptions),
    protectedItems: scale.items,
    jobs: scale.jobs ?? 0,
  };
}

export async function runScenario(o: ScenarioOptions): Promise<ScenarioResult> {
  const { scale } = o;
  const seedStarted = performance.now();
  const sandbox = await startSandboxProcess({
    seed: seedOf(scale),
    latencyMs: o.latencyMs,
    pageSizes: o.pageSizes,
  });
  const seedMs = Math.round(performance.now() - seedStarted);
  try {
    // The sandbox stands in for a service that is always warm: a throwaway client process loads the tree once
    // first, so the measured (cold) client does not also wait for the sandbox compiling its routes on the same cores.
    if (!o.coldSandbox) await warmUpSandbox(sandbox, o.concurrency);
    o.log(
      `${scale.vms} VMs: sandbox up in ${seedMs} ms${o.coldSandbox ? ' (cold)' : ' and warmed up'}; loading the tree`,
    );
    const tree = await measureTree(sandbox, o);
    // Read before the next load clears the log: the sizes of the answers this load received.
    const answerSizes = (await sandbox.requestLog()).map((e) => e.responseBytes ?? 0);
    o.log(
      `${scale.vms} VMs: tree ${tree.requests.calls} calls in ${tree.wallMs} ms (critical path ${tree.requests.criticalPath.ms} ms)`,
    );
    const warm = await warmLoads(sandbox, o);
    const pageSizes = sandbox.pageSizes;
    if (!o.withBaseline) return { scale, pageSizes, seedMs, tree, ...(warm ? { warm } : {}) };

    await sandbox.clearLog();
    o.log(`${scale.vms} VMs: baseline (one backupStatus per VM)`);
    const started = performance.now();
    const counts = await loadBaseline(sandbox, o.concurrency);
    const baseline = {
      calls: (await sandbox.requestLog()).length,
      wallMs: Math.round(performance.now() - started),
      ...counts,
    };
    o.log(`${scale.vms} VMs: baseline ${baseline.calls} calls in ${baseline.wallMs} ms`);
    const firstPaint = await measureFirstPaint(sandbox, o.concurrency);
    o.log(`${scale.vms} VMs: transport floor (the load's ${answerSizes.length} answers, nothing else)`);
    const transport = await measureTransportFloor(answerSizes);
    return { scale, pageSizes, seedMs, tree, ...(warm ? { warm } : {}), baseline, firstPaint, transport };
  } finally {
    await sandbox.stop();
  }
}

async function measureTree(sandbox: SandboxProcess, o: ScenarioOptions): Promise<TreeResult> {
  // The warm-up and two loads spend Resource Graph's 15 queries per window at the default size.
  await waitOutGraphQuota();
  await sandbox.clearLog();
  const sandboxCpu = await sandbox.cpuMs();
  const { summary, ...metrics } = await measureLoad(() => loadTree(sandbox, o.concurrency), countTree);
  const sandboxCpuMs = Math.round((await sandbox.cpuMs()) - sandboxCpu);
  const requests = analyse(await sandbox.requestLog(), o.latencyMs);
  return {
    ...metrics,
    loaded: summary,
    requests,
    sandboxCpuMs,
    wallOverCriticalPath: requests.criticalPath.ms > 0 ? round(metrics.wallMs / requests.criticalPath.ms, 2) : 0,
  };
}

async function warmLoads(sandbox: SandboxProcess, o: ScenarioOptions): Promise<WarmLoads | undefined> {
  const loads: WarmLoad[] = [];
  for (let i = 1; i < (o.loads ?? 1); i++) {
    const t = await measureTree(sandbox, o);
    loads.push({
      wallMs: t.wallMs,
      cpuMs: t.cpuMs,
      wallOverCriticalPath: t.wallOverCriticalPath,
      maxDelayMs: t.eventLoop.maxDelayMs,
      maxGcPauseMs: t.eventLoop.maxGcPauseMs,
      sandboxCpuMs: t.sandboxCpuMs,
      connectionsOpened: t.connectionsOpened,
      pageFaults: t.pageFaults,
      mainThreadOnCpuMs: t.mainThread?.onCpuMs ?? null,
      mainThreadWaitingForCpuMs: t.mainThread?.waitingForCpuMs ?? null,
    });
  }
  if (loads.length === 0) return undefined;
  o.log(`${o.scale.vms} VMs: ${loads.length} warm loads, median ${median(loads.map((l) => l.wallMs))} ms`);
  const med = (pick: (l: WarmLoad) => number | null): number | null => {
    const values = loads.map(pick).filter((v): v is number => v !== null);
    return values.length ? median(values) : null;
  };
  return {
    loads,
    median: {
      wallMs: med((l) => l.wallMs) ?? 0,
      cpuMs: med((l) => l.cpuMs) ?? 0,
      wallOverCriticalPath: med((l) => l.wallOverCriticalPath) ?? 0,
      maxDelayMs: med((l) => l.maxDelayMs) ?? 0,
      maxGcPauseMs: med((l) => l.maxGcPauseMs) ?? 0,
      sandboxCpuMs: med((l) => l.sandboxCpuMs) ?? 0,
      connectionsOpened: med((l) => l.connectionsOpened) ?? 0,
      pageFaults: med((l) => l.pageFaults) ?? 0,
      mainThreadOnCpuMs: med((l) => l.mainThreadOnCpuMs),
      mainThreadWaitingForCpuMs: med((l) => l.mainThreadWaitingForCpuMs),
    },
  };
}
