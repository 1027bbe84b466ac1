// Shared pieces of the extension-level reliability tests: faults by name, the sandbox's request log for one
// request, what the user was shown, an expired-token session, and a small estate of our own (a resource group
// with VMs and a vault) so the story data the other suites rely on stays untouched.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AzureOperation, Vault } from '../../../src/azure/model';
import type { AzureBackupApi } from '../../../src/extension';
import type { FaultConfig, RequestLogEntry } from '../../../src/sandbox/types';
import type { SignInProvider, SubscriptionContext } from '../../../src/session/sdkBundleApi';
import type { ShownError } from '../../../src/ui/log';
import { nodeAt, sandboxOf, SUB, VAULTS } from '../ui/helpers';

export const SUBSCRIPTION = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
export const RG = 'reliability-rg';
export const LOCATION = 'westeurope';

/** The request a workflow turns on: its method(s) ("GET" or "GET|POST") and a path pattern (RegExp source, case-insensitive). */
export interface KeyRequest {
  method: string;
  path: string;
}

/** A write of a protected item: enable, change policy, resume, undelete, stop keeping the data. */
export const ITEM_PUT: KeyRequest = { method: 'PUT', path: '/protectedItems/[^/]+$' };

export type FaultName = '429' | '503' | '500' | 'reset' | 'stall+cancel' | 'op Failed' | 'job fails' | '401 expired';

export function faultConfig(fault: FaultName, key: KeyRequest): FaultConfig | undefined {
  const on = { pathPattern: key.path, methods: key.method.split('|'), rate: 1 };
  switch (fault) {
    case '429':
      return { ...on, kinds: ['throttle'], count: 1 };
    case '503':
      return { ...on, kinds: ['unavailable'], count: 1 };
    case '500':
      return { ...on, kinds: ['serverError'] };
    case 'reset':
      return { ...on, kinds: ['reset'], count: 1 };
    case 'stall+cancel':
      return { ...on, kinds: ['stall'], stallMs: 10_000, count: 1 };
    case 'op Failed':
      return { failOperations: true };
    default:
      return undefined;
  }
}

export function requestsTo(api: AzureBackupApi, key: KeyRequest): RequestLogEntry[] {
  const pattern = new RegExp(key.path, 'i');
  const methods = key.method.split('|');
  return sandboxOf(api)
    .requestLog.entries()
    .filter((e) => methods.includes(e.method) && pattern.test(e.path));
}

/**
 * Runs a command whose PUT of the VM's item the service applies but whose answer is lost, and asserts what the user
 * gets: the operation completed, that PUT not sent again, no error shown. `outcomeOf` reads the command's result.
 */
export async function runWithAnswerLost(
  api: AzureBackupApi,
  vmName: string,
  outcomeOf: (result: unknown) => AzureOperation | undefined,
  command: string,
  ...args: unknown[]
): Promise<void> {
  const before = requestsTo(api, ITEM_PUT).length;
  const shownBefore = api.log.shownCount;
  sandboxOf(api).setFaults({
    rate: 1,
    kinds: ['dropResponse'],
    count: 1,
    pathPattern: `/protectedItems/[^/]*${vmName}$`,
    methods: ['PUT'],
  });
  const result = await runCommand<unknown>(api, command, ...args);
  assert.strictEqual(outcomeOf(result)?.outcome, 'Completed', JSON.stringify(api.log.shownErrors().at(-1)));
  assert.deepStrictEqual(
    requestsTo(api, ITEM_PUT)
      .slice(before)
      .map((e) => e.status),
    [0],
    'the PUT whose answer was lost is not sent again',
  );
  assert.strictEqual(api.log.shownCount, shownBefore, 'no error shown');
}

/** What the user read for the last failure after `since` (a shownCount), through the wrapper's one error display. */
export function lastShown(api: AzureBackupApi, since: number): ShownError | undefined {
  return api.log.shownCount > since ? api.log.shownErrors().at(-1) : undefined;
}

/** Asserts that a shown error names the ARM code, the message and a request id the sandbox really sent. */
export function assertClearMessage(api: AzureBackupApi, shown: ShownError | undefined, code: string): void {
  assert.ok(shown, 'an error was shown');
  assert.strictEqual(shown.code, code, shown.text);
  assert.ok(shown.message.length > 0);
  assert.ok(shown.requestId, `a request id: ${shown.text}`);
  assert.ok(
    shown.text.includes(code) && shown.text.includes(shown.requestId) && shown.text.includes(shown.message),
    shown.text,
  );
  const sent = sandboxOf(api)
    .requestLog.entries()
    .map((e) => e.requestId);
  assert.ok(sent.includes(shown.requestId), `the request id ${shown.requestId} is one the sandbox answered with`);
}

/** Runs a command the way the UI does (through the registered wrapper), moving the sandbox clock on meanwhile. */
export async function runCommand<T>(api: AzureBackupApi, id: string, ...args: unknown[]): Promise<T | undefined> {
  const sandbox = sandboxOf(api);
  const timer = setInterval(() => sandbox.clock.advance(60_000), 150);
  try {
    return await vscode.commands.executeCommand<T>(id, ...args);
  } finally {
    clearInterval(timer);
  }
}

/**
 * Signs the session in with the sandbox's subscriptions but a credential whose token has expired (the sandbox
 * answers 401 ExpiredAuthenticationToken to Bearer tokens starting with "expired"). `restore` reopens the sandbox.
 */
export async function useExpiredToken(
  api: AzureBackupApi,
  token = 'expired-token-for-tests',
): Promise<{ restore(): Promise<void> }> {
  const contexts: SubscriptionContext[] = (await api.session.allSubscriptions()).map((c) => ({
    subscription: c.subscription,
    session: {
      ...c.session,
      credential: { getToken: async () => ({ token, expiresOnTimestamp: Date.now() + 3_600_000 }) },
    },
  }));
  const provider: SignInProvider = {
    kind: 'sandbox',
    onDidChange: () => ({ dispose: () => undefined }),
    isSignedIn: async () => true,
    signIn: async () => undefined,
    listTenants: async () => [],
    listSubscriptions: async () => contexts,
  };
  await api.session.signIn(provider);
  return {
    restore: async () => {
      await api.session.openSandbox();
    },
  };
}

/** Waits (polling) until `condition` holds; fails naming `what` after `ms`. */
export async function until(condition: () => boolean, what: string, ms = 5_000): Promise<void> {
  for (const end = Date.now() + ms; !condition(); await new Promise((r) => setTimeout(r, 25))) {
    if (Date.now() > end) throw new Error(`timed out waiting: ${what}`);
  }
}

let vmCount = 0;
/** A fresh unprotected VM in our resource group (never one of the story's). */
export function addVm(api: AzureBackupApi, prefix = 'rel-vm'): { id: string; name: string } {
  vmCount++;
  const name = `${prefix}-${Date.now() % 100_000}-${vmCount}`;
  return { id: sandboxOf(api).control.addVm({ resourceGroup: RG, name, location: LOCATION }), name };
}

/** A vault of our own through the command, after a seed VM that makes the resource group. */
export async function createOwnVault(api: AzureBackupApi, seedPrefix: string, name: string): Promise<Vault> {
  addVm(api, seedPrefix);
  const vault = await runCommand<Vault>(api, 'azureBackup.createVault', await nodeAt(api, SUB, VAULTS), {
    name,
    resourceGroup: RG,
    location: LOCATION,
  });
  assert.ok(vault, JSON.stringify(api.log.shownErrors().at(-1)));
  return vault;
}

/** A daily policy at 20:00 UTC keeping 7 days (and 2 of instant restore), through the command. */
export async function createShortPolicy(api: AzureBackupApi, vaultName: string, name: string): Promise<void> {
  await runCommand(api, 'azureBackup.createPolicy', await nodeAt(api, SUB, VAULTS, vaultName), {
    name,
    timeZone: 'UTC',
    instantRestoreDays: 2,
    schedule: { frequency: 'Daily', time: '20:00' },
    retention: { dailyDays: 7 },
  });
}
