/**
 * The HTTPS front door, HTTP/2 and HTTP/1.1 on one port (as ARM, which negotiates h2 by ALPN): latency and faults, body limits, Bearer check, api-version, routing,
 * ARM headers and errors, request log. Route handlers are synchronous functions returning a Reply.
 */
import { randomUUID } from 'node:crypto';
import * as http2 from 'node:http2';
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { checkApiVersion, checkApiVersionForRoute } from './apiVersion';
import { ArmError, errors } from './errors';
import { drop, isGone, isHttp2, type Request, type Response } from './exchange';
import type { ExchangeRecorder } from './exchangeRecorder';
import type { FaultInjector } from './faults';
import type { FaultKind } from '../types';
import { jsonDepth, MAX_JSON_DEPTH } from './jsonDepth';
import { parseRequestTarget } from './requestTarget';
import type { RequestLog } from './requestLog';
import { decodeSegment, queryValue, type Reply, type Router, splitPath } from './router';
import type { TlsMaterial } from './tls';

const MAX_BODY_BYTES = 4 * 1024 * 1024;
/** Streams one HTTP/2 connection may have open at once (clients queue the rest), and its buffers' bound in MB. */
export const HTTP2_MAX_CONCURRENT_STREAMS = 256;
export const HTTP2_MAX_SESSION_MEMORY_MB = 64;
/** An HTTP/2 connection with no frames for this long is closed (GOAWAY; a client opens a new one when it needs to). */
export const HTTP2_IDLE_TIMEOUT_MS = 5 * 60_000;

export interface ServerDeps {
  router: Router;
  tls: TlsMaterial;
  log: RequestLog;
  faults: FaultInjector;
  latencyMs: number;
  retryAfterSeconds: number;
  /** Runs due state transitions before a request is handled. */
  beforeHandle(): void;
  /** Persists and reschedules after a request that may have changed state. */
  afterHandle(method: string): void;
  /** Set only when answers are recorded for the conformance test (AZB_SANDBOX_RECORD). */
  record?: ExchangeRecorder;
  /** Why changes are refused now (the data file cannot be saved), or undefined when they are taken. */
  refuseChanges?(): ArmError | undefined;
  /** Closes HTTP/2 connections idle this long; HTTP2_IDLE_TIMEOUT_MS unless given. */
  idleTimeoutMs?: number;
  /** Where faults of the sandbox itself are told (standard error by default). */
  report?(message: string): void;
}

export class SandboxServer {
  private readonly server: http2.Http2SecureServer;
  private readonly sockets = new Set<Socket>();
  private readonly sessions = new Set<http2.ServerHttp2Session>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly opened = { total: 0, http2: 0 };

  constructor(private readonly deps: ServerDeps) {
    this.server = http2.createSecureServer(
      {
        cert: deps.tls.cert,
        key: deps.tls.key,
        allowHTTP1: true,
        settings: { maxConcurrentStreams: HTTP2_MAX_CONCURRENT_STREAMS },
        maxSessionMemory: HTTP2_MAX_SESSION_MEMORY_MB,
      },
      (req: Request, res: Response) => this.guarded(req, res, undefined, () => this.onRequest(req, res)),
    );
    this.server.on('secureConnection', (socket: TLSSocket) => {
      this.opened.total++;
      if (socket.alpnProtocol === 'h2') this.opened.http2++;
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    this.server.on('session', (session: http2.ServerHttp2Session) => {
      this.sessions.add(session);
      session.on('close', () => this.sessions.delete(session));
      session.on('error', () => undefined);
      session.setTimeout(deps.idleTimeoutMs ?? HTTP2_IDLE_TIMEOUT_MS, () => session.close());
    });
    // Plain TCP sockets before the TLS handshake, so stop() can destroy them too.
    this.server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  listen(port: number, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        const addr = this.server.address();
        resolve(typeof addr === 'object' && addr ? addr.port : port);
      });
    });
  }

  /** TLS connections accepted so far, and how many of them speak HTTP/2. */
  connectionsOpened(): { total: number; http2: number } {
    return { ...this.opened };
  }

  async close(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const s of this.sessions) s.destroy();
    this.sessions.clear();
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    await closed;
  }

  private delay(ms: number, fn: () => void): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    this.timers.add(t);
  }

  /** Runs `fn` at `time` (epoch ms), or now if that has passed. */
  private at(time: number, fn: () => void): void {
    const wait = time - Date.now();
    if (wait > 0) this.delay(wait, fn);
    else fn();
  }

  /**
   * The last resort: whatever a request's handling throws outside the routes' own error handling is told on standard
   * error and answered 500, and the process lives on (one bad request must not end the sandbox for every client).
   */
  private guarded(req: Request, res: Response, meta: RequestMeta | undefined, fn: () => void): void {
    try {
      fn();
    } catch (e) {
      const m = meta ?? {
        started: Date.now(),
        requestId: randomUUID(),
        path: String(req.url),
        query: '',
        method: String(req.method),
      };
      (this.deps.report ?? ((line: string) => console.error(line)))(
        `Sandbox: request ${m.requestId} (${m.method} ${m.path}) failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
      );
      try {
        if (isGone(req, res)) return;
        if (res.headersSent) {
          drop(req);
          return;
        }
        const payload = Buffer.from(JSON.stringify(errors.internal(m.requestId).toBody(m.path)), 'utf8');
        res.writeHead(500, {
          'Content-Type': 'application/json; charset=utf-8',
          'Content-Length': String(payload.length),
          'x-ms-request-id': m.requestId,
        });
        res.end(payload);
        this.logEntry(m, 500, undefined, payload.length);
      } catch {
        drop(req);
      }
    }
  }

  private onRequest(req: Request, res: Response): void {
    const started = Date.now();
    const requestId = randomUUID();
    const method = (req.method ?? 'GET').toUpperCase();
    const target = parseRequestTarget(req.url ?? '/');
    const url = target.ok ? { pathname: target.path, searchParams: target.query } : undefined;
    const meta = {
      started,
      requestId,
      path: target.ok ? target.path : (req.url ?? ''),
      query: target.ok ? target.search : '',
      method,
    };
    if (!target.ok || !url) {
      req.resume();
      this.send(
        req,
        res,
        meta,
        errorReply(errors.invalidRequestUri(req.url ?? '', target.ok ? '' : target.reason), ''),
        started + this.deps.latencyMs,
      );
      return;
    }
    // The configured latency is each call's service time, as a service handling calls in parallel has it: a plain
    // call is handled on arrival and answered once the latency has passed since it arrived. Handling it only after
    // the latency queued every answer of a burst behind the others' handling, on the sandbox's one thread, so a
    // burst's last answer came late by the whole burst's work. The fault is picked on arrival too, in arrival order.
    const fault = this.deps.faults.pick(meta.method, meta.path);
    if (!fault) {
      this.readBody(req, res, url, meta, started + this.deps.latencyMs);
      return;
    }
    this.at(started + this.deps.latencyMs, () =>
      this.guarded(req, res, meta, () => this.injectFault(fault, req, res, url, meta)),
    );
  }

  private injectFault(fault: FaultKind, req: Request, res: Response, url: Target, meta: RequestMeta): void {
    if (fault === 'reset') {
      this.logEntry(meta, 0);
      drop(req);
      return;
    }
    if (fault === 'dropResponse') {
      this.readBody(req, res, url, meta, 0, true);
      return;
    }
    if (fault === 'stall') {
      // Hold the answer back; the client's timeout or abort decides what happens. A client that gives up first is
      // logged at that moment as 499 (nginx's "client closed request"), so a test can tell aborted from waiting.
      res.once('close', () => {
        if (!res.writableEnded) this.logEntry(meta, 499);
      });
      this.delay(this.deps.faults.stallMs, () =>
        this.guarded(req, res, meta, () => this.readBody(req, res, url, meta, 0)),
      );
      return;
    }
    const retryAfter = this.deps.faults.retryAfterSeconds ?? this.deps.retryAfterSeconds;
    const e =
      fault === 'throttle'
        ? errors.injectedThrottle(retryAfter)
        : fault === 'unavailable'
          ? errors.injectedUnavailable(retryAfter)
          : fault === 'forbidden'
            ? errors.injectedForbidden(meta.method, meta.path)
            : errors.injectedInternal();
    req.resume();
    this.send(req, res, meta, errorReply(e, meta.path), 0);
  }

  /** Reads the body and handles the call now; the answer leaves at `answerAt` (epoch ms) or at once if that has passed. */
  private readBody(
    req: Request,
    res: Response,
    url: Target,
    meta: RequestMeta,
    answerAt: number,
    dropResponse = false,
  ): void {
    if (isGone(req, res)) return;
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () =>
      this.guarded(req, res, meta, () => {
        if (tooLarge) {
          this.send(req, res, meta, errorReply(errors.bodyTooLarge(MAX_BODY_BYTES), meta.path), answerAt);
          return;
        }
        const reply = this.handle(req, url, meta, Buffer.concat(chunks));
        if (dropResponse) {
          // Processed, but the client never hears back (logged as status 0, like a reset).
          this.logEntry(meta, 0);
          drop(req);
          return;
        }
        this.send(req, res, meta, reply, answerAt);
      }),
    );
    req.on('error', () => undefined);
  }

  private handle(req: Request, url: Target, meta: RequestMeta, raw: Buffer): Reply {
    // Until a route takes the call, ARM itself answers (sign-in, api-version, routing, the body), in its own envelope.
    let answeredBy = '';
    try {
      checkBearer(req.headers.authorization ?? '');
      const apiVersion = checkApiVersion(queryValue(url.searchParams, 'api-version'));
      const segments = splitPath(url.pathname).map(decodeSegment);
      const match = this.deps.router.match(meta.method, segments);
      if (match.kind === 'none') throw errors.notFoundRoute(meta.method, url.pathname);
      if (match.kind === 'methodNotAllowed') {
        throw errors.methodNotAllowed(meta.method, url.pathname);
      }
      checkApiVersionForRoute(apiVersion, segments);
      const body = parseBody(req, raw);
      answeredBy = meta.path;
      if (!match.readOnly) {
        const refusal = this.deps.refuseChanges?.();
        if (refusal) throw refusal;
      }
      this.deps.beforeHandle();
      const reply = match.handler({
        method: meta.method,
        rawPath: url.pathname,
        params: match.params,
        query: url.searchParams,
        body,
        headers: req.headers,
        apiVersion,
      });
      this.deps.afterHandle(meta.method);
      return reply;
    } catch (e) {
      if (e instanceof ArmError) return errorReply(e, answeredBy);
      const message = e instanceof Error ? e.message : String(e);
      return errorReply(errors.sandboxBug(message), answeredBy);
    }
  }

  /** Builds the answer now (headers, the body encoded once) and writes it at `answerAt`. */
  private send(req: Request, res: Response, meta: RequestMeta, reply: Reply, answerAt: number): void {
    if (isGone(req, res)) return;
    const headers: Record<string, string> = {
      'x-ms-request-id': meta.requestId,
      'x-ms-correlation-request-id': headerValue(req, 'x-ms-correlation-request-id') ?? meta.requestId,
      'x-ms-routing-request-id': `SANDBOX:${new Date().toISOString().replace(/[-:]|\.\d+/g, '')}:${meta.requestId}`,
      'Cache-Control': 'no-cache',
      Pragma: 'no-cache',
      Expires: '-1',
      ...reply.headers,
    };
    const clientId = headerValue(req, 'x-ms-client-request-id');
    if (clientId) headers['x-ms-client-request-id'] = clientId;
    if (reply.status === 202 && !Object.keys(headers).some((h) => h.toLowerCase() === 'retry-after')) {
      headers['Retry-After'] = String(this.deps.retryAfterSeconds);
    }
    let payload: Buffer | undefined;
    if (reply.body !== undefined && meta.method !== 'HEAD') {
      // Encoded once into a Buffer: a string body is joined to the header string by http and then encoded again
      // on the TLS socket, which made writing a 100 KB page several times dearer than serialising it.
      payload = Buffer.from(JSON.stringify(reply.body), 'utf8');
      headers['Content-Type'] = 'application/json; charset=utf-8';
      headers['Content-Length'] = String(payload.length);
    } else {
      headers['Content-Length'] = '0';
    }
    // HTTP/1.1 only: HTTP/2 has no connection headers (its connection carries other calls).
    if (reply.status === 413 && !isHttp2(req)) headers.Connection = 'close';
    const write = (): void =>
      this.guarded(req, res, meta, () => {
        if (isGone(req, res)) return;
        res.writeHead(reply.status, headers);
        if (payload) res.end(payload);
        else res.end();
        this.logEntry(meta, reply.status, reply.logDetail, payload?.length ?? 0);
        this.deps.record?.({
          method: meta.method,
          path: meta.path,
          query: meta.query,
          status: reply.status,
          headers,
          body: payload ? reply.body : undefined,
        });
      });
    this.at(answerAt, write);
  }

  private logEntry(meta: RequestMeta, status: number, detail?: string, responseBytes?: number): void {
    this.deps.log.add({
      method: meta.method,
      path: meta.path,
      query: meta.query,
      status,
      durationMs: Date.now() - meta.started,
      requestId: meta.requestId,
      at: new Date(meta.started).toISOString(),
      ...(detail ? { detail } : {}),
      ...(responseBytes !== undefined ? { responseBytes } : {}),
    });
  }
}

/** The parsed request target, as handlers read it. */
interface Target {
  pathname: string;
  searchParams: URLSearchParams;
}

interface RequestMeta {
  started: number;
  requestId: string;
  path: string;
  query: string;
  method: string;
}

function headerValue(req: Request, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * Any Bearer token is accepted, except that tokens starting with 'expired' are treated as expired, so tests
 * can exercise ARM's answer to an expired token (401 ExpiredAuthenticationToken + WWW-Authenticate).
 * The token itself is never echoed or logged.
 */
function checkBearer(auth: string): void {
  const token = /^Bearer\s+(\S+)/i.exec(auth)?.[1];
  if (!token) {
    throw errors.notBearer();
  }
  if (/^expired/i.test(token)) {
    const now = new Date().toISOString();
    throw errors.tokenExpired(now);
  }
}

function errorReply(e: ArmError, path: string): Reply {
  return { status: e.status, body: e.toBody(path), headers: e.headers };
}

function parseBody(req: Request, raw: Buffer): unknown {
  if (raw.length === 0) return undefined;
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (type && !/^application\/([a-z.+-]*\+)?json\b/.test(type) && !type.startsWith('text/json')) {
    throw errors.unsupportedMediaType(type);
  }
  const text = raw.toString('utf8');
  // Refused before parsing: stored, a body nested thousands deep overflows the stack when it is serialised again.
  if (jsonDepth(text) > MAX_JSON_DEPTH) throw errors.jsonTooDeep(MAX_JSON_DEPTH);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw errors.invalidJson(e instanceof Error ? e.message : 'parse error');
  }
}
