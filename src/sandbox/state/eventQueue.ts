/** A binary min-heap of timed state transitions, ordered by time then insertion. */
export type EventKind = 'operation' | 'job' | 'schedule' | 'purge';

export interface TimedEvent {
  at: number;
  seq: number;
  kind: EventKind;
  vaultKey: string;
  /** Operation id, job id, or (for 'schedule' and 'purge') the item's VM key. */
  ref: string;
}

export class EventQueue {
  private heap: TimedEvent[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(at: number, kind: EventKind, vaultKey: string, ref: string): void {
    this.heap.push({ at, seq: this.seq++, kind, vaultKey, ref });
    this.up(this.heap.length - 1);
  }

  peek(): TimedEvent | undefined {
    return this.heap[0];
  }

  pop(): TimedEvent | undefined {
    const top = this.heap[0];
    const last = this.heap.pop();
    if (this.heap.length > 0 && last) {
      this.heap[0] = last;
      this.down(0);
    }
    return top;
  }

  private less(a: TimedEvent, b: TimedEvent): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private up(i: number): void {
    const h = this.heap;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }

  private down(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.less(h[l], h[m])) m = l;
      if (r < h.length && this.less(h[r], h[m])) m = r;
      if (m === i) return;
      [h[i], h[m]] = [h[m], h[i]];
      i = m;
    }
  }
}
