// The coverage page's data at enterprise scale, Resource Graph against the per-vault join, side by side on one
// sandbox process (Azure's Resource Graph quota of 15 queries per 5 s enforced, every call delayed by the latency):
// calls, wall time, time to the totals (summarize) and to the first rows, heap retained by the result and the
// longest event-loop block, each measured by measureLoad as the tree load is.
import { performance } from 'node:perf_hooks';
import { createSandboxProvider } from '../src/auth/index';
import { createBackupService, type BackupService } from '../src/azure/index';
import { loadCoverage } from '../src/coverage/loadCoverage';
import { loadGraphCoverage } from '../src/coverage/loadGraphCoverage';
import type { CoverageSnapshot } from '../src/coverage/protocol';
import { waitOutGraphQuota } from './graphQuota';
import { measureLoad } from './measure';
import { round } from './requestStats';
import { startSandboxProcess, type SandboxProcess } from './sandboxProcess';
import { seedOf } from './scenario';

export interface CoverageScale {
  subscriptions: number;
  vaults: number;
  vms: number;
  items: number;
}

/** The estate, and a small one that keeps CI quick. */
export const COVERAGE_SCALE: CoverageScale = { subscriptions: 100, vaults: 500, vms: 50_000, items: 25_000 };
export const SMALL_COVERAGE_SCALE: CoverageScale = { subscriptions: 10, vaults: 20, vms: 2000, items: 1000 };

interface Summary {
  rows: number;
  protectedRows: number;
  vaults: number;
}

const summarise = (data: Omit<CoverageSnapshot, 'signedIn'>): Summary => ({
  rows: data.rows.length,
  protectedRows: data.totals.all.protected,
  vaults: data.vaults.length,
});

async function sourceFor(sandbox: SandboxProcess, concurrency: number) {
  const contexts = await createSandboxProvider(sandbox).listSubscriptions();
  // One service per tenant, as AccountSession.service() does.
  const services = new Map<string, BackupService>();
  return {
    subscriptions: contexts.map((c) => ({
      subscriptionId: c.subscription.subscriptionId,
      displayName: c.subscription.displayName,
    })),
    serviceFor: (id: string): Promise<BackupService> => {
      const context = contexts.find((c) => c.subscription.subscriptionId === id);
      if (!context) throw new Error(`no subscription ${id}`);
      const key = context.session.tenantId ?? '';
      let service = services.get(key);
      if (!service) services.set(key, (service = createBackupService(context.session, { concurrency })));
      return Promise.resolve(service);
    },
    summarize: (p: { name: string }) => p.name,
    now: Date.now(),
  };
}

async function measureSource(
  sandbox: SandboxProcess,
  load: (started: number) => Promise<Omit<CoverageSnapshot, 'signedIn' | 'focusSubscriptionId'>>,
) {
  await sandbox.clearLog();
  const { summary, ...metrics } = await measureLoad(() => load(performance.now()), summarise);
  const calls = (await sandbox.requestLog()).length;
  return {
    calls,
    wallMs: metrics.wallMs,
    heapRetainedMB: metrics.heap.retainedMB,
    heapPeakAboveBaselineMB: metrics.heap.peakAboveBaselineMB,
    maxEventLoopDelayMs: metrics.eventLoop.maxDelayMs,
    // How much of that delay was the collector, and our thread running vs waiting for a core (measure.ts).
    maxGcPauseMs: metrics.eventLoop.maxGcPauseMs,
    longestGap: metrics.eventLoop.longestGap,
    cpuMs: metrics.cpuMs,
    loaded: summary,
  };
}

export async function runCoverageBench(
  scale: CoverageScale,
  latencyMs: number,
  concurrency: number,
  log: (message: string) => void,
) {
  const seedStarted = performance.now();
  const sandbox = await startSandboxProcess({
    seed: seedOf(scale),
    latencyMs,
    // Azure's quota (the sandbox's default), enforced on real time.
    speed: 1,
  });
  const seedMs = Math.round(performance.now() - seedStarted);
  try {
    log(`coverage: ${scale.vms} VMs in ${scale.subscriptions} subscriptions seeded in ${seedMs} ms; Resource Graph`);
    let totalsMs: number | undefined;
    let firstRowsMs: number | undefined;
    const graph = await measureSource(sandbox, async (started) =>
      loadGraphCoverage({
        ...(await sourceFor(sandbox, concurrency)),
        onCounts: () => (totalsMs ??= Math.round(performance.now() - started)),
        onRows: () => (firstRowsMs ??= Math.round(performance.now() - started)),
      }),
    );
    log(`coverage: Resource Graph ${graph.calls} calls in ${graph.wallMs} ms; the per-vault join`);
    // The same wait as Resource Graph's window before the join, so neither run starts with the other's quota spent.
    await waitOutGraphQuota();
    const join = await measureSource(sandbox, async () => loadCoverage(await sourceFor(sandbox, concurrency)));
    log(`coverage: join ${join.calls} calls in ${join.wallMs} ms`);
    return {
      scale,
      latencyMs,
      seedMs,
      resourceGraph: { ...graph, timeToTotalsMs: totalsMs ?? null, timeToFirstRowsMs: firstRowsMs ?? null },
      join,
      ratios: {
        callsGraphOverJoin: round(graph.calls / Math.max(1, join.calls), 3),
        wallGraphOverJoin: round(graph.wallMs / Math.max(1, join.wallMs), 3),
      },
      sameRows: graph.loaded.rows === join.loaded.rows && graph.loaded.protectedRows === join.loaded.protectedRows,
    };
  } finally {
    await sandbox.stop();
  }
}
