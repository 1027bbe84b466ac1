// What an event-loop delay is made of. The delay monitor measures wall time, so on a busy machine it also counts
// the time our thread was ready to run but waited for a core held by other processes (the sandbox, other work).
// Linux keeps both per thread (/proc/self/task/<tid>/schedstat: ns on a CPU, ns waiting on a run queue), which
// splits each long gap between timer ticks into "our code ran" and "we waited". Elsewhere those parts are null.
import * as fs from 'node:fs';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

export interface ThreadTimes {
  onCpuMs: number;
  waitingMs: number;
}

/** The main thread's scheduler times so far (process.pid is the main thread's id on Linux); null elsewhere. */
export function mainThreadTimes(): ThreadTimes | null {
  try {
    const [onCpu, waiting] = fs.readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ').map(Number);
    return Number.isFinite(onCpu) && Number.isFinite(waiting)
      ? { onCpuMs: onCpu / 1e6, waitingMs: waiting / 1e6 }
      : null;
  } catch {
    return null;
  }
}

export interface LongestGap {
  /** Longest time between two ticks of a 5 ms timer (what the delay monitor sees, at finer grain). */
  ms: number;
  /** Of that gap: time our main thread spent running, and time it was runnable but waiting for a core. */
  onCpuMs: number | null;
  waitingMs: number | null;
  /**
   * The most CPU our main thread used between two ticks, in whichever gap: an upper bound of our own longest
   * synchronous block, whatever the machine's load added to the wall time around it.
   */
  maxOnCpuBetweenTicksMs: number | null;
}

const TICK_MS = 5;
const round1 = (n: number): number => Math.round(n * 10) / 10;

/** Watches the gaps between timer ticks until stop(); `onTick` runs on every tick (e.g. heap sampling). */
export function watchGaps(onTick: () => void): { stop(): LongestGap } {
  let last = performance.now();
  let lastTimes = mainThreadTimes();
  let longest: LongestGap = { ms: 0, onCpuMs: null, waitingMs: null, maxOnCpuBetweenTicksMs: null };
  let maxOnCpu: number | null = null;
  const timer = setInterval(() => {
    const now = performance.now();
    const times = mainThreadTimes();
    if (times && lastTimes) maxOnCpu = Math.max(maxOnCpu ?? 0, times.onCpuMs - lastTimes.onCpuMs);
    if (now - last > longest.ms) {
      longest = {
        ms: now - last,
        onCpuMs: times && lastTimes ? times.onCpuMs - lastTimes.onCpuMs : null,
        waitingMs: times && lastTimes ? times.waitingMs - lastTimes.waitingMs : null,
        maxOnCpuBetweenTicksMs: null,
      };
    }
    last = now;
    lastTimes = times;
    onTick();
  }, TICK_MS);
  return {
    stop: () => {
      clearInterval(timer);
      const r = (n: number | null): number | null => (n === null ? null : round1(n));
      return {
        ms: round1(longest.ms),
        onCpuMs: r(longest.onCpuMs),
        waitingMs: r(longest.waitingMs),
        maxOnCpuBetweenTicksMs: r(maxOnCpu),
      };
    },
  };
}

/**
 * The control: the largest event-loop delay of this process while it does nothing for `ms`, measured just before
 * the load with the same monitor. What the machine alone does to a timer's wake-up at that moment.
 */
export async function idleLoopDelay(ms: number): Promise<number> {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  await new Promise((resolve) => setTimeout(resolve, ms));
  delay.disable();
  return Math.round(delay.max / 1e5) / 10;
}
