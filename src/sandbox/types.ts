/** Public option and result types of the sandbox (re-exported by index.ts). */
import type { SandboxControl } from './control';
import type { ListKind } from './http/pageSizes';

export interface ScaleSpec {
  subscriptions: number;
  vaultsPerSubscription: number;
  vmsPerSubscription: number;
  protectedItems: number;
  jobs: number;
  regions?: string[];
}

/**
 * 'reset' drops the call before it is handled; 'dropResponse' handles it (state changes apply) and then drops
 * it instead of answering, like a response lost on the way back. Dropping a call destroys its connection on
 * HTTP/1.1 and resets only its stream on HTTP/2, whose connection carries other calls.
 * 'dropResponse' is never picked unless listed in `kinds`; nor is 'forbidden' (403 AuthorizationFailed, a
 * principal without read access to what the request targets, e.g. Resource Graph).
 */
export type FaultKind = 'throttle' | 'serverError' | 'unavailable' | 'reset' | 'stall' | 'dropResponse' | 'forbidden';

export interface FaultConfig {
  /** Probability per eligible request (0..1), drawn from the seeded generator. */
  rate?: number;
  kinds?: FaultKind[];
  stallMs?: number;
  /** Retry-After (seconds) of injected 429/503 answers; default: the sandbox's `retryAfterSeconds`. */
  retryAfterSeconds?: number;
  /** Only requests whose path matches this RegExp source (case-insensitive). */
  pathPattern?: string;
  methods?: string[];
  /** Inject at most this many, then stop. */
  count?: number;
  /** Async operations (enable/backup/stop/delete) end Failed with an ARM error. */
  failOperations?: boolean;
}

export interface SandboxOptions {
  port?: number;
  host?: string;
  dataFile?: string;
  seed?: 'story' | 'empty' | ScaleSpec;
  speed?: number;
  /** Entries per page of every list not named in `pageSizes` (without either: DEFAULT_PAGE_SIZES, http/pageSizes.ts). */
  pageSize?: number;
  /** Entries per page, per list. */
  pageSizes?: PageSizes;
  retryAfterSeconds?: number;
  /** Each call's service time: a call is handled on arrival and answered this long after it arrived. */
  latencyMs?: number;
  faults?: FaultConfig;
  randomSeed?: number;
  /** HTTP/2 connections idle this long are closed (GOAWAY); 5 minutes unless given. */
  http2IdleTimeoutMs?: number;
  /** Azure Resource Graph's behaviour; see routes/resourceGraph.ts. */
  resourceGraph?: ResourceGraphOptions;
}

export interface ResourceGraphOptions {
  /** How long a backup item's change takes at most to show in RecoveryServicesResources (simulated ms); 5 s unless given. */
  ingestionDelayMs?: number;
  /** Queries per caller and window; Azure's 15 per 5 s unless given; `false`: unlimited (no quota headers). */
  quota?: { requests: number; windowMs: number } | false;
}

export interface PageSizes {
  default?: number;
  subscriptions?: number;
  resourceGroups?: number;
  /** The generic listing of a subscription's resources (`/subscriptions/{sub}/resources`). */
  resources?: number;
  virtualMachines?: number;
  vaults?: number;
  backupProtectedItems?: number;
  backupJobs?: number;
  backupProtectableItems?: number;
  backupProtectionContainers?: number;
  backupPolicies?: number;
  recoveryPoints?: number;
  virtualNetworks?: number;
  storageAccounts?: number;
  disks?: number;
}

export interface RequestLogEntry {
  method: string;
  path: string;
  query: string;
  status: number;
  durationMs: number;
  requestId: string;
  at: string;
  /** What a request's body asked for when it matters to counting pages (Resource Graph: subscriptions and $skip). */
  detail?: string;
  /** Bytes of the answer's body as sent (before TLS and HTTP framing); absent when no answer was sent. */
  responseBytes?: number;
}

export interface RunningSandbox {
  endpoint: string;
  ca: string;
  caFile: string;
  tenantId: string;
  subscriptionIds(): string[];
  /** The page size of each list, as resolved from the options. */
  pageSizes: Readonly<Record<ListKind, number>>;
  requestLog: { entries(): RequestLogEntry[]; clear(): void };
  clock: { now(): Date; advance(ms: number): void; setSpeed(speed: number): void };
  setFaults(f: FaultConfig | undefined): void;
  /** Resource Graph's indexing delay from now on (simulated ms; a snapshot already taken is kept until it is this old). */
  setGraphIngestionDelay(ms: number): void;
  /** Resource Graph's quota from now on (fresh windows): as ResourceGraphOptions.quota, undefined being Azure's. */
  setGraphQuota(quota: ResourceGraphOptions['quota']): void;
  /** TLS connections accepted since start, and how many of them negotiated HTTP/2. */
  connectionsOpened(): { total: number; http2: number };
  control: SandboxControl;
  stop(): Promise<void>;
}
