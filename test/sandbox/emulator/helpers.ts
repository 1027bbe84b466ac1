/**
 * Reusable helpers for tests against the sandbox: start one, build the real SDK clients trusting its CA
 * (per client through tlsOptions, never process-wide), capture async-operation headers, poll.
 */
import { ComputeManagementClient } from '@azure/arm-compute';
import { ResourceGraphClient } from '@azure/arm-resourcegraph';
import { RecoveryServicesClient } from '@azure/arm-recoveryservices';
import { RecoveryServicesBackupClient } from '@azure/arm-recoveryservicesbackup';
import { ResourceManagementClient } from '@azure/arm-resources';
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import type { TokenCredential } from '@azure/core-auth';
import { RestError, type PipelineResponse } from '@azure/core-rest-pipeline';
import { request as httpsRequest } from 'node:https';
import { startSandbox, STORY_SUBSCRIPTION_ID, type RunningSandbox, type SandboxOptions } from '../../../src/sandbox';

/** Any non-empty Bearer token is accepted by the sandbox. */
export const sandboxCredential: TokenCredential = {
  getToken: async () => ({ token: 'sandbox', expiresOnTimestamp: Date.now() + 3600e3 }),
};

/** The real Resource Graph client against the sandbox (tenant level: no subscription). */
export function graphClient(sandbox: RunningSandbox): ResourceGraphClient {
  return new ResourceGraphClient(sandboxCredential, {
    endpoint: sandbox.endpoint,
    tlsOptions: { ca: sandbox.ca },
    credentials: { scopes: [`${sandbox.endpoint}/.default`] },
  });
}

/** Fast defaults for tests: no Retry-After wait worth speaking of, fast simulated clock. */
export function startTestSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  return startSandbox({ retryAfterSeconds: 0, speed: 1, ...options });
}

/** A running sandbox and the SDK clients that trust it. */
export interface SandboxFixture {
  sandbox: RunningSandbox;
  c: SandboxClients;
}

/**
 * A sandbox for a suite (or, with `each`, for every test) with its SDK clients, stopped afterwards. The callback
 * hands them to the suite's own variables (`(f) => ({ sandbox, c } = f)`), so tests read as before.
 */
export function useTestSandbox(
  options: SandboxOptions,
  use: (fixture: SandboxFixture) => void,
  scope: { each?: boolean } = {},
): void {
  let running: RunningSandbox | undefined;
  (scope.each ? beforeEach : before)(async () => {
    running = await startTestSandbox(options);
    use({ sandbox: running, c: clientsFor(running) });
  });
  (scope.each ? afterEach : after)(async () => {
    await running?.stop();
  });
}

export interface ClientOptionsForSandbox {
  /** Retry tuning so fault tests stay fast. */
  retryOptions?: { maxRetries?: number; retryDelayInMs?: number; maxRetryDelayInMs?: number };
}

export interface SandboxClients {
  backup: RecoveryServicesBackupClient;
  vaults: RecoveryServicesClient;
  compute: ComputeManagementClient;
  resources: ResourceManagementClient;
  subscriptions: SubscriptionClient;
}

export function clientsFor(
  sandbox: RunningSandbox,
  subscriptionId = sandbox.subscriptionIds()[0],
  extra: ClientOptionsForSandbox = {},
): SandboxClients {
  const common = {
    endpoint: sandbox.endpoint,
    tlsOptions: { ca: sandbox.ca },
    retryOptions: extra.retryOptions ?? { retryDelayInMs: 20, maxRetryDelayInMs: 200 },
  };
  return {
    backup: new RecoveryServicesBackupClient(sandboxCredential, subscriptionId, {
      ...common,
      credentialScopes: [`${sandbox.endpoint}/.default`],
    }),
    vaults: new RecoveryServicesClient(sandboxCredential, subscriptionId, common),
    compute: new ComputeManagementClient(sandboxCredential, subscriptionId, common),
    resources: new ResourceManagementClient(sandboxCredential, subscriptionId, common),
    subscriptions: new SubscriptionClient(sandboxCredential, common),
  };
}

/** An `onResponse` callback that keeps the last raw response, to read Azure-AsyncOperation / Location. */
export function headerCapture(): {
  onResponse: (r: PipelineResponse | { headers: { get(name: string): string | undefined }; status: number }) => void;
  header(name: string): string;
  status(): number;
} {
  let last: { headers: { get(name: string): string | undefined }; status: number } | undefined;
  return {
    onResponse: (r) => {
      last = r;
    },
    header: (name) => {
      const v = last?.headers.get(name);
      if (!v) throw new Error(`response had no ${name} header`);
      return v;
    },
    status: () => last?.status ?? 0,
  };
}

/** The `{op}` of an async-operation URL: its last path segment before the query. */
export function operationIdOf(url: string): string {
  return new URL(url).pathname.split('/').pop() ?? '';
}

/** Polls `probe` until it returns a value (not undefined), advancing the sandbox clock between tries. */
export async function until<T>(
  sandbox: RunningSandbox,
  probe: () => Promise<T | undefined>,
  stepMs = 5_000,
  tries = 100,
): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const v = await probe();
    if (v !== undefined) return v;
    sandbox.clock.advance(stepMs);
  }
  throw new Error('condition not reached');
}

export async function collect<T>(iter: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of iter) out.push(x);
  return out;
}

export const containerOf = (rg: string, vm: string): string =>
  `IaasVMContainer;iaasvmcontainerv2;${rg};${vm}`.replace(
    /;([^;]+);([^;]+)$/,
    (_m, a: string, b: string) => `;${a.toLowerCase()};${b.toLowerCase()}`,
  );
export const itemOf = (rg: string, vm: string): string =>
  `VM;iaasvmcontainerv2;${rg.toLowerCase()};${vm.toLowerCase()}`;

/** A predicate for `assert.rejects`: an ARM error with this code (and, where given, this HTTP status). */
export const isCode =
  (code: string, status?: number) =>
  (e: unknown): boolean =>
    e instanceof RestError && e.code === code && (status === undefined || e.statusCode === status);

export const vmIdOf = (rg: string, vm: string): string =>
  `/subscriptions/${STORY_SUBSCRIPTION_ID}/resourceGroups/${rg}/providers/Microsoft.Compute/virtualMachines/${vm}`;
export const policyIdOf = (vault: string, rg: string, policy: string): string =>
  `/subscriptions/${STORY_SUBSCRIPTION_ID}/resourceGroups/${rg}/providers/Microsoft.RecoveryServices/vaults/${vault}/backupPolicies/${policy}`;

/** Where a VM's protected item lives: the vault (name and resource group) and the VM (resource group and name). */
export interface VmItemRef {
  vault: string;
  rg: string;
  vmRg: string;
  vm: string;
}

/** The seeded story vault, and its protected VM web-vm-01 (with three recovery points). */
export const STORY_VAULT = { vault: 'contoso-vault', rg: 'contoso-backup-rg' };
export const WEB_VM_01: VmItemRef = { ...STORY_VAULT, vmRg: 'contoso-web-rg', vm: 'web-vm-01' };

/** The leading arguments of the SDK's item operations: vault, resource group, fabric, container, item. */
export const itemArgs = (ref: VmItemRef): [string, string, string, string, string] => [
  ref.vault,
  ref.rg,
  'Azure',
  containerOf(ref.vmRg, ref.vm),
  itemOf(ref.vmRg, ref.vm),
];

/**
 * PUTs a VM's protected item through the SDK (enable, resume, change policy, stop) and returns the id of the
 * operation it was given; pass `cap` to read more of the answer.
 */
export async function putVmItem(
  backup: RecoveryServicesBackupClient,
  ref: VmItemRef,
  properties: Record<string, unknown>,
  cap = headerCapture(),
): Promise<string> {
  await backup.protectedItems.createOrUpdate(
    ...itemArgs(ref),
    {
      properties: {
        protectedItemType: 'Microsoft.Compute/virtualMachines',
        sourceResourceId: vmIdOf(ref.vmRg, ref.vm),
        ...properties,
      },
    },
    { onResponse: cap.onResponse },
  );
  return operationIdOf(cap.header('azure-asyncoperation'));
}

/** Backup now through the SDK; returns the id of the operation it was given. */
export async function triggerBackup(
  backup: RecoveryServicesBackupClient,
  ref: VmItemRef,
  properties: Record<string, unknown> = {},
  cap = headerCapture(),
): Promise<string> {
  await backup.backups.trigger(
    ...itemArgs(ref),
    { properties: { objectType: 'IaasVMBackupRequest', ...properties } },
    { onResponse: cap.onResponse },
  );
  return operationIdOf(cap.header('azure-asyncoperation'));
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  json: unknown;
}

/** A plain HTTPS request to the sandbox (for checks the SDKs cannot make, e.g. a missing token). */
export function rawRequest(
  sandbox: RunningSandbox,
  method: string,
  pathAndQuery: string,
  options: { headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      `${sandbox.endpoint}${pathAndQuery}`,
      { method, ca: sandbox.ca, headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, json: text ? JSON.parse(text) : undefined });
        });
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** The `error.code` of an ARM error envelope. */
export function armCode(json: unknown): string | undefined {
  if (typeof json !== 'object' || json === null || !('error' in json)) return undefined;
  const error = (json as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'code' in error
    ? String((error as { code: unknown }).code)
    : undefined;
}
