/** Bounded in-memory log of answered requests, for tests and benchmarks that count calls. */
import type { RequestLogEntry } from '../types';

export class RequestLog {
  private list: RequestLogEntry[] = [];

  constructor(private readonly limit = 100_000) {}

  add(entry: RequestLogEntry): void {
    this.list.push(entry);
    // Trim in batches so the array is not shifted on every request.
    if (this.list.length > this.limit * 1.1) this.list = this.list.slice(this.list.length - this.limit);
  }

  entries(): RequestLogEntry[] {
    return this.list.slice(Math.max(0, this.list.length - this.limit));
  }

  clear(): void {
    this.list = [];
  }
}
