// core-rest-pipeline's HttpClient over HTTP/2 (ARM negotiates h2): every call to an origin is a stream on that
// origin's one connection (http2Sessions.ts). It behaves as core's Node client does (nodeHttpClient in
// @typespec/ts-http-runtime) for what our pipelines send: buffered JSON bodies, abort and timeout as AbortError,
// gzip/deflate decoded when asked for, streamed bodies for the statuses a caller streams. Anything else, and any
// origin or call that HTTP/2 cannot serve, goes through the HTTP/1.1 client unchanged.
import * as http2 from 'node:http2';
import { pipeline, type Readable } from 'node:stream';
import * as zlib from 'node:zlib';
import {
  createHttpHeaders,
  type HttpClient,
  type HttpHeaders,
  type PipelineRequest,
  type PipelineResponse,
  RestError,
} from '@azure/core-rest-pipeline';
import type { Http2Sessions } from './http2Sessions';

const { NGHTTP2_CANCEL, NGHTTP2_HTTP_1_1_REQUIRED } = http2.constants;

/** Headers that only mean something to one HTTP/1.1 connection; HTTP/2 forbids them. */
const CONNECTION_SPECIFIC = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'host',
]);

/** The error core's clients reject with on abort or timeout; callers (and the retry policy) look at its name. */
class AbortError extends Error {
  override readonly name = 'AbortError';
}

/** The server asked for this call over HTTP/1.1 (RST_STREAM HTTP_1_1_REQUIRED): ARM does so for some calls. */
const HTTP1_REQUIRED = Symbol('http1Required');

export function createHttp2Client(
  http1: HttpClient,
  sessions: Http2Sessions,
  allowed: () => boolean = () => true,
): HttpClient {
  return {
    async sendRequest(request) {
      const body = allowed() ? bufferedBody(request) : null;
      if (body === null) return http1.sendRequest(request);
      const url = new URL(request.url);
      // No open h2 connection yet: this call goes over HTTP/1.1 while one is made in the background (see readyFor).
      const session = sessions.readyFor(url);
      if (!session) return http1.sendRequest(request);
      let stream: http2.ClientHttp2Stream;
      try {
        stream = session.request(requestHeaders(request, url, body), { endStream: body === undefined });
      } catch (e) {
        // The session went away between handing it out and this call (GOAWAY, closed): HTTP/1.1 takes this one.
        sessions.forget(session);
        if (isGoneSession(e)) return http1.sendRequest(request);
        throw new RestError(messageOf(e), { code: codeOf(e) ?? RestError.REQUEST_SEND_ERROR, request });
      }
      sessions.track(session, stream);
      const outcome = await exchange(stream, request, body);
      return outcome === HTTP1_REQUIRED ? http1.sendRequest(request) : outcome;
    },
  };
}

/**
 * The body as bytes, undefined for none, or null when this call must go over HTTP/1.1: a proxy's agent or
 * settings, plain http, streamed or form bodies, progress callbacks, or options only core's client knows.
 */
function bufferedBody(request: PipelineRequest): Buffer | undefined | null {
  if (
    !request.url.startsWith('https:') ||
    request.agent ||
    request.proxySettings ||
    request.disableKeepAlive ||
    request.requestOverrides ||
    request.onUploadProgress ||
    request.onDownloadProgress ||
    request.formData ||
    request.multipartBody
  ) {
    return null;
  }
  const { body } = request;
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  return null;
}

function requestHeaders(request: PipelineRequest, url: URL, body: Buffer | undefined): http2.OutgoingHttpHeaders {
  const out: http2.OutgoingHttpHeaders = { ':method': request.method, ':path': `${url.pathname}${url.search}` };
  for (const [name, value] of request.headers) {
    const lower = name.toLowerCase();
    if (CONNECTION_SPECIFIC.has(lower) || (lower === 'te' && value !== 'trailers')) continue;
    out[lower] = value;
  }
  if (body && out['content-length'] === undefined) out['content-length'] = body.length;
  return out;
}

/** One call on one stream: its response, or HTTP1_REQUIRED. Settles once; a streamed body outlives the settling. */
function exchange(
  stream: http2.ClientHttp2Stream,
  request: PipelineRequest,
  body: Buffer | undefined,
): Promise<PipelineResponse | typeof HTTP1_REQUIRED> {
  return new Promise((resolve, reject) => {
    const signal = request.abortSignal;
    let settled = false;
    let responded = false;
    let streamedBody: Readable | undefined;
    let lastError: Error | undefined;
    let timer: NodeJS.Timeout | undefined;

    const settle = (done: () => void): void => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      if (!streamedBody) signal?.removeEventListener('abort', onAbort);
      done();
    };
    const cancel = (): void => {
      const error = new AbortError('The operation was aborted.');
      stream.close(NGHTTP2_CANCEL);
      streamedBody?.destroy(error);
      settle(() => reject(error));
    };
    const onAbort = (): void => cancel();

    if (signal?.aborted) {
      stream.close(NGHTTP2_CANCEL);
      reject(new AbortError('The operation was aborted. Request has already been canceled.'));
      return;
    }
    signal?.addEventListener('abort', onAbort);
    if (request.timeout > 0) timer = setTimeout(cancel, request.timeout);

    stream.on('error', (e) => {
      lastError = e;
    });
    stream.once('close', () => {
      if (streamedBody) signal?.removeEventListener('abort', onAbort);
      if (responded) return;
      if (stream.rstCode === NGHTTP2_HTTP_1_1_REQUIRED) settle(() => resolve(HTTP1_REQUIRED));
      else settle(() => reject(lostError(request, lastError, stream.rstCode)));
    });
    stream.once('response', (raw) => {
      responded = true;
      if (timer) clearTimeout(timer);
      const headers = responseHeaders(raw);
      const response: PipelineResponse = { status: Number(raw[':status']), headers, request };
      if (request.method === 'HEAD') {
        stream.resume();
        settle(() => resolve(response));
        return;
      }
      const decoded = decode(stream, headers, request);
      const codes = request.streamResponseStatusCodes;
      if (codes?.has(Number.POSITIVE_INFINITY) || codes?.has(response.status)) {
        response.readableStreamBody = streamedBody = decoded;
        settle(() => resolve(response));
        return;
      }
      readText(decoded, () => lastError, request).then(
        (text) => settle(() => resolve({ ...response, bodyAsText: text })),
        (e: unknown) => settle(() => reject(e)),
      );
    });
    if (body) stream.end(body);
  });
}

function responseHeaders(raw: http2.IncomingHttpHeaders): HttpHeaders {
  const headers = createHttpHeaders();
  for (const [name, value] of Object.entries(raw)) {
    if (name.startsWith(':') || value === undefined) continue;
    // As core's client: the first of a repeated header.
    if (Array.isArray(value)) {
      if (value.length > 0) headers.set(name, value[0]);
    } else {
      headers.set(name, String(value));
    }
  }
  return headers;
}

/** As core's client: decoded only when the request asked for gzip or deflate. */
function decode(stream: http2.ClientHttp2Stream, headers: HttpHeaders, request: PipelineRequest): Readable {
  const accepted = request.headers.get('accept-encoding') ?? '';
  if (!accepted.includes('gzip') && !accepted.includes('deflate')) return stream;
  const encoding = headers.get('content-encoding');
  const decoder = encoding === 'gzip' ? zlib.createGunzip() : encoding === 'deflate' ? zlib.createInflate() : undefined;
  if (!decoder) return stream;
  pipeline(stream, decoder, () => undefined);
  return decoder;
}

function readText(body: Readable, lastError: () => Error | undefined, request: PipelineRequest): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let ended = false;
    body.on('data', (chunk: Buffer) => chunks.push(chunk));
    body.once('end', () => {
      ended = true;
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    body.on('error', () => undefined);
    // A stream reset mid-body closes without 'end': the answer was lost, as when an HTTP/1.1 socket drops.
    body.once('close', () => {
      if (!ended) reject(lostError(request, lastError(), undefined));
    });
  });
}

/**
 * A call that got no (complete) answer: the stream was reset or its connection went. ECONNRESET, because that is
 * what HTTP/1.1 reports for a dropped connection, and what core's retry strategy and AzureError count as transient
 * (core's retry does not resend a REQUEST_SEND_ERROR).
 */
function lostError(request: PipelineRequest, cause: Error | undefined, rstCode: number | undefined): RestError {
  const why = cause?.message ?? (rstCode ? `stream reset with code ${rstCode}` : 'stream closed');
  return new RestError(`The HTTP/2 stream closed before the response was complete (${why}).`, {
    code: 'ECONNRESET',
    request,
  });
}

function isGoneSession(e: unknown): boolean {
  const code = codeOf(e);
  return code === 'ERR_HTTP2_GOAWAY_SESSION' || code === 'ERR_HTTP2_INVALID_SESSION';
}

function codeOf(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
