// Client-side cost of one load: wall time, peak heap (sampled), heap retained by the result, and the longest
// event-loop block. The result is summarised and then dropped here, so no caller can keep it alive by accident.
import { monitorEventLoopDelay, performance, PerformanceObserver } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';

export interface LoadMetrics<S> {
  summary: S;
  wallMs: number;
  /** Client CPU (user + system) during the load: unlike wall time and event-loop delay, not inflated by other busy processes. */
  cpuMs: number;
  heap: { baselineMB: number; peakMB: number; peakAboveBaselineMB: number; retainedMB: number };
  /** maxGcPauseMs tells how much of the worst delay garbage collection can explain. */
  eventLoop: { maxDelayMs: number; p99DelayMs: number; maxGcPauseMs: number };
}

const MB = 1024 * 1024;
const SAMPLE_EVERY_MS = 10;

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('Run with node --expose-gc (npm run bench does).');
  // Twice: the first pass can leave objects that only become unreachable after finalizers ran.
  gc();
  gc();
}

// Cheaper than process.memoryUsage() (no RSS read), which matters at one sample every 10 ms.
const heapUsed = (): number => getHeapStatistics().used_heap_size;
const mb = (bytes: number): number => Math.round((bytes / MB) * 10) / 10;

export async function measureLoad<T, S>(load: () => Promise<T>, summarise: (result: T) => S): Promise<LoadMetrics<S>> {
  collectGarbage();
  const baseline = heapUsed();
  let peak = baseline;
  const sampler = setInterval(() => { peak = Math.max(peak, heapUsed()); }, SAMPLE_EVERY_MS);
  // 10 ms resolution: a block of 50 ms or more cannot hide between samples.
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let maxGc = 0;
  const gcWatch = new PerformanceObserver((list) => { for (const e of list.getEntries()) maxGc = Math.max(maxGc, e.duration); });
  gcWatch.observe({ entryTypes: ['gc'] });
  const cpu = process.cpuUsage();
  const started = performance.now();
  let result: T | undefined = await load();
  const wallMs = performance.now() - started;
  const cpuUsed = process.cpuUsage(cpu);
  delay.disable();
  gcWatch.disconnect();
  clearInterval(sampler);
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
    heap: { baselineMB: mb(baseline), peakMB: mb(peak), peakAboveBaselineMB: mb(peak - baseline), retainedMB: mb(retained) },
    eventLoop: { maxDelayMs: Math.round(delay.max / 1e5) / 10, p99DelayMs: Math.round(delay.percentile(99) / 1e5) / 10, maxGcPauseMs: Math.round(maxGc * 10) / 10 },
  };
}
