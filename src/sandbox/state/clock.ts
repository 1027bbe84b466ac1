/**
 * Simulated clock: real time scaled by `speed`, plus whatever tests add with `advance`.
 * It never runs backwards, so a restart can resume from the time saved in the data file.
 */
export class SimClock {
  private baseSim: number;
  private baseReal: number;
  private speed: number;

  constructor(startSimMs: number, speed: number) {
    if (!(speed > 0)) throw new Error(`speed must be > 0, got ${speed}`);
    this.baseSim = startSimMs;
    this.baseReal = Date.now();
    this.speed = speed;
  }

  nowMs(): number {
    return this.baseSim + (Date.now() - this.baseReal) * this.speed;
  }

  getSpeed(): number {
    return this.speed;
  }

  /** Moves simulated time forward by `ms` (negative values are ignored). */
  advance(ms: number): void {
    if (ms > 0) this.baseSim += ms;
  }

  setSpeed(speed: number): void {
    if (!(speed > 0)) throw new Error(`speed must be > 0, got ${speed}`);
    this.rebase();
    this.speed = speed;
  }

  /** Real milliseconds until simulated time reaches `simMs`. */
  realDelayUntil(simMs: number): number {
    return Math.max(0, (simMs - this.nowMs()) / this.speed);
  }

  private rebase(): void {
    this.baseSim = this.nowMs();
    this.baseReal = Date.now();
  }
}
