// Client-side cost of one load: wall time, peak heap (sampled), heap retained by the result, and the longest
// event-loop block. The result is summarised and then dropped here, so no caller can keep it alive by accident.
import { monitorEventLoopDelay, performance, PerformanceObserver } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import { countConnections } from './connections';
import { idleLoopDelay, mainThreadTimes, watchGaps, type LongestGap } from './loopWatch';
import { minorPageFaults } from './pageFaults';

export interface LoadMetrics<S> {
  summary: S;
  wallMs: number;
  /** Client CPU (user + system) during the load: unlike wall time and event-loop delay, not inflated by other busy processes. */
  cpuMs: number;
  /** Linux: the main thread's time on a CPU during the load, and its time runnable but waiting for a core. */
  mainThread: { onCpuMs: number; waitingForCpuMs: number } | null;
  /** TLS connections the client opened during the load. */
  connectionsOpened: number;
  /** Minor page faults of the client process during the load (all its threads; see pageFaults.ts). */
  pageFaults: number;
  heap: { baselineMB: number; peakMB: number; peakAboveBaselineMB: number; retainedMB: number };
  /**
   * maxDelayMs is the delay monitor's (the measure). maxGcPauseMs tells how much of it garbage collection
   * can explain; longestGap splits the longest gap between 5 ms timer ticks into our thread running and our thread
   * waiting for a core; idleControlMaxDelayMs is the same monitor on this process doing nothing, just before.
   */
  eventLoop: {
    maxDelayMs: number;
    p99DelayMs: number;
    maxGcPauseMs: number;
    longestGap: LongestGap;
    idleControlMaxDelayMs: number;
  };
}

const MB = 1024 * 1024;
const IDLE_CONTROL_MS = 500;

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('Run with node --expose-gc (npm run bench does).');
  // Twice: the first pass can leave objects that only become unreachable after finalizers ran.
  gc();
  gc();
}

// Cheaper than process.memoryUsage() (no RSS read), which matters at one sample every 5 ms.
const heapUsed = (): number => getHeapStatistics().used_heap_size;
const mb = (bytes: number): number => Math.round((bytes / MB) * 10) / 10;

export async function measureLoad<T, S>(load: () => Promise<T>, summarise: (result: T) => S): Promise<LoadMetrics<S>> {
  collectGarbage();
  const idleControlMaxDelayMs = await idleLoopDelay(IDLE_CONTROL_MS);
  const baseline = heapUsed();
  let peak = baseline;
  const gaps = watchGaps(() => {
    peak = Math.max(peak, heapUsed());
  });
  // 10 ms resolution: a block of 50 ms or more cannot hide between samples.
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let maxGc = 0;
  const gcWatch = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) maxGc = Math.max(maxGc, e.duration);
  });
  gcWatch.observe({ entryTypes: ['gc'] });
  const cpu = process.cpuUsage();
  const thread = mainThreadTimes();
  const connections = countConnections();
  const faults = minorPageFaults();
  const started = performance.now();
  let result: T | undefined = await load();
  const wallMs = performance.now() - started;
  const pageFaults = minorPageFaults() - faults;
  const connectionsOpened = connections.stop();
  const cpuUsed = process.cpuUsage(cpu);
  const threadAfter = mainThreadTimes();
  delay.disable();
  gcWatch.disconnect();
  const longestGap = gaps.stop();
  peak = Math.max(peak, heapUsed());
  collectGarbage();
  const retained = heapUsed() - baseline;
  const summary = summarise(result);
  result = undefined;
  collectGarbage();
  return {
    summary,
    wallMs: Math.round(wallMs),
    cpuMs: Math.round((cpuUsed.user + cpuUsed.system) / 1000),
    mainThread:
      thread && threadAfter
        ? {
            onCpuMs: Math.round(threadAfter.onCpuMs - thread.onCpuMs),
            waitingForCpuMs: Math.round(threadAfter.waitingMs - thread.waitingMs),
          }
        : null,
    connectionsOpened,
    pageFaults,
    heap: {
      baselineMB: mb(baseline),
      peakMB: mb(peak),
      peakAboveBaselineMB: mb(peak - baseline),
      retainedMB: mb(retained),
    },
    eventLoop: {
      maxDelayMs: Math.round(delay.max / 1e5) / 10,
      p99DelayMs: Math.round(delay.percentile(99) / 1e5) / 10,
      maxGcPauseMs: Math.round(maxGc * 10) / 10,
      longestGap,
      idleControlMaxDelayMs,
    },
  };
}
