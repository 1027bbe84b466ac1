// Messages between the bench (parent) and the sandbox child process. The sandbox runs in its own process so
// that its work (rendering pages, its state of up to 80,000 jobs) never shows up in the client's heap or
// event-loop measurements, as a real Azure would not.
import type { RequestLogEntry, SandboxOptions } from '../src/sandbox/index';

export type ParentMessage =
  | { id: number; type: 'start'; options: SandboxOptions }
  | { id: number; type: 'log' }
  | { id: number; type: 'clear' }
  | { id: number; type: 'cpu' }
  | { id: number; type: 'stop' };

export interface StartedInfo {
  endpoint: string;
  ca: string;
  tenantId: string;
  subscriptionIds: string[];
  pageSizes: Record<string, number>;
}

export type ChildMessage =
  | { id: number; ok: true; started?: StartedInfo; log?: RequestLogEntry[]; cpuMs?: number }
  | { id: number; ok: false; error: string };
