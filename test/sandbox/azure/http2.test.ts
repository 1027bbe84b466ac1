// The session's HTTP client over HTTP/2: one connection per origin for a whole fan-out, HTTP/1.1 where h2 is refused
// or asked against, aborts and resets confined to their own stream, streamed and compressed bodies as core gives them.
import * as assert from 'node:assert/strict';
import * as http2 from 'node:http2';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import * as zlib from 'node:zlib';
import { createPipelineRequest, type HttpClient, type PipelineResponse } from '@azure/core-rest-pipeline';
import { createSessionHttpClient } from '../../../src/azure/transport/httpClient';
import { SessionTransport } from '../../../src/azure/transport/sessionTransport';
import { makeCertificate, type TlsMaterial } from '../../../src/sandbox/http/tls';
import type { Harness } from './setup';
import { startHarness } from './setup';

interface TinyServer {
  url: string;
  versions: string[];
  close(): Promise<void>;
}

/** A small HTTPS server for one test, answering `{"ok":true}` and recording the HTTP version of each request. */
function listen(server: https.Server | http2.Http2SecureServer, versions: string[]): Promise<TinyServer> {
  const sockets = new Set<import('node:net').Socket>();
  server.on('connection', (s: import('node:net').Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
        versions,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            for (const s of sockets) s.destroy();
          }),
      }),
    ),
  );
}

function answer(
  req: http2.Http2ServerRequest | import('node:http').IncomingMessage,
  res: http2.Http2ServerResponse | import('node:http').ServerResponse,
  versions: string[],
): void {
  versions.push(req.httpVersion);
  req.resume();
  const body = Buffer.from(JSON.stringify({ ok: true, path: req.url }));
  if (/gzip/.test(String(req.headers['accept-encoding'] ?? ''))) {
    res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    res.end(zlib.gzipSync(body));
  } else {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(body);
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await sleep(10);
  }
  assert.fail(`timed out waiting for ${what}`);
}

/**
 * A client's first calls to an origin go over HTTP/1.1 while its h2 connection is made in the background: call
 * until the server sees one over HTTP/2, then forget what it saw.
 */
async function warmUp(client: HttpClient, url: string, versions: string[]): Promise<void> {
  for (let i = 0; i < 200 && versions.at(-1) !== '2.0'; i++) {
    await send(client, `${url}/warm-up`);
    if (versions.at(-1) !== '2.0') await sleep(10);
  }
  assert.equal(versions.at(-1), '2.0', 'the client moved to h2');
  versions.length = 0;
}

async function send(
  client: HttpClient,
  url: string,
  options: Partial<Parameters<typeof createPipelineRequest>[0]> = {},
): Promise<PipelineResponse> {
  return client.sendRequest(createPipelineRequest({ url, ...options }));
}

describe('HTTP/2 between the session client and the sandbox', function () {
  this.timeout(30_000);
  let h: Harness;
  let tlsMaterial: TlsMaterial;
  before(async () => {
    h = await startHarness({ latencyMs: 40 });
    tlsMaterial = await makeCertificate();
  });
  after(async () => {
    await h.sandbox.stop();
  });
  afterEach(() => {
    h.sandbox.setFaults(undefined);
    h.calls.length = 0;
  });

  it('answers the first call over HTTP/1.1 at once, then carries a parallel fan-out on one h2 connection', async () => {
    // The session's first call does not wait for h2: HTTP/1.1 takes it while the h2 connection is made.
    await h.service.listResourceGroups(h.subscriptionId);
    await until(() => h.sandbox.connectionsOpened().http2 === 1, 'the h2 connection');
    const before = h.sandbox.connectionsOpened();
    const subs = h.sandbox.subscriptionIds();
    const calls = Array.from({ length: 24 }, (_, i) => h.service.listResourceGroups(subs[i % subs.length]));
    const results = await Promise.all(calls);
    assert.ok(results.every((groups) => groups.length > 0));
    const after = h.sandbox.connectionsOpened();
    assert.equal(after.total - before.total, 0, 'the 24 parallel calls opened no connection');
    assert.deepEqual(after, { total: 2, http2: 1 }, 'the session has had one HTTP/1.1 and one h2 connection in all');
  });

  it('keeps serving an HTTP/1.1-only server through HTTP/1.1, whether it refuses h2 in ALPN or ignores ALPN', async () => {
    for (const alpn of [['http/1.1'], undefined]) {
      const versions: string[] = [];
      const server = await listen(
        https.createServer({ ...tlsMaterial, ...(alpn ? { ALPNProtocols: alpn } : {}) }, (req, res) =>
          answer(req, res, versions),
        ),
        versions,
      );
      try {
        const client = createSessionHttpClient(tlsMaterial.cert);
        const first = await send(client, `${server.url}/one`);
        const second = await send(client, `${server.url}/two`);
        assert.equal(first.status, 200);
        assert.deepEqual(JSON.parse(second.bodyAsText ?? ''), { ok: true, path: '/two' });
        assert.deepEqual(versions, ['1.1', '1.1'], `ALPN ${JSON.stringify(alpn)}`);
      } finally {
        await server.close();
      }
    }
  });

  it('resends a call the server resets with HTTP_1_1_REQUIRED over HTTP/1.1, and keeps the others on h2', async () => {
    const versions: string[] = [];
    const server = await listen(
      http2.createSecureServer({ ...tlsMaterial, allowHTTP1: true }, (req, res) => {
        if (req.url === '/needs-http1' && req.httpVersion === '2.0') {
          (req as http2.Http2ServerRequest).stream.close(http2.constants.NGHTTP2_HTTP_1_1_REQUIRED);
          return;
        }
        answer(req, res, versions);
      }),
      versions,
    );
    try {
      const client = createSessionHttpClient(tlsMaterial.cert);
      await warmUp(client, server.url, versions);
      const [asked, plain] = await Promise.all([
        send(client, `${server.url}/needs-http1`),
        send(client, `${server.url}/plain`),
      ]);
      assert.deepEqual(JSON.parse(asked.bodyAsText ?? ''), { ok: true, path: '/needs-http1' });
      assert.equal(plain.status, 200);
      assert.deepEqual(versions.sort(), ['1.1', '2.0']);
      await send(client, `${server.url}/plain`);
      assert.deepEqual(versions.sort(), ['1.1', '2.0', '2.0'], 'the origin stays on h2');
    } finally {
      await server.close();
    }
  });

  it('decodes a gzip answer when the call asked for it, as core does', async () => {
    const versions: string[] = [];
    const server = await listen(
      http2.createSecureServer({ ...tlsMaterial }, (req, res) => answer(req, res, versions)),
      versions,
    );
    try {
      const client = createSessionHttpClient(tlsMaterial.cert);
      await warmUp(client, server.url, versions);
      const response = await send(client, `${server.url}/zipped`);
      assert.equal(response.headers.get('content-encoding'), undefined);
      const request = createPipelineRequest({ url: `${server.url}/zipped` });
      request.headers.set('Accept-Encoding', 'gzip');
      const zipped = await client.sendRequest(request);
      assert.equal(zipped.headers.get('content-encoding'), 'gzip');
      assert.deepEqual(JSON.parse(zipped.bodyAsText ?? ''), { ok: true, path: '/zipped' });
      assert.deepEqual(versions, ['2.0', '2.0']);
    } finally {
      await server.close();
    }
  });

  it("cancels an aborted call's stream (the sandbox logs 499) and keeps the connection for the next calls", async () => {
    await h.service.listResourceGroups(h.subscriptionId);
    await until(() => h.sandbox.connectionsOpened().http2 >= 1, 'the h2 connection');
    const before = h.sandbox.connectionsOpened();
    h.sandbox.setFaults({ rate: 1, kinds: ['stall'], count: 1, stallMs: 20_000, pathPattern: 'resourcegroups$' });
    h.sandbox.requestLog.clear();
    const controller = new AbortController();
    const started = Date.now();
    const aborted = h.service.listResourceGroups(h.subscriptionId, controller.signal);
    setTimeout(() => controller.abort(), 300);
    await assert.rejects(
      aborted,
      (e: unknown) => e instanceof Error && /abort|cancel/i.test(`${e.name} ${(e as { code?: string }).code ?? ''}`),
    );
    assert.ok(Date.now() - started < 5_000, 'the abort did not wait for the stalled answer');
    for (let i = 0; i < 50 && !h.sandbox.requestLog.entries().some((e) => e.status === 499); i++)
      await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(
      h.sandbox.requestLog.entries().map((e) => e.status),
      [499],
    );
    assert.ok((await h.service.listResourceGroups(h.subscriptionId)).length > 0);
    assert.deepEqual(h.sandbox.connectionsOpened(), before, 'no new connection after the abort');
  });

  it('retries a call whose stream is reset while its siblings on the same connection complete', async () => {
    await h.service.listResourceGroups(h.subscriptionId);
    await until(() => h.sandbox.connectionsOpened().http2 >= 1, 'the h2 connection');
    const before = h.sandbox.connectionsOpened();
    h.sandbox.setFaults({ rate: 1, kinds: ['reset'], count: 1, pathPattern: 'resourcegroups$' });
    h.sandbox.requestLog.clear();
    const subs = h.sandbox.subscriptionIds();
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => h.service.listResourceGroups(subs[i % subs.length])),
    );
    assert.ok(results.every((groups) => groups.length > 0));
    const statuses = h.sandbox.requestLog.entries().map((e) => e.status);
    assert.equal(statuses.filter((s) => s === 0).length, 1, 'one call was reset');
    assert.equal(statuses.filter((s) => s === 200).length, 8, 'eight answers, one of them to the retry');
    assert.equal(
      h.calls.filter((c) => c.error !== undefined && c.status === undefined).length,
      1,
      'the reset attempt is logged with its error',
    );
    assert.deepEqual(
      h.sandbox.connectionsOpened(),
      before,
      'the reset left the connection, and the siblings on it, alone',
    );
  });

  it('gives a streamed 200 body as readableStreamBody', async () => {
    const client = createSessionHttpClient(h.sandbox.ca);
    const h2Before = h.sandbox.connectionsOpened().http2;
    const subscriptions = (): ReturnType<typeof createPipelineRequest> => {
      const r = createPipelineRequest({ url: `${h.sandbox.endpoint}/subscriptions?api-version=2022-12-01` });
      r.headers.set('Authorization', 'Bearer sandbox');
      return r;
    };
    await client.sendRequest(subscriptions());
    await until(() => h.sandbox.connectionsOpened().http2 > h2Before, "the client's h2 connection");
    const request = createPipelineRequest({
      url: `${h.sandbox.endpoint}/subscriptions?api-version=2022-12-01`,
      streamResponseStatusCodes: new Set([200]),
    });
    request.headers.set('Authorization', 'Bearer sandbox');
    const response = await client.sendRequest(request);
    assert.equal(response.status, 200);
    assert.equal(response.bodyAsText, undefined);
    const chunks: Buffer[] = [];
    for await (const chunk of response.readableStreamBody ?? []) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { value: { subscriptionId: string }[] };
    assert.deepEqual(
      body.value.map((s) => s.subscriptionId),
      h.sandbox.subscriptionIds(),
    );
  });

  it('stays on HTTP/1.1 while HTTP/2 is not allowed (a proxy set in VS Code, or the setting off)', async () => {
    const versions: string[] = [];
    const server = await listen(
      http2.createSecureServer({ ...tlsMaterial, allowHTTP1: true }, (req, res) => answer(req, res, versions)),
      versions,
    );
    const transport = new SessionTransport(tlsMaterial.cert);
    transport.http2 = false;
    try {
      const client = transport.http;
      for (let i = 0; i < 5; i++) {
        await send(client, `${server.url}/call-${i}`);
        await sleep(20);
      }
      assert.deepEqual(versions, ['1.1', '1.1', '1.1', '1.1', '1.1']);
      transport.http2 = true;
      await warmUp(client, server.url, versions);
    } finally {
      await server.close();
    }
  });
});
