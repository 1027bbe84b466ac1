/**
 * Saves the state as JSON with atomic writes (temp file, fsync, rename), debounced, so a crash mid-write
 * leaves the previous file intact; loads it back on start. A failed save is reported at once, retried, and
 * leaves no temp file; nothing is written through a symbolic link.
 */
import { randomBytes } from 'node:crypto';
import { constants, promises as fs, lstatSync, readFileSync } from 'node:fs';
import type { SandboxState } from './model';

const STATE_LISTS = [
  'subscriptions',
  'resourceGroups',
  'vms',
  'vaults',
  'policies',
  'items',
  'jobs',
  'recoveryPoints',
  'operations',
] as const;
const MAX_RETRY_MS = 30_000;

export function loadState(file: string): SandboxState | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new Error(
      `${file} is not a sandbox data file: it is not valid JSON (${e instanceof Error ? e.message : String(e)})`,
    );
  }
  if (typeof parsed !== 'object' || parsed === null || (parsed as { version?: unknown }).version !== 1) {
    throw new Error(`${file} is not a sandbox data file (version 1)`);
  }
  const state = parsed as Record<string, unknown>;
  const missing: string[] = [];
  if (typeof state.tenantId !== 'string') missing.push('tenantId (a string)');
  for (const key of ['counter', 'savedAt'] as const)
    if (typeof state[key] !== 'number') missing.push(`${key} (a number)`);
  for (const key of STATE_LISTS) if (!Array.isArray(state[key])) missing.push(`${key} (a list)`);
  if (missing.length)
    throw new Error(
      `${file} is an incomplete sandbox data file: it lacks ${missing.join(', ')}. Fix or remove the file to start from a seed.`,
    );
  return parsed as SandboxState;
}

/** Throws when `file` is a symbolic link: replacing it would cut the link, writing it would change another file. */
export function refuseSymlink(file: string): void {
  let isLink = false;
  try {
    isLink = lstatSync(file).isSymbolicLink();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  if (isLink)
    throw new Error(
      `${file} is a symbolic link; the sandbox does not write through links. Give the path of the file itself.`,
    );
}

export async function writeAtomically(file: string, content: string): Promise<void> {
  refuseSymlink(file);
  // Unpredictable and created exclusively (never following a link), so nothing planted at the name is written.
  const temp = `${file}.${randomBytes(8).toString('hex')}.tmp`;
  const handle = await fs.open(
    temp,
    constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
    0o600,
  );
  try {
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    refuseSymlink(file);
    await fs.rename(temp, file);
  } catch (e) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw e;
  }
}

/** Whether the data file holds the state: what a failing save reports, for the control and the CLI. */
export interface SaveHealth {
  /** False while the last save failed (the file holds an older state than the one in memory). */
  ok: boolean;
  file?: string;
  /** When the last save succeeded (ISO), if one has. */
  lastSavedAt?: string;
  /** Saves failed in a row (0 when healthy). */
  failures: number;
  lastError?: string;
}

export class Persister {
  private timer: NodeJS.Timeout | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private dirty = false;
  private writing: Promise<void> = Promise.resolve();
  private failures = 0;
  private lastError: string | undefined;
  private lastSavedAt: number | undefined;
  private disposed = false;

  constructor(
    private readonly file: string | undefined,
    private readonly snapshot: () => SandboxState,
    private readonly debounceMs = 250,
    private readonly report: (message: string) => void = (m) => console.error(m),
    private readonly retryMs = 1_000,
  ) {}

  markDirty(): void {
    if (!this.file) return;
    this.dirty = true;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush().catch(() => undefined);
    }, this.debounceMs);
    this.timer.unref();
  }

  health(): SaveHealth {
    return {
      ok: this.failures === 0,
      ...(this.file ? { file: this.file } : {}),
      ...(this.lastSavedAt !== undefined ? { lastSavedAt: new Date(this.lastSavedAt).toISOString() } : {}),
      failures: this.failures,
      ...(this.lastError ? { lastError: this.lastError } : {}),
    };
  }

  /** Writes now if anything changed; writes never overlap. Rejects when this save fails. */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const file = this.file;
    if (!file || !this.dirty) return this.writing;
    this.dirty = false;
    this.writing = this.writing
      .catch(() => undefined)
      .then(() => writeAtomically(file, JSON.stringify(this.snapshot())))
      .then(
        () => this.saved(),
        (e: unknown) => {
          this.failed(file, e);
          throw e;
        },
      );
    return this.writing;
  }

  /** Stops retrying (the sandbox is stopping; its final flush reports for itself). */
  dispose(): void {
    this.disposed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  private saved(): void {
    if (this.failures > 0) this.report(`Sandbox: ${this.file} saved again after ${this.failures} failed attempt(s).`);
    this.failures = 0;
    this.lastError = undefined;
    this.lastSavedAt = Date.now();
  }

  private failed(file: string, e: unknown): void {
    const message = e instanceof Error ? e.message : String(e);
    this.failures++;
    // Said once per distinct cause, not on every retry, so a full disk does not flood the output.
    if (message !== this.lastError)
      this.report(
        `Sandbox: could not save ${file}: ${message.replace(/\.$/, '')}. The file keeps an older state; retrying.`,
      );
    this.lastError = message;
    this.dirty = true;
    if (this.retryTimer || this.disposed) return;
    const wait = Math.min(MAX_RETRY_MS, this.retryMs * 2 ** Math.min(this.failures - 1, 10));
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.flush().catch(() => undefined);
    }, wait);
    this.retryTimer.unref();
  }
}
