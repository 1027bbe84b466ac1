// The one HTTP client of a session. Every SDK client sends through it, so connections are shared per session:
// HTTP/2 where the server speaks it (ARM does: one connection per origin, every call a stream on it; see
// http2Client.ts), else HTTP/1.1 through a keep-alive agent. A session with its own CA (sandbox) uses one prebuilt
// TLS context holding that CA only: without it, Node builds a context per new connection, and a tree load opening
// ~50 connections at once spent over 100 ms in one synchronous burst doing that. Other sessions' HTTP/1.1 agent
// takes no prebuilt context, so that VS Code's network support adds the certificates it trusts (http.systemCertificates)
// to each connection, as it does for any extension: a prebuilt context would shut them out.
import * as https from 'node:https';
import * as tls from 'node:tls';
import { createDefaultHttpClient, type HttpClient } from '@azure/core-rest-pipeline';
import { createHttp2Client } from './http2Client';
import { Http2Sessions } from './http2Sessions';

/**
 * `http2` is read per call (the session's setting, sessionTransport.ts); a proxy in the environment turns HTTP/2 off,
 * since a proxy is only honoured on HTTP/1.1, where VS Code's proxy support and the pipeline's proxy policy work.
 */
export function createSessionHttpClient(caCertificate?: string, http2: () => boolean = () => true): HttpClient {
  let context: tls.SecureContext | undefined;
  const contextFor = (): tls.SecureContext =>
    (context ??= tls.createSecureContext(caCertificate ? { ca: caCertificate } : {}));
  const allowed = (): boolean => http2() && !PROXY_VARIABLES.some((name) => process.env[name]);
  return createHttp2Client(createHttp1Client(caCertificate, contextFor), new Http2Sessions(contextFor), allowed);
}

const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy'];

/**
 * With a CA, the agent carries it twice: as the prebuilt context its own connections use, and as `ca`, which VS Code
 * copies to the request when it replaces the agent with its proxy-aware one (every host but loopback), so that the
 * connection it makes still trusts the session's CA.
 */
function agentOptions(caCertificate: string | undefined, contextFor: () => tls.SecureContext): https.AgentOptions {
  return caCertificate ? { keepAlive: true, secureContext: contextFor(), ca: caCertificate } : { keepAlive: true };
}

function createHttp1Client(caCertificate: string | undefined, contextFor: () => tls.SecureContext): HttpClient {
  const inner = createDefaultHttpClient();
  let agent: https.Agent | undefined;
  return {
    sendRequest(request) {
      if (!request.agent && request.url.startsWith('https:'))
        request.agent = agent ??= new https.Agent(agentOptions(caCertificate, contextFor));
      return inner.sendRequest(request);
    },
  };
}
