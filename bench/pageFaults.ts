// Page faults: what first touching fresh memory costs. A tree load allocates tens of MB (answers' text, parsed
// JSON, mapped entries) that the collector hands back to the OS afterwards, so every load touches fresh pages
// again. On bare metal a minor fault costs well under a microsecond; in a virtual machine whose memory the host
// backs lazily it can cost 10-50x more, and then it is a visible share of the wall time. The benchmark counts the
// faults of each load and measures this machine's cost per fault, so a run says how much of its time that is.
import { performance } from 'node:perf_hooks';
import { median, round } from './requestStats';

const PAGE = 4096;
const MB = 1024 * 1024;

/** Minor page faults of the whole process so far (all threads: the main thread, GC helpers, libuv's pool). */
export function minorPageFaults(): number {
  return process.resourceUsage().minorPageFault;
}

/**
 * Microseconds per minor page fault on this machine: touches one byte per page of a fresh 32 MB buffer (large
 * enough that the allocator maps new memory for it), three times, and takes the median.
 */
export function pageFaultCostUs(): number | null {
  const samples: number[] = [];
  for (let run = 0; run < 3; run++) {
    const faults = minorPageFaults();
    const started = performance.now();
    const fresh = Buffer.allocUnsafeSlow(32 * MB);
    for (let at = 0; at < fresh.length; at += PAGE) fresh[at] = 1;
    const ms = performance.now() - started;
    const taken = minorPageFaults() - faults;
    // Fewer faults than a quarter of the pages means the memory was not fresh (or huge pages): no measure.
    if (taken > fresh.length / PAGE / 4) samples.push((ms * 1000) / taken);
  }
  return samples.length ? round(median(samples)) : null;
}
