// Keeps the extension host responsive while large lists arrive: the CPU work of a response (parsing its JSON,
// mapping its entries) runs through one shared queue (two lanes, see below) that does at most SLICE_MS of it per
// event-loop turn. Why one shared queue: a tree load has ~50 item pages in flight, and when their answers arrive
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
/** Entries mapped per queued piece: ~0.1-0.3 ms of work when warm, small enough to keep a turn near its budget. */
const PIECE = 128;

type Piece = () => void;

/** First in, first out; read from `head` so that taking a piece costs no array shift. */
class PieceQueue {
  private pieces: Piece[] = [];
  private head = 0;

  get size(): number { return this.pieces.length - this.head; }

  push(piece: Piece): void { this.pieces.push(piece); }

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

function noop(): void { /* a piece already run */ }

/**
 * Parses waiting to start, smallest body first (equal sizes in arrival order). A load has at most a few dozen waiting,
 * so a sorted insert is all it takes.
 */
class ParseQueue {
  private readonly waiting: { size: number; piece: Piece }[] = [];

  get size(): number { return this.waiting.length; }

  push(piece: Piece, size: number): void {
    let at = this.waiting.length;
    while (at > 0 && this.waiting[at - 1].size > size) at--;
    this.waiting.splice(at, 0, { size, piece });
  }

  take(): Piece | undefined {
    return this.waiting.shift()?.piece;
  }
}

// Work that continues something already started (mapping a parsed page) runs before new work (parsing the next
// page): a page's parsed JSON then lives for a turn or two, not until every page of a burst has been parsed. Many
// parsed pages alive at once make each young-generation collection copy them all (docs/PERFORMANCE.md).
// Parses go smallest first: a small answer is usually a list whose entries start the next calls (a subscription's
// vaults, then each vault's items), so its parse is on the load's critical path, while the large pages (1,000 VMs)
// are leaves that can wait; and shortest-first is also what keeps the mean wait of a burst lowest.
const continuing = new PieceQueue();
const fresh = new ParseQueue();
let armed = false;

/**
 * Call starts waiting for the start gate (concurrency.ts). A start is latency-critical (the sooner it leaves, the
 * sooner its answer comes), so while any wait a turn spends at most STARTS_WAITING_SLICE_MS on queued pieces.
 */
let startsWaiting = 0;
const STARTS_WAITING_SLICE_MS = 2;

export function startWaiting(): () => void {
  startsWaiting++;
  let done = false;
  return () => {
    if (!done) startsWaiting--;
    done = true;
  };
}

function drain(): void {
  armed = false;
  const started = performance.now();
  const budget = startsWaiting > 0 ? STARTS_WAITING_SLICE_MS : SLICE_MS;
  for (let piece = continuing.take() ?? fresh.take(); piece; piece = continuing.take() ?? fresh.take()) {
    piece();
    if (performance.now() - started >= budget) break;
  }
  if (continuing.size + fresh.size > 0) arm();
}

function arm(): void {
  if (armed) return;
  armed = true;
  setImmediate(drain);
}

function enqueue<R>(push: (piece: Piece) => void, work: () => R): Promise<R> {
  return new Promise<R>((resolve, reject) => {
    push(() => {
      try {
        resolve(work());
      } catch (e) {
        reject(e);
      }
    });
    arm();
  });
}

/**
 * Runs `work` (synchronous, ~1-2 ms at most) in a later turn, within the shared per-turn budget. `size` orders
 * waiting work smallest first (a body's byte length for a parse).
 */
export function inSlice<R>(work: () => R, size = 0): Promise<R> {
  return enqueue((piece) => fresh.push(piece, size), work);
}

/** map + filter of a large array (e.g. a page just parsed), PIECE entries at a time, ahead of new work. */
export async function mapInSlices<T, R>(items: readonly T[], map: (item: T) => R | undefined): Promise<R[]> {
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
    pieces.push(enqueue((piece) => continuing.push(piece), () => mapRange(from, to)));
  }
  await Promise.all(pieces);
  return out;
}
