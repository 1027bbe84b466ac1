// SDK clients for one session, built for its environment: endpoint, token scope and TLS trust.
// The sandbox's CA goes into these clients' own tlsOptions, never into the process.
import { ComputeManagementClient } from '@azure/arm-compute';
import { createNetworkManagement, type NetworkManagementContext } from '@azure/arm-network/api';
import { RecoveryServicesClient } from '@azure/arm-recoveryservices';
import { RecoveryServicesBackupClient } from '@azure/arm-recoveryservicesbackup';
import { ResourceGraphClient } from '@azure/arm-resourcegraph';
import { ResourceManagementClient } from '@azure/arm-resources';
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import { createStorageManagement, type StorageManagementContext } from '@azure/arm-storage/api';
import {
  formDataPolicyName,
  type HttpClient,
  type Pipeline,
  type PipelinePolicy,
  proxyPolicyName,
} from '@azure/core-rest-pipeline';
import { callLogPolicy } from './transport/callLogPolicy';
import { emptySegmentPolicy } from './transport/emptySegmentPolicy';
import { errorBodyPolicy } from './transport/errorBodyPolicy';
import { DEFAULT_MAX_RETRY_AFTER_MS, retryAfterCapPolicy } from './transport/retryAfterCap';
import { type SessionTransport, transportFor } from './transport/sessionTransport';
import { unconfirmedWritePolicy } from './transport/unconfirmedWrite';
import type { WireSender } from './transport/wire';
import type { AzureCallLogger, AzureSession, RetrySettings } from './session';

export interface ClientSet {
  subscriptions(): SubscriptionClient;
  resources(subscriptionId: string): ResourceManagementClient;
  compute(subscriptionId: string): ComputeManagementClient;
  /** Network and Storage as their modular SDKs' contexts (their whole clients would double the bundle): see operations/restoreTargets.ts. */
  network(subscriptionId: string): NetworkManagementContext;
  storage(subscriptionId: string): StorageManagementContext;
  vaults(subscriptionId: string): RecoveryServicesClient;
  backup(subscriptionId: string): RecoveryServicesBackupClient;
  /** Tenant-level Azure Resource Graph (cross-subscription queries, e.g. the VM list at 1,000 rows per page). */
  resourceGraph(): ResourceGraphClient;
  /** The one HTTP client (keep-alive agents) every SDK client of this set sends through. */
  http: HttpClient;
  /** The session's HTTP client, response queue and start gate. */
  transport: SessionTransport;
  /** Sends plain JSON through `pipeline` (an SDK client's) and this session's HTTP client and queue. */
  wire(pipeline: Pipeline): WireSender;
  endpoint: string;
}

export interface ClientSetOptions {
  logger?: AzureCallLogger;
  retry?: RetrySettings;
}

const DEFAULT_RETRY = { maxRetries: 3, retryDelayInMs: 800, maxRetryDelayInMs: 30_000 };

/** Common pipeline options, shared by both SDK generations. */
export function pipelineOptions(session: AzureSession, options: ClientSetOptions = {}) {
  const { environment } = session;
  const { maxRetryAfterMs = DEFAULT_MAX_RETRY_AFTER_MS, ...retry } = options.retry ?? {};
  // perRetry policies see every attempt; the first listed wraps the others (so the call log records the answer
  // whose wait is refused, and the attempt whose answer was lost).
  const additionalPolicies: { policy: PipelinePolicy; position: 'perCall' | 'perRetry' }[] = [
    { policy: emptySegmentPolicy(), position: 'perCall' },
    { policy: unconfirmedWritePolicy(), position: 'perRetry' },
    { policy: retryAfterCapPolicy(maxRetryAfterMs), position: 'perRetry' },
    { policy: errorBodyPolicy(), position: 'perRetry' },
    ...(options.logger ? [{ policy: callLogPolicy(options.logger), position: 'perRetry' as const }] : []),
  ];
  return {
    endpoint: environment.resourceManagerEndpoint,
    retryOptions: { ...DEFAULT_RETRY, ...retry },
    additionalPolicies,
    ...(environment.caCertificate ? { tlsOptions: { ca: environment.caCertificate } } : {}),
    userAgentOptions: { userAgentPrefix: 'vscode-azure-backup' },
  };
}

/**
 * The client with our pipeline: the SDK's, less its form-data and proxy policies (ours are added by pipelineOptions).
 * ARM's APIs take JSON, never form data, but the SDK pipelines' form-data policy checks every request body with
 * `instanceof FormData`: that first touch of the global loads Node's bundled fetch implementation (undici),
 * ~45 ms of synchronous CPU inside the first Azure call of the extension host. Dropped from our clients.
 * The proxy policy goes too: choosing the proxy is VS Code's job (http.proxy, http.noProxy, HTTPS_PROXY, NO_PROXY,
 * http.proxySupport), which it does for every https request of an extension. The policy's own agent, from
 * HTTPS_PROXY alone, sent calls through the proxy that VS Code sends directly (the sandbox on loopback, NO_PROXY
 * hosts with http.proxySupport off), and dropped the session's CA on the way (a "self-signed certificate" error).
 */
function withOurPipeline<T extends { pipeline: Pipeline }>(client: T): T {
  client.pipeline.removePolicy({ name: formDataPolicyName });
  client.pipeline.removePolicy({ name: proxyPolicyName });
  return client;
}

export function createClientSet(session: AzureSession, options: ClientSetOptions = {}): ClientSet {
  // Shared, so the SDK clients of a session reuse one keep-alive agent and TLS context (see transport/httpClient.ts)
  // instead of one connection pool and TLS handshake set per client.
  const transport = transportFor(session);
  const http = transport.http;
  const common = { ...pipelineOptions(session, options), httpClient: http };
  const scopes = [session.environment.tokenScope];
  // Modular clients take scopes under `credentials`; the HLC backup client under `credentialScopes`.
  const modular = { ...common, credentials: { scopes } };
  const hlc = { ...common, credentialScopes: scopes };
  const cache = new Map<string, unknown>();
  const memo = <T>(key: string, make: () => T): T => {
    if (!cache.has(key)) {
      cache.set(key, make());
    }
    return cache.get(key) as T;
  };
  const cred = session.credential;
  return {
    subscriptions: () => memo('subscriptions', () => withOurPipeline(new SubscriptionClient(cred, modular))),
    resources: (id) => memo(`resources/${id}`, () => withOurPipeline(new ResourceManagementClient(cred, id, modular))),
    compute: (id) => memo(`compute/${id}`, () => withOurPipeline(new ComputeManagementClient(cred, id, modular))),
    network: (id) => memo(`network/${id}`, () => withOurPipeline(createNetworkManagement(cred, id, modular))),
    storage: (id) => memo(`storage/${id}`, () => withOurPipeline(createStorageManagement(cred, id, modular))),
    vaults: (id) => memo(`vaults/${id}`, () => withOurPipeline(new RecoveryServicesClient(cred, id, modular))),
    backup: (id) => memo(`backup/${id}`, () => withOurPipeline(new RecoveryServicesBackupClient(cred, id, hlc))),
    resourceGraph: () => memo('resourceGraph', () => withOurPipeline(new ResourceGraphClient(cred, modular))),
    http,
    transport,
    wire: (pipeline) => ({ pipeline, http, queue: transport.queue, endpoint: common.endpoint }),
    endpoint: common.endpoint,
  };
}
