/** Decides, with seeded randomness, whether a request gets an injected fault and which one. */
import type { FaultConfig, FaultKind } from '../types';
import { SeededRandom } from '../state/random';

const ALL_KINDS: readonly FaultKind[] = ['throttle', 'serverError', 'unavailable', 'reset', 'stall'];

export class FaultInjector {
  private config: FaultConfig | undefined;
  private pattern: RegExp | undefined;
  private injected = 0;
  private readonly random: SeededRandom;

  constructor(seed: number, config: FaultConfig | undefined) {
    this.random = new SeededRandom(seed ^ 0x5eed);
    this.set(config);
  }

  set(config: FaultConfig | undefined): void {
    if (config?.rate !== undefined && (config.rate < 0 || config.rate > 1))
      throw new Error('faults.rate must be within 0..1');
    this.config = config;
    this.pattern = config?.pathPattern ? new RegExp(config.pathPattern, 'i') : undefined;
    this.injected = 0;
  }

  get failOperations(): boolean {
    return this.config?.failOperations === true;
  }

  /** Retry-After of injected 429/503 answers, when the fault set names its own (else the sandbox's). */
  get retryAfterSeconds(): number | undefined {
    return this.config?.retryAfterSeconds;
  }

  get stallMs(): number {
    return this.config?.stallMs ?? 30_000;
  }

  /** The fault to inject into this request, if any. */
  pick(method: string, path: string): FaultKind | undefined {
    const c = this.config;
    if (!c || !c.rate) return undefined;
    if (c.count !== undefined && this.injected >= c.count) return undefined;
    if (this.pattern && !this.pattern.test(path)) return undefined;
    if (c.methods && !c.methods.some((m) => m.toUpperCase() === method)) return undefined;
    if (this.random.next() >= c.rate) return undefined;
    const kinds = c.kinds && c.kinds.length > 0 ? c.kinds : ALL_KINDS;
    this.injected++;
    return this.random.pick(kinds);
  }
}
