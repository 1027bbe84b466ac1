// The one HTTP client of a session. Every SDK client sends through it, so connections are pooled (keep-alive)
// per session. Its HTTPS agent is given one prebuilt TLS context: without it, Node builds a context per new
// connection (parsing the CA and the cipher list each time), and a tree load opening ~50 connections at once
// spent over 100 ms in one synchronous burst doing that. The session's CA (sandbox) stays in this agent only.
import * as https from 'node:https';
import * as tls from 'node:tls';
import { createDefaultHttpClient, type HttpClient } from '@azure/core-rest-pipeline';
import type { AzureSession } from './session';

const perSession = new WeakMap<AzureSession, HttpClient>();

/**
 * The session's HTTP client, made on first use. Every client set of a session shares it: the subscription list
 * (sign-in) and the backup service then reuse each other's keep-alive connections and TLS session tickets, so
 * the service's first calls do not open fresh connections with full handshakes right after sign-in did.
 */
export function sessionHttpClient(session: AzureSession): HttpClient {
  let client = perSession.get(session);
  if (!client) perSession.set(session, client = createSessionHttpClient(session.environment.caCertificate));
  return client;
}

export function createSessionHttpClient(caCertificate?: string): HttpClient {
  const inner = createDefaultHttpClient();
  let agent: https.Agent | undefined;
  const agentFor = (): https.Agent =>
    agent ??= new https.Agent({ keepAlive: true, secureContext: tls.createSecureContext(caCertificate ? { ca: caCertificate } : {}) });
  return {
    sendRequest(request) {
      // An agent already set (a proxy's, from the pipeline's proxy policy) wins.
      if (!request.agent && request.url.startsWith('https:')) request.agent = agentFor();
      return inner.sendRequest(request);
    },
  };
}
