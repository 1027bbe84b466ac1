/**
 * The sandbox: a local HTTPS emulator of Azure Resource Manager and Recovery Services that the real Azure
 * SDK clients talk to. `startSandbox` wires state, engine, routes and server together.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createControl } from './control';
import { exchangeRecorderFromEnv } from './http/exchangeRecorder';
import { errors } from './http/errors';
import { AZURE_GRAPH_QUOTA } from './http/graphQuota';
import { FaultInjector } from './http/faults';
import { RequestLog } from './http/requestLog';
import { Router } from './http/router';
import { SandboxServer } from './http/server';
import { resolvePageSizes } from './http/pageSizes';
import type { Site } from './http/site';
import { makeCertificate } from './http/tls';
import { registerAllRoutes } from './routes';
import { SimClock } from './state/clock';
import { Engine } from './state/engine';
import type { SandboxState } from './state/model';
import { loadState, Persister, refuseSymlink, writeAtomically } from './state/persistence';
import { SeededRandom } from './state/random';
import { scaleState } from './state/seedScale';
import { emptyState, STORY_SUBSCRIPTION_ID, STORY_TENANT_ID, storyState } from './state/seedStory';
import { Store } from './state/store';
import type { RunningSandbox, SandboxOptions } from './types';

export type {
  FaultConfig,
  FaultKind,
  PageSizes,
  RequestLogEntry,
  ResourceGraphOptions,
  RunningSandbox,
  SandboxOptions,
  ScaleSpec,
} from './types';
export { DEFAULT_PAGE_SIZES, type ListKind } from './http/pageSizes';
export type { AddVmInput, SandboxControl } from './control';
export type { SaveHealth } from './state/persistence';
export { GUARDED_VAULT, STORY_RESOURCE_GUARD_ID, STORY_SUBSCRIPTION_ID, STORY_TENANT_ID } from './state/seedStory';

const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '::1'];
/** Longest real wait between clock checks, so speed changes and drift never leave a transition late for long. */
const MAX_TIMER_MS = 60_000;

function initialState(options: SandboxOptions, now: number): SandboxState {
  const fromFile = options.dataFile ? loadState(options.dataFile) : undefined;
  if (fromFile) return fromFile;
  const seed = options.seed ?? 'story';
  if (seed === 'story') return storyState(now);
  if (seed === 'empty') return emptyState(STORY_TENANT_ID, STORY_SUBSCRIPTION_ID, now);
  return scaleState(seed, new SeededRandom(options.randomSeed ?? 1), now);
}

const DEFAULT_INGESTION_DELAY_MS = 5000;

function resolveGraphOptions(options: SandboxOptions['resourceGraph']): Site['resourceGraph'] {
  return {
    ingestionDelayMs: options?.ingestionDelayMs ?? DEFAULT_INGESTION_DELAY_MS,
    quota: options?.quota === false ? undefined : (options?.quota ?? AZURE_GRAPH_QUOTA),
  };
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK_HOSTS.includes(host))
    throw new Error(`The sandbox listens on loopback only (127.0.0.1, localhost, ::1), not '${host}'.`);
  const speed = options.speed ?? 1;
  if (options.dataFile) {
    refuseSymlink(options.dataFile);
    refuseSymlink(`${options.dataFile}.ca.pem`);
  }
  const state = initialState(options, Date.now());
  const clock = new SimClock(Math.max(Date.now(), state.savedAt), speed);
  const store = new Store(state);
  const faults = new FaultInjector(options.randomSeed ?? 1, options.faults);
  const persister = new Persister(options.dataFile, () => store.toState(clock.nowMs()));
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const engine = new Engine(store, () => clock.nowMs(), {
    failOperations: () => faults.failOperations,
    changed: () => persister.markDirty(),
  });
  const arm = (): void => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const next = engine.nextDueAt();
    if (stopped || next === undefined) return;
    timer = setTimeout(
      () => {
        timer = undefined;
        try {
          engine.runDue();
        } catch (e) {
          // A timer's throw would end the process; told, and the next due transition is tried again.
          console.error(
            `Sandbox: a scheduled state change failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
          );
        }
        arm();
      },
      Math.min(MAX_TIMER_MS, Math.ceil(clock.realDelayUntil(next))),
    );
    timer.unref();
  };

  const retryAfterSeconds = options.retryAfterSeconds ?? 1;
  const site: Site = {
    store,
    engine,
    endpoint: '',
    pageSizes: resolvePageSizes(options.pageSize, options.pageSizes),
    retryAfterSeconds,
    now: () => clock.nowMs(),
    resourceGraph: resolveGraphOptions(options.resourceGraph),
  };
  const router = new Router();
  registerAllRoutes(router, site);
  const log = new RequestLog();
  const tls = await makeCertificate();
  const server = new SandboxServer({
    router,
    tls,
    log,
    faults,
    latencyMs: options.latencyMs ?? 0,
    retryAfterSeconds,
    record: exchangeRecorderFromEnv(),
    beforeHandle: () => engine.runDue(),
    afterHandle: (method) => {
      if (method !== 'GET' && method !== 'HEAD') persister.markDirty();
      arm();
    },
    refuseChanges: () => {
      const health = persister.health();
      return health.ok ? undefined : errors.dataFileNotSaved(health.lastError ?? 'unknown error', retryAfterSeconds);
    },
    idleTimeoutMs: options.http2IdleTimeoutMs,
  });
  const port = await server.listen(options.port ?? 0, host);
  const endpoint = `https://${host.includes(':') ? `[${host}]` : host}:${port}`;
  site.endpoint = endpoint;

  const tempDir = options.dataFile ? undefined : mkdtempSync(path.join(tmpdir(), 'azbackup-sandbox-'));
  const caFile = options.dataFile ? `${options.dataFile}.ca.pem` : path.join(tempDir ?? '', 'sandbox-ca.pem');
  try {
    await writeAtomically(caFile, tls.cert);
  } catch (e) {
    await server.close();
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
    throw e;
  }
  persister.markDirty();
  arm();

  const control = createControl(
    store,
    engine,
    () => clock.nowMs(),
    () => {
      persister.markDirty();
      arm();
    },
    () => persister.health(),
  );

  return {
    endpoint,
    ca: tls.cert,
    caFile,
    tenantId: store.tenantId,
    subscriptionIds: () => store.allSubscriptions().map((s) => s.subscriptionId),
    pageSizes: site.pageSizes,
    requestLog: { entries: () => log.entries(), clear: () => log.clear() },
    clock: {
      now: () => new Date(clock.nowMs()),
      advance: (ms) => {
        clock.advance(ms);
        engine.runDue();
        persister.markDirty();
        arm();
      },
      setSpeed: (s) => {
        clock.setSpeed(s);
        arm();
      },
    },
    setFaults: (f) => faults.set(f),
    setGraphIngestionDelay: (ms) => {
      site.resourceGraph.ingestionDelayMs = Math.max(0, ms);
    },
    setGraphQuota: (quota) => {
      site.resourceGraph.quota = resolveGraphOptions({ quota }).quota;
    },
    connectionsOpened: () => server.connectionsOpened(),
    control,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      if (timer) clearTimeout(timer);
      await server.close();
      persister.dispose();
      persister.markDirty();
      await persister.flush();
      if (tempDir) rmSync(tempDir, { recursive: true, force: true });
    },
  };
}
