// The same tree load at several sizes, to show that cost follows pages, not VMs.
import type { PageSizes } from '../src/sandbox/index';
import { scaledTo, type Scale } from './args';
import { round } from './requestStats';
import { runScenario, type ScenarioResult } from './scenario';

export interface ScalingRow {
  vms: number;
  vaults: number;
  items: number;
  jobs: number;
  calls: number;
  distinctPages: number;
  callsPer1000Vms: number;
  wallMs: number;
  cpuMs: number;
  criticalPathMs: number;
  wallOverCriticalPath: number;
  heapRetainedMB: number;
  maxEventLoopDelayMs: number;
  /** The most CPU the main thread used between two 5 ms ticks: an upper bound of its longest synchronous block. */
  maxOnCpuBetweenTicksMs: number | null;
  sandboxCpuMs: number;
  mainThreadWaitingForCpuMs: number | null;
}

export function toRow(r: ScenarioResult): ScalingRow {
  const { tree, scale } = r;
  return {
    vms: tree.loaded.vms,
    vaults: tree.loaded.vaults,
    items: tree.loaded.backupItems,
    jobs: scale.jobs,
    calls: tree.requests.calls,
    distinctPages: tree.requests.distinctPages,
    callsPer1000Vms: round((tree.requests.calls / Math.max(1, tree.loaded.vms)) * 1000),
    wallMs: tree.wallMs,
    cpuMs: tree.cpuMs,
    criticalPathMs: tree.requests.criticalPath.ms,
    wallOverCriticalPath: tree.wallOverCriticalPath,
    heapRetainedMB: tree.heap.retainedMB,
    maxEventLoopDelayMs: tree.eventLoop.maxDelayMs,
    maxOnCpuBetweenTicksMs: tree.eventLoop.longestGap.maxOnCpuBetweenTicksMs,
    sandboxCpuMs: tree.sandboxCpuMs,
    mainThreadWaitingForCpuMs: tree.mainThread?.waitingForCpuMs ?? null,
  };
}

export interface ScalingOptions {
  latencyMs: number;
  concurrency: number;
  pageSizes: PageSizes;
  coldSandbox?: boolean;
  log: (m: string) => void;
}

export async function runScaling(base: Scale, vmCounts: readonly number[], o: ScalingOptions): Promise<ScalingRow[]> {
  const rows: ScalingRow[] = [];
  for (const vms of vmCounts) {
    rows.push(toRow(await runScenario({ ...o, scale: scaledTo(base, vms), withBaseline: false })));
  }
  return rows;
}
