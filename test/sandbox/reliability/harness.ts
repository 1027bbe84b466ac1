// A sandbox on a simulated clock that only moves when a test moves it, plus the Azure layer pointed at it
// through a credential the test can expire, with every call the layer logs captured.
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { randomBytes } from 'node:crypto';
import type { AzureCallLogEntry, BackupService, ItemRef, VaultRef } from '../../../src/azure';
import { createBackupService } from '../../../src/azure';
import { sandboxSession } from '../../../src/auth';
import type { RequestLogEntry, RunningSandbox, SandboxOptions } from '../../../src/sandbox';
import { startSandbox, STORY_SUBSCRIPTION_ID } from '../../../src/sandbox';

export const STORY_VAULT: Omit<VaultRef, 'subscriptionId'> = {
  resourceGroup: 'contoso-backup-rg',
  name: 'contoso-vault',
};
export const VM_RG = 'contoso-web-rg';
/** Attempts per call: the layer's client makes 1 + maxRetries (3, the SDK default the layer keeps). */
export const ATTEMPTS = 4;

/** JWT-shaped, so a leak is recognisable both by value and by shape. */
export function fakeJwt(): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part({ aud: 'https://management.azure.com', oid: randomBytes(8).toString('hex') })}.${randomBytes(48).toString('base64url')}`;
}

/** A credential whose token can be made expired (the sandbox answers 'expired…' tokens with 401). Re-read on every request. */
export class SwitchableCredential implements TokenCredential {
  readonly validToken = fakeJwt();
  readonly expiredToken = `expired-${fakeJwt()}`;
  expired = false;
  async getToken(): Promise<AccessToken> {
    // Inside the pipeline's forced-refresh window, so the SDK asks again for each request instead of caching.
    return { token: this.expired ? this.expiredToken : this.validToken, expiresOnTimestamp: Date.now() + 500 };
  }
}

export interface Harness {
  sandbox: RunningSandbox;
  service: BackupService;
  credential: SwitchableCredential;
  calls: AzureCallLogEntry[];
  subscriptionId: string;
  vault: VaultRef;
  web01: ItemRef;
  /** A unique lower-case name for things a test creates. */
  fresh(prefix: string): string;
  stop(): Promise<void>;
}

export async function startHarness(options: SandboxOptions = {}): Promise<Harness> {
  // Simulated time nearly frozen: it moves through clock.advance, so running jobs stay running until a test moves on.
  // Retry-After 1 s on injected 429/503 (what the SDK must honour); the layer caps its own poll waits at 100 ms.
  const sandbox = await startSandbox({ retryAfterSeconds: 1, speed: 0.001, ...options });
  const credential = new SwitchableCredential();
  const calls: AzureCallLogEntry[] = [];
  const service = createBackupService(
    { ...sandboxSession(sandbox), credential },
    {
      pollIntervalMs: 10,
      maxPollIntervalMs: 100,
      logger: (e) => calls.push(e),
      retry: { retryDelayInMs: 10, maxRetryDelayInMs: 40 },
    },
  );
  const subscriptionId = sandbox.subscriptionIds()[0];
  const vault = { subscriptionId, ...STORY_VAULT };
  const web01 = {
    ...vault,
    containerName: `IaasVMContainer;iaasvmcontainerv2;${VM_RG};web-vm-01`,
    itemName: `VM;iaasvmcontainerv2;${VM_RG};web-vm-01`,
  };
  let counter = 0;
  return {
    sandbox,
    service,
    credential,
    calls,
    subscriptionId,
    vault,
    web01,
    fresh: (prefix) => `${prefix}-${++counter}-${randomBytes(2).toString('hex')}`,
    stop: () => sandbox.stop(),
  };
}

/** A fresh harness for every test, with an empty request log, stopped afterwards; `use` hands it to the suite. */
export function useHarnessPerTest(use: (h: Harness) => void): void {
  let current: Harness | undefined;
  beforeEach(async () => {
    current = await startHarness();
    current.sandbox.requestLog.clear();
    use(current);
  });
  afterEach(async () => {
    await current?.stop();
  });
}

/** A backup-now retention a month ahead. */
export const retainAMonth = (): Date => new Date(Date.now() + 30 * 86_400_000);

/** Runs `work` while simulated time moves `stepMs` every 10 ms of real time, so tracked jobs finish quickly. */
export async function whileAdvancing<T>(sandbox: RunningSandbox, work: () => Promise<T>, stepMs = 2_000): Promise<T> {
  const timer = setInterval(() => sandbox.clock.advance(stepMs), 10);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}

export function vmId(name: string, rg = VM_RG): string {
  return `/subscriptions/${STORY_SUBSCRIPTION_ID}/resourceGroups/${rg}/providers/Microsoft.Compute/virtualMachines/${name}`;
}

export function itemRefOf(vault: VaultRef, vmName: string, rg = VM_RG): ItemRef {
  const short = `iaasvmcontainerv2;${rg};${vmName}`.toLowerCase();
  return { ...vault, containerName: `IaasVMContainer;${short}`, itemName: `VM;${short}` };
}

/** Adds an unprotected VM in the story vault's region. */
export function addVm(h: Harness, prefix = 'rel-vm'): { id: string; name: string; resourceGroup: string } {
  const name = h.fresh(prefix);
  return { id: h.sandbox.control.addVm({ resourceGroup: VM_RG, name }), name, resourceGroup: VM_RG };
}

/** Sandbox requests whose path matches the RegExp source (case-insensitive) and, if given, the methods. */
export function requestsTo(sandbox: RunningSandbox, pathPattern: string, methods?: string[]): RequestLogEntry[] {
  const re = new RegExp(pathPattern, 'i');
  return sandbox.requestLog.entries().filter((e) => re.test(e.path) && (!methods || methods.includes(e.method)));
}

/** The sandbox's jobs of a VM (all operations), from its state. */
export function jobsOfVm(
  sandbox: RunningSandbox,
  vmName: string,
  operation?: string,
): { id: string; operation: string; status: string }[] {
  return sandbox.control
    .snapshot()
    .jobs.filter(
      (j) => j.entityFriendlyName.toLowerCase() === vmName.toLowerCase() && (!operation || j.operation === operation),
    )
    .map((j) => ({ id: j.id, operation: j.operation, status: j.status }));
}

/** The answer to the next PUT of the VM's protected item is lost after the sandbox applied it. */
export function loseNextItemPutAnswer(h: Harness, vmName: string): void {
  h.sandbox.setFaults({
    rate: 1,
    kinds: ['dropResponse'],
    count: 1,
    pathPattern: `/protectedItems/[^/]*${vmName}$`,
    methods: ['PUT'],
  });
}
