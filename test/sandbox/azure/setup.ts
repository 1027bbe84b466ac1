// A sandbox plus the Azure layer's service pointed at it, as the extension builds them (sandbox sign-in provider session).
import { createBackupService } from '../../../src/azure';
import type { AzureCallLogEntry, BackupService } from '../../../src/azure';
import { sandboxSession } from '../../../src/auth';
import { startSandbox } from '../../../src/sandbox';
import type { RunningSandbox, SandboxOptions } from '../../../src/sandbox';

export interface Harness {
  sandbox: RunningSandbox;
  service: BackupService;
  calls: AzureCallLogEntry[];
  subscriptionId: string;
}

export async function startHarness(options: SandboxOptions = {}, concurrency = 4): Promise<Harness> {
  // speed 100: a 40 s simulated backup job takes 0.4 s of real time.
  const sandbox = await startSandbox({ retryAfterSeconds: 0, speed: 100, ...options });
  const calls: AzureCallLogEntry[] = [];
  const service = createBackupService(sandboxSession(sandbox), {
    concurrency, pollIntervalMs: 20, maxPollIntervalMs: 100, logger: (e) => calls.push(e),
    retry: { retryDelayInMs: 20, maxRetryDelayInMs: 200 },
  });
  return { sandbox, service, calls, subscriptionId: sandbox.subscriptionIds()[0] };
}

export function daysFromNow(days: number): Date {
  const d = new Date();
  d.setUTCHours(0, 0, 0, 0);
  return new Date(d.getTime() + days * 24 * 60 * 60 * 1000);
}
