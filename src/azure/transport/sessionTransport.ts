// What one Azure session sends through and schedules with: its HTTP client (shared connections), its response queue
// and its start gate. Every client set and service of a session uses the same one, so the gate bounds the starts of
// all the session's fan-outs together; another session (another tenant, a test) has its own and never waits on it.
import type { HttpClient } from '@azure/core-rest-pipeline';
import type { AzureSession } from '../session';
import { createSessionHttpClient } from './httpClient';
import { ResponseQueue } from './responseQueue';
import { StartGate } from './startGate';

/** The user's HTTP/2 choice as the extension last passed it (allowHttp2); a session's own setting overrides it. */
let http2Preference = true;

/** Whether calls may use HTTP/2 unless a session says otherwise (the extension passes its setting; read per call). */
export function allowHttp2(allowed: boolean): void {
  http2Preference = allowed;
}

export class SessionTransport {
  readonly queue = new ResponseQueue();
  readonly gate = new StartGate(this.queue);
  /** This session's HTTP/2 setting, read per call; undefined follows the extension's preference. */
  http2: boolean | undefined;
  private client: HttpClient | undefined;

  constructor(private readonly caCertificate?: string) {}

  /** Made on first use: a session that only schedules opens nothing. */
  get http(): HttpClient {
    return (this.client ??= createSessionHttpClient(this.caCertificate, () => this.http2 ?? http2Preference));
  }

  /** At most `limit` of `fn` in flight over `items`, each start through this session's gate; results in input order. */
  mapWithConcurrency<T, R>(
    items: readonly T[],
    limit: number,
    fn: (item: T, index: number) => Promise<R>,
    signal?: AbortSignal,
  ): Promise<R[]> {
    return this.gate.map(items, limit, fn, signal);
  }
}

const perSession = new WeakMap<AzureSession, SessionTransport>();

/**
 * The session's transport, made on first use. The subscription list (sign-in) and the backup service share it, so
 * the service's first calls reuse sign-in's connections and TLS session tickets instead of fresh full handshakes.
 */
export function transportFor(session: AzureSession): SessionTransport {
  let transport = perSession.get(session);
  if (!transport) perSession.set(session, (transport = new SessionTransport(session.environment.caCertificate)));
  return transport;
}
