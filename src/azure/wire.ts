// Bulk lists read as plain JSON through the SDK client's own pipeline (its auth, retry, TLS, logging and
// error-body policies, and the session's shared HTTP client) instead of the generated deserializers. A CPU
// profile of the 5,000-VM tree load put most client time in core-client's polymorphic deserializer and the
// modular SDKs' field mapping, work the domain mappers in convert/ then redo; the wire JSON maps directly.
import type { HttpClient, Pipeline, PipelineResponse } from '@azure/core-rest-pipeline';
import { createPipelineRequest, RestError } from '@azure/core-rest-pipeline';

export interface WireSender {
  pipeline: Pipeline;
  http: HttpClient;
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
  return /[?&]api-version=/i.test(nextLink) ? nextLink : `${nextLink}${nextLink.includes('?') ? '&' : '?'}api-version=${encodeURIComponent(apiVersion)}`;
}

/** GET one page. Non-2xx answers throw a RestError carrying the response, which AzureError.from reads. */
export async function getWirePage(sender: WireSender, url: string, signal?: AbortSignal): Promise<WirePage> {
  const request = createPipelineRequest({ url, method: 'GET', abortSignal: signal });
  request.headers.set('Accept', 'application/json');
  const response = await sender.pipeline.sendRequest(sender.http, request);
  if (response.status < 200 || response.status >= 300) {
    throw new RestError(`GET ${new URL(url).pathname} failed with status ${response.status}`, { statusCode: response.status, request, response });
  }
  return toWirePage(bodyOf(response));
}

/** The HLC pipeline's deserialization policy may already have parsed the body: reuse it rather than parse twice. */
function bodyOf(response: PipelineResponse): unknown {
  const parsed = (response as PipelineResponse & { parsedBody?: unknown }).parsedBody;
  if (parsed !== undefined) return parsed;
  return response.bodyAsText ? JSON.parse(response.bodyAsText) : {};
}

function toWirePage(body: unknown): WirePage {
  const o = typeof body === 'object' && body !== null ? (body as { value?: unknown; nextLink?: unknown }) : {};
  return {
    value: Array.isArray(o.value) ? o.value : [],
    ...(typeof o.nextLink === 'string' && o.nextLink.length > 0 ? { nextLink: o.nextLink } : {}),
  };
}
