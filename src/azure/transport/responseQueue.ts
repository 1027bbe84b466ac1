// Keeps the extension host responsive while large lists arrive: the CPU work of a response (parsing its JSON,
// mapping its entries) runs through its session's queue (two lanes, see below) that does at most SLICE_MS of it per
// event-loop turn. Why one queue per session: a tree load has ~50 item pages in flight, and when their answers arrive
// together Node handles every ready socket in one poll phase; if each response then parsed and mapped itself
// straight away (or after its own setImmediate, which all run in the same check phase), those ~1-2 ms pieces ran
// back to back as one long block. With one queue, a turn runs whole pieces until its budget is spent and leaves the
// rest for the next turn, so timers, input and other I/O get the loop in between.
import { setImmediate as nextTurn } from 'node:timers/promises';

/** Let queued I/O and timers run before continuing. */
export function yieldToEventLoop(): Promise<void> {
  return nextTurn().then(() => undefined);
}

const SLICE_MS = 8;
const STARTS_WAITING_SLICE_MS = 2;
/** Entries mapped per queued piece: ~0.1-0.3 ms of work when warm, small enough to keep a turn near its budget. */
const PIECE = 128;

type Piece = () => void;

/** First in, first out; read from `head` so that taking a piece costs no array shift. */
class PieceQueue {
  private pieces: Piece[] = [];
  private head = 0;

  get size(): number {
    return this.pieces.length - this.head;
  }

  push(piece: Piece): void {
    this.pieces.push(piece);
  }

  take(): Piece | undefined {
    if (this.head === this.pieces.length) return undefined;
    const piece = this.pieces[this.head];
    this.pieces[this.head++] = noop; // a taken piece is not kept alive by the array
    if (this.head === this.pieces.length) {
      this.pieces = [];
      this.head = 0;
    } else if (this.head > 1024) {
      this.pieces = this.pieces.slice(this.head);
      this.head = 0;
    }
    return piece;
  }
}

function noop(): void {
  /* a piece already run */
}

/**
 * Parses waiting to start, smallest body first (equal sizes in arrival order). A load has at most a few dozen waiting,
 * so a sorted insert is all it takes.
 */
class ParseQueue {
  private readonly waiting: { size: number; piece: Piece }[] = [];

  get size(): number {
    return this.waiting.length;
  }

  push(piece: Piece, size: number): void {
    let at = this.waiting.length;
    while (at > 0 && this.waiting[at - 1].size > size) at--;
    this.waiting.splice(at, 0, { size, piece });
  }

  take(): Piece | undefined {
    return this.waiting.shift()?.piece;
  }
}

/**
 * One session's queue (sessionTransport.ts). Work that continues something already started (mapping a parsed page)
 * runs before new work (parsing the next page): a page's parsed JSON then lives for a turn or two, not until every
 * page of a burst has been parsed. Many parsed pages alive at once make each young-generation collection copy them
 * all (docs/PERFORMANCE.md). Parses go smallest first: a small answer is usually a list whose entries start the next
 * calls (a subscription's vaults, then each vault's items), so its parse is on the load's critical path, while the
 * large pages (1,000 VMs) are leaves that can wait; shortest-first also keeps the mean wait of a burst lowest.
 */
export class ResponseQueue {
  private readonly continuing = new PieceQueue();
  private readonly fresh = new ParseQueue();
  private armed = false;
  /**
   * Call starts waiting for the start gate (startGate.ts). A start is latency-critical (the sooner it leaves, the
   * sooner its answer comes), so while any wait a turn spends at most STARTS_WAITING_SLICE_MS on queued pieces.
   */
  private startsWaiting = 0;

  /** A start begins to wait for the gate; call the result when it stops waiting. */
  startWaiting(): () => void {
    this.startsWaiting++;
    let done = false;
    return () => {
      if (!done) this.startsWaiting--;
      done = true;
    };
  }

  /**
   * Runs `work` (synchronous, ~1-2 ms at most) in a later turn, within the queue's per-turn budget. `size` orders
   * waiting work smallest first (a body's byte length for a parse).
   */
  inSlice<R>(work: () => R, size = 0): Promise<R> {
    return this.enqueue((piece) => this.fresh.push(piece, size), work);
  }

  /** map + filter of a large array (e.g. a page just parsed), PIECE entries at a time, ahead of new work. */
  async mapInSlices<T, R>(items: readonly T[], map: (item: T) => R | undefined): Promise<R[]> {
    const out: R[] = [];
    const mapRange = (from: number, to: number): void => {
      for (let i = from; i < to; i++) {
        const r = map(items[i]);
        if (r !== undefined) out.push(r);
      }
    };
    // All pieces of the array are queued at once, in order: the queue is first in, first out, so `out` keeps the
    // input order, and the array waits one turn per budget spent rather than one turn per piece.
    const pieces: Promise<void>[] = [];
    for (let from = 0; from < items.length; from += PIECE) {
      const to = Math.min(items.length, from + PIECE);
      pieces.push(
        this.enqueue(
          (piece) => this.continuing.push(piece),
          () => mapRange(from, to),
        ),
      );
    }
    await Promise.all(pieces);
    return out;
  }

  private readonly drain = (): void => {
    this.armed = false;
    const started = performance.now();
    const budget = this.startsWaiting > 0 ? STARTS_WAITING_SLICE_MS : SLICE_MS;
    const next = (): Piece | undefined => this.continuing.take() ?? this.fresh.take();
    for (let piece = next(); piece; piece = next()) {
      piece();
      if (performance.now() - started >= budget) break;
    }
    if (this.continuing.size + this.fresh.size > 0) this.arm();
  };

  private arm(): void {
    if (this.armed) return;
    this.armed = true;
    setImmediate(this.drain);
  }

  private enqueue<R>(push: (piece: Piece) => void, work: () => R): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      push(() => {
        try {
          resolve(work());
        } catch (e) {
          reject(e);
        }
      });
      this.arm();
    });
  }
}
