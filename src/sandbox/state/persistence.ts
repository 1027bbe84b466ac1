/**
 * Saves the state as JSON with atomic writes (temp file, fsync, rename), debounced, so a crash mid-write
 * leaves the previous file intact; loads it back on start.
 */
import { promises as fs, existsSync, readFileSync } from 'node:fs';
import type { SandboxState } from './model';

export function loadState(file: string): SandboxState | undefined {
  if (!existsSync(file)) return undefined;
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (typeof parsed !== 'object' || parsed === null || (parsed as { version?: unknown }).version !== 1) {
    throw new Error(`${file} is not a sandbox data file (version 1)`);
  }
  return parsed as SandboxState;
}

export async function writeAtomically(file: string, content: string): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  const handle = await fs.open(temp, 'w');
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(temp, file);
}

export class Persister {
  private timer: NodeJS.Timeout | undefined;
  private dirty = false;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly file: string | undefined, private readonly snapshot: () => SandboxState, private readonly debounceMs = 250) {}

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

  /** Writes now if anything changed; writes never overlap. */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const file = this.file;
    if (!file || !this.dirty) return this.writing;
    this.dirty = false;
    const content = JSON.stringify(this.snapshot());
    this.writing = this.writing.catch(() => undefined).then(() => writeAtomically(file, content));
    return this.writing;
  }
}
