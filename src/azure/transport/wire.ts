// Bulk lists read as plain JSON through the SDK client's own pipeline (its auth, retry, TLS, logging and
// error-body policies, and the session's shared HTTP client) instead of the generated deserializers. A CPU
// profile of the 5,000-VM tree load put most client time in core-client's polymorphic deserializer and the
// modular SDKs' field mapping, work the domain mappers in convert/ then redo; the wire JSON maps directly.
import type { HttpClient, HttpHeaders, Pipeline, PipelineResponse } from '@azure/core-rest-pipeline';
import { createPipelineRequest, RestError } from '@azure/core-rest-pipeline';
import type { ResponseQueue } from './responseQueue';

export interface WireSender {
  pipeline: Pipeline;
  http: HttpClient;
  /** The session's response queue, where the answer's JSON is parsed. */
  queue: ResponseQueue;
  /** The environment's ARM endpoint, without a trailing slash. */
  endpoint: string;
}

export interface WirePage {
  value: unknown[];
  nextLink?: string;
}

/** The first page's URL: the path on the endpoint with api-version and, when given, $filter (encoded as the SDKs do). */
export function firstPageUrl(endpoint: string, path: string, apiVersion: string, filter?: string): string {
  const query = `api-version=${encodeURIComponent(apiVersion)}${filter ? `&$filter=${encodeURIComponent(filter)}` : ''}`;
  return `${endpoint.replace(/\/+$/, '')}${path}?${query}`;
}

/** A nextLink is fetched verbatim; api-version is added only when missing (the modular SDKs' rule). */
export function nextPageUrl(nextLink: string, apiVersion: string): string {
  return /[?&]api-version=/i.test(nextLink)
    ? nextLink
    : `${nextLink}${nextLink.includes('?') ? '&' : '?'}api-version=${encodeURIComponent(apiVersion)}`;
}

/** 200 answers are handed over as a stream (the others are read as text for the error policies). */
const STREAM_OK = new Set([200]);

/**
 * GET one page. Non-2xx answers throw a RestError carrying the response, which AzureError.from reads. A 200's
 * body is taken as a stream, so no pipeline policy parses it as it arrives (the backup client's deserialization
 * policy would, inside the burst of answers of a fan-out): its JSON is parsed in a slice of the shared queue.
 */
export async function getWirePage(sender: WireSender, url: string, signal?: AbortSignal): Promise<WirePage> {
  return toWirePage(await sendWire(sender, 'GET', url, undefined, signal));
}

/**
 * One call with an optional JSON body; the answer's parsed JSON (`onHeaders` sees the final answer's headers). A GET takes any 2xx (as the lists always did), a
 * POST only 200 (as Resource Graph's SDK does); anything else throws a RestError with the response and, as the
 * modular SDKs attach it, the parsed error body under `details`.
 */
export async function sendWire(
  sender: WireSender,
  method: 'GET' | 'POST',
  url: string,
  body?: unknown,
  signal?: AbortSignal,
  onHeaders?: (headers: HttpHeaders) => void,
): Promise<unknown> {
  const request = createPipelineRequest({ url, method, abortSignal: signal });
  request.headers.set('Accept', 'application/json');
  if (body !== undefined) {
    request.headers.set('Content-Type', 'application/json');
    request.body = JSON.stringify(body);
  }
  request.streamResponseStatusCodes = STREAM_OK;
  const response = await sender.pipeline.sendRequest(sender.http, request);
  onHeaders?.(response.headers);
  if (method === 'GET' ? response.status < 200 || response.status >= 300 : response.status !== 200) {
    response.readableStreamBody?.resume();
    const error = new RestError(`${method} ${new URL(url).pathname} failed with status ${response.status}`, {
      statusCode: response.status,
      request,
      response,
    });
    const details = errorDetails(response.bodyAsText);
    if (details !== undefined) Object.assign(error, { details });
    throw error;
  }
  const bytes = response.readableStreamBody
    ? await readAll(response.readableStreamBody)
    : Buffer.from(response.bodyAsText ?? '');
  return sender.queue.inSlice(() => parseBody(bytes, response), bytes.length);
}

function errorDetails(text: string | undefined | null): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/** A body read to its end as one Buffer. */
export function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer | string) => {
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    });
    stream.on('end', () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

/** As the SDKs parse: an empty body is no value; invalid JSON is a RestError with PARSE_ERROR. */
function parseBody(body: Buffer, response: PipelineResponse): unknown {
  if (body.length === 0) return {};
  const text = body.toString('utf8');
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new RestError(`Error "${String(e)}" occurred while parsing the response body - ${text.slice(0, 500)}.`, {
      code: RestError.PARSE_ERROR,
      statusCode: response.status,
      request: response.request,
      response,
    });
  }
}

function toWirePage(body: unknown): WirePage {
  const o = typeof body === 'object' && body !== null ? (body as { value?: unknown; nextLink?: unknown }) : {};
  return {
    value: Array.isArray(o.value) ? o.value : [],
    ...(typeof o.nextLink === 'string' && o.nextLink.length > 0 ? { nextLink: o.nextLink } : {}),
  };
}
