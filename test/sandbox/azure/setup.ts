// A sandbox plus the Azure layer's service pointed at it, as the extension builds them (sandbox sign-in provider session).
import { createBackupService } from '../../../src/azure';
import type { AzureCallLogEntry, BackupService, ItemRef } from '../../../src/azure';
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
    concurrency,
    pollIntervalMs: 20,
    maxPollIntervalMs: 100,
    logger: (e) => calls.push(e),
    retry: { retryDelayInMs: 20, maxRetryDelayInMs: 200 },
  });
  return { sandbox, service, calls, subscriptionId: sandbox.subscriptionIds()[0] };
}

export function daysFromNow(days: number): Date {
  const d = new Date();
  d.setUTCHours(0, 0, 0, 0);
  return new Date(d.getTime() + days * 24 * 60 * 60 * 1000);
}

/**
 * Registers the hooks that start a harness before the suite (or before each test, `perTest`) and stop it after, and
 * returns a view that always reads the harness of the moment, so tests write `h.service` as before.
 */
export function useHarness(options: SandboxOptions = {}, { perTest = false, concurrency = 4 } = {}): Harness {
  let current: Harness | undefined;
  const now = (): Harness => {
    if (!current) throw new Error('the harness is used outside a test');
    return current;
  };
  (perTest ? beforeEach : before)(async () => {
    current = await startHarness(options, concurrency);
  });
  (perTest ? afterEach : after)(async () => {
    await current?.sandbox.stop();
    current = undefined;
  });
  return {
    get sandbox() {
      return now().sandbox;
    },
    get service() {
      return now().service;
    },
    get calls() {
      return now().calls;
    },
    get subscriptionId() {
      return now().subscriptionId;
    },
  };
}

/** The story's vault that protects web-vm-01 and its companions. */
export const STORY_VAULT = { resourceGroup: 'contoso-backup-rg', name: 'contoso-vault' } as const;

/** A story VM's protected item in contoso-vault, by the names the backup RP gives it. */
export function storyItem(subscriptionId: string, vmName: string, vmResourceGroup = 'contoso-web-rg'): ItemRef {
  return {
    subscriptionId,
    ...STORY_VAULT,
    containerName: `IaasVMContainer;iaasvmcontainerv2;${vmResourceGroup};${vmName}`,
    itemName: `VM;iaasvmcontainerv2;${vmResourceGroup};${vmName}`,
  };
}
