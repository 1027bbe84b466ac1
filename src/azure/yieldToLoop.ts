// Keeps the extension host responsive while large lists are mapped: no synchronous block over a few ms.
import { setImmediate as nextTurn } from 'node:timers/promises';

/** Let queued I/O and timers run before continuing. */
export function yieldToEventLoop(): Promise<void> {
  return nextTurn().then(() => undefined);
}

const SLICE_MS = 8;

/** map + filter of a large array in time slices, yielding between slices. */
export async function mapInSlices<T, R>(items: readonly T[], map: (item: T) => R | undefined): Promise<R[]> {
  const out: R[] = [];
  let sliceStart = performance.now();
  for (let i = 0; i < items.length; i++) {
    const r = map(items[i]);
    if (r !== undefined) out.push(r);
    if ((i & 63) === 63 && performance.now() - sliceStart > SLICE_MS) {
      await yieldToEventLoop();
      sliceStart = performance.now();
    }
  }
  return out;
}
