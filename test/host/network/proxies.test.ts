// Networking as VS Code does it, in the real extension host: the session's clients go through the proxy VS Code
// would use (http.proxy, http.noProxy, HTTPS_PROXY / NO_PROXY, credentials) and trust exactly the certificates VS
// Code trusts (its own list plus the system store, http.systemCertificates), proved against Debian's tinyproxy and
// mitmproxy in front of the sandbox. Each case checks the proxy's log (the call really went through it, or not),
// the protocol the sandbox front saw, and that a plain request through VS Code's own patched `https` module ends
// the same way: the session trusts and routes neither more nor less than VS Code.
import * as assert from 'assert';
import * as fs from 'fs';
import * as https from 'https';
import * as path from 'path';
import * as vscode from 'vscode';
import type * as Core from '../../../src/bundles/sdkBundle';
import { DIRECT_HOST, PROXIED_HOST } from '../../harness/networkLab';
import { getApi, sandboxOf } from '../ui/helpers';
import { logSince, ProxyProcess, readLab, SandboxFront } from './lab';

const SETTINGS = [
  'proxy',
  'noProxy',
  'systemCertificates',
  'proxyStrictSSL',
  'proxySupport',
  'proxyAuthorization',
] as const;
type HttpSettings = Partial<Record<(typeof SETTINGS)[number], unknown>>;

describe('Network: proxies and certificates as VS Code uses them', function () {
  this.timeout(90_000);
  const lab = readLab();
  const front = new SandboxFront();
  const proxy = ProxyProcess.tinyproxy(lab, 'proxy', lab.ports.proxy);
  const authProxy = ProxyProcess.tinyproxy(lab, 'auth-proxy', lab.ports.authProxy, {
    user: lab.proxyUser,
    password: lab.proxyPassword,
  });
  const inspecting = ProxyProcess.inspecting(lab, lab.ports.inspectingProxy);
  const proxies = [proxy, authProxy, inspecting];
  let core: typeof Core;
  let sandboxEndpoint: { endpoint: string; ca: string };

  before(async function () {
    this.timeout(120_000);
    const api = await getApi();
    const ext = vscode.extensions.getExtension('azbackup.azure-backup');
    assert.ok(ext);
    // The same module instance the extension loaded lazily.
    core = (await import(path.join(ext.extensionPath, 'dist', 'sdk-bundle.js'))) as typeof Core;
    const sandbox = sandboxOf(api);
    await front.start(lab, sandbox);
    await Promise.all(proxies.map((p) => p.start()));
    sandboxEndpoint = { endpoint: sandbox.endpoint, ca: sandbox.ca };
  });

  after(async () => {
    await setHttp({});
    await setHttp2(false);
    await Promise.all(proxies.map((p) => p.stop()));
    await front.stop();
  });

  afterEach(async () => {
    await setHttp({});
    await setHttp2(false);
  });

  it('HTTP/2 is off by default (it cannot pass every case below)', () => {
    assert.strictEqual(vscode.workspace.getConfiguration('azureBackup').inspect<boolean>('http2')?.defaultValue, false);
  });

  it('HTTPS_PROXY set: a session with its own CA on loopback (the sandbox) goes directly with its CA, as VS Code never proxies loopback', async () => {
    const marks = proxies.map((p) => p.text().length);
    const subscriptions = await core
      .createBackupService(session(sandboxEndpoint.endpoint, sandboxEndpoint.ca), { retry: { maxRetries: 0 } })
      .listSubscriptions();
    assert.ok(subscriptions.length > 0);
    proxies.forEach((p, i) =>
      assert.doesNotMatch(logSince(p, marks[i]), /CONNECT|GET https/, `${p.name} saw the call`),
    );
  });

  it('HTTPS_PROXY from the environment: through the CONNECT proxy, over HTTP/1.1', async () => {
    const seen = await observe(PROXIED_HOST);
    assertSucceeded(seen);
    assert.match(seen.logs.proxy, connectTo(PROXIED_HOST), 'tinyproxy (HTTPS_PROXY) tunnelled the call');
    assert.deepStrictEqual(seen.protocols, ['http/1.1']);
  });

  it('NO_PROXY from the environment: directly, the proxy untouched', async () => {
    const seen = await observe(DIRECT_HOST);
    assertSucceeded(seen);
    assertNoProxySaw(seen);
    assert.deepStrictEqual(seen.protocols, ['http/1.1']);
  });

  it('http.proxy with credentials: through the authenticating proxy (Basic), which refused the same call without them', async () => {
    await setHttp({
      proxy: `http://${encodeURIComponent(lab.proxyUser)}:${encodeURIComponent(lab.proxyPassword)}@127.0.0.1:${lab.ports.authProxy}`,
    });
    const seen = await observe(PROXIED_HOST);
    assertSucceeded(seen);
    assert.match(seen.logs['auth-proxy'], connectTo(PROXIED_HOST));
    assert.strictEqual(seen.logs.proxy, '', 'the setting wins over HTTPS_PROXY');
    assert.deepStrictEqual(seen.protocols, ['http/1.1']);
  });

  it('http.proxy without credentials: a clear 407 from the proxy, at once, as VS Code gets it', async () => {
    await setHttp({ proxy: `http://127.0.0.1:${lab.ports.authProxy}` });
    const seen = await observe(PROXIED_HOST);
    assert.ok(seen.error, 'the call failed');
    assert.strictEqual(seen.error.status, 407, seen.error.message);
    assert.strictEqual(seen.vscode.status, 407);
    assert.ok(seen.ms < 15_000, `failed in ${seen.ms} ms`);
    assert.match(seen.logs['auth-proxy'], connectTo(PROXIED_HOST));
    assert.deepStrictEqual(seen.protocols, [], 'nothing reached the sandbox');
  });

  it("http.proxyAuthorization: not applied by VS Code 1.100 to extensions' requests, nor by the session (both get 407)", async () => {
    const basic = `Basic ${Buffer.from(`${lab.proxyUser}:${lab.proxyPassword}`).toString('base64')}`;
    await setHttp({ proxy: `http://127.0.0.1:${lab.ports.authProxy}`, proxyAuthorization: basic });
    const seen = await observe(PROXIED_HOST);
    assert.strictEqual(seen.error?.status, 407, seen.error?.message);
    assert.strictEqual(seen.vscode.status, 407);
  });

  it('http.noProxy: directly although http.proxy is set (and over NO_PROXY)', async () => {
    await setHttp({ proxy: `http://127.0.0.1:${lab.ports.inspectingProxy}`, noProxy: [PROXIED_HOST] });
    const seen = await observe(PROXIED_HOST);
    assertSucceeded(seen);
    assertNoProxySaw(seen);
    assert.deepStrictEqual(seen.protocols, ['http/1.1']);
  });

  it('TLS-inspecting proxy whose CA is in the system store: trusted, the call inspected on the way', async () => {
    await setHttp({ proxy: `http://127.0.0.1:${lab.ports.inspectingProxy}` });
    const seen = await observe(PROXIED_HOST);
    assertSucceeded(seen);
    assert.match(
      seen.logs.inspecting,
      new RegExp(`GET https://${escape(PROXIED_HOST)}:${lab.ports.front}/subscriptions`),
      'mitmproxy read the request',
    );
    assert.deepStrictEqual(seen.protocols, ['http/1.1'], 'mitmproxy reached the sandbox over HTTP/1.1');
  });

  it('TLS-inspecting proxy, system certificates off: a certificate error at once, as VS Code gets it', async () => {
    await setHttp({ proxy: `http://127.0.0.1:${lab.ports.inspectingProxy}`, systemCertificates: false });
    const seen = await observe(PROXIED_HOST);
    assert.ok(seen.error, 'the call failed');
    assert.match(seen.error.message, /certificate/i);
    assert.ok(seen.ms < 15_000, `failed in ${seen.ms} ms`);
    assert.match(seen.vscode.error ?? '', /certificate/i);
    assert.match(seen.logs.inspecting, /client TLS handshake failed/i);
    assert.doesNotMatch(seen.logs.inspecting, /GET https:/, 'no request reached mitmproxy, so none the sandbox');
  });

  it("http.proxyStrictSSL off: not applied by VS Code 1.100 to extensions' requests, so an untrusted proxy still fails", async () => {
    await setHttp({
      proxy: `http://127.0.0.1:${lab.ports.inspectingProxy}`,
      systemCertificates: false,
      proxyStrictSSL: false,
    });
    const seen = await observe(PROXIED_HOST);
    assert.match(seen.error?.message ?? '', /certificate/i);
    assert.match(seen.vscode.error ?? '', /certificate/i);
  });

  it('a cloud with its own CA, through the proxy: the session keeps trusting its CA when VS Code makes the connection', async () => {
    // System certificates off, so only the session's CA (the front's certificate) can make the front trusted.
    await setHttp({ systemCertificates: false });
    const seen = await observe(PROXIED_HOST, 1, fs.readFileSync(lab.frontCert, 'utf8'));
    assert.strictEqual(seen.error, undefined, JSON.stringify(seen.error));
    assert.match(seen.logs.proxy, connectTo(PROXIED_HOST), 'tinyproxy (HTTPS_PROXY) tunnelled the call');
    assert.deepStrictEqual(seen.protocols, ['http/1.1']);
  });

  it('http.proxySupport off: directly, and still trusting the system store as VS Code does', async () => {
    await setHttp({ proxySupport: 'off' });
    const seen = await observe(DIRECT_HOST);
    assert.strictEqual(seen.vscode.status, 200, seen.vscode.error);
    assertSucceeded(seen);
    assertNoProxySaw(seen);
  });

  it('HTTP/2 turned on, proxy set: every call through the proxy on HTTP/1.1, no direct HTTP/2 connection', async () => {
    await setHttp2(true);
    await setHttp({ proxy: `http://127.0.0.1:${lab.ports.inspectingProxy}` });
    const seen = await observe(PROXIED_HOST, 3);
    assertSucceeded(seen);
    assert.strictEqual(
      seen.logs.inspecting.match(/GET https:\/\/\S+\/subscriptions/g)?.length,
      3,
      seen.logs.inspecting,
    );
    assert.deepStrictEqual([...new Set(seen.protocols)], ['http/1.1']);
  });

  it('HTTP/2 turned on, no proxy, a CA trusted through the system store only: HTTP/2 is refused, calls stay on HTTP/1.1', async () => {
    await setHttp2(true);
    // Any proxy in the environment keeps the session off HTTP/2; without one (VS Code read it at start and still
    // sends this NO_PROXY host directly), HTTP/2 is tried.
    const saved = process.env.HTTPS_PROXY;
    delete process.env.HTTPS_PROXY;
    let seen: Seen;
    try {
      seen = await observe(DIRECT_HOST, 3);
    } finally {
      process.env.HTTPS_PROXY = saved;
    }
    assertSucceeded(seen);
    // The session's HTTP/2 connection trusts Node's CA list only (VS Code 1.100 adds the system store to HTTP/1.1
    // requests): its handshake fails, and the origin stays on HTTP/1.1.
    assert.ok(
      seen.connections.some((c) => c.error),
      JSON.stringify(seen.connections),
    );
    assert.ok(
      seen.connections.every((c) => c.error || c.protocol === 'http/1.1'),
      JSON.stringify(seen.connections),
    );
  });

  interface Seen {
    ms: number;
    error?: { message: string; status?: number; code: string };
    vscode: { status?: number; error?: string };
    logs: Record<string, string>;
    protocols: string[];
    connections: { protocol?: string; error?: string }[];
  }

  /** Lists subscriptions `calls` times through a fresh session for `host` (with its own CA, if given), and a plain VS Code request to it. */
  async function observe(host: string, calls = 1, ca?: string): Promise<Seen> {
    const marks = proxies.map((p) => p.text().length);
    const connectionsFrom = front.connections.length;
    const endpoint = `https://${host}:${lab.ports.front}`;
    const service = core.createBackupService(session(endpoint, ca), { retry: { maxRetries: 0 } });
    const started = Date.now();
    let error: Seen['error'];
    try {
      for (let i = 0; i < calls; i++) {
        const subscriptions = await service.listSubscriptions();
        assert.ok(subscriptions.length > 0, 'the sandbox listed its subscriptions');
        // The background HTTP/2 connection (when allowed) gets its chance before the next call.
        if (i + 1 < calls) await new Promise((r) => setTimeout(r, 300));
      }
    } catch (e) {
      const azure = core.AzureError.from(e);
      error = { message: azure.message, status: azure.status, code: azure.code };
    }
    const ms = Date.now() - started;
    // mitmproxy prints a flow once it has finished it, a moment after the client has the answer.
    await new Promise((r) => setTimeout(r, 300));
    const connections = front.since(connectionsFrom);
    const logs = Object.fromEntries(proxies.map((p, i) => [p.name, logSince(p, marks[i])]));
    const plain = await vscodeGet(`${endpoint}/subscriptions?api-version=2022-12-01`);
    return {
      ms,
      error,
      vscode: plain,
      logs,
      connections,
      protocols: connections.flatMap((c) => (c.protocol ? [c.protocol] : [])),
    };
  }

  function assertSucceeded(seen: Seen): void {
    assert.strictEqual(seen.error, undefined, JSON.stringify(seen.error));
    assert.strictEqual(seen.vscode.status, 200, `VS Code's own request: ${seen.vscode.error}`);
  }

  function assertNoProxySaw(seen: Seen): void {
    for (const [name, text] of Object.entries(seen.logs))
      assert.doesNotMatch(text, /CONNECT|GET https/, `${name} saw: ${text}`);
  }

  function session(endpoint: string, ca?: string): Core.AzureSession {
    const environment = core.environmentFor('Network test', endpoint, '');
    return {
      environment: ca ? { ...environment, caCertificate: ca } : environment,
      credential: {
        getToken: async () => ({ token: 'sandbox-local-token', expiresOnTimestamp: Date.now() + 3_600_000 }),
      },
    };
  }
});

/** What VS Code itself gets for a GET through its patched `https` module (its proxy resolution and certificates). */
function vscodeGet(url: string): Promise<{ status?: number; error?: string }> {
  return new Promise((resolve) => {
    const request = https.get(
      url,
      { headers: { authorization: 'Bearer sandbox-local-token' }, timeout: 15_000 },
      (response) => {
        response.resume();
        response.once('end', () => resolve({ status: response.statusCode }));
      },
    );
    request.once('timeout', () => request.destroy(new Error('timed out')));
    request.once('error', (e) => resolve({ error: e.message }));
  });
}

async function setHttp(values: HttpSettings): Promise<void> {
  const http = vscode.workspace.getConfiguration('http');
  for (const key of SETTINGS) {
    const value = values[key];
    if (JSON.stringify(http.inspect(key)?.globalValue) !== JSON.stringify(value))
      await http.update(key, value, vscode.ConfigurationTarget.Global);
  }
  const deadline = Date.now() + 10_000;
  const applied = (): boolean =>
    SETTINGS.every(
      (key) =>
        JSON.stringify(vscode.workspace.getConfiguration('http').inspect(key)?.globalValue) ===
        JSON.stringify(values[key]),
    );
  while (!applied()) {
    if (Date.now() > deadline) throw new Error(`VS Code did not apply http settings ${JSON.stringify(values)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Sets azureBackup.http2 and lets the extension apply it to the Azure layer (it does whenever it takes the core). */
async function setHttp2(on: boolean): Promise<void> {
  await vscode.workspace
    .getConfiguration('azureBackup')
    .update('http2', on ? true : undefined, vscode.ConfigurationTarget.Global);
  const api = await getApi();
  await api.run('azureBackup.openSandbox');
}

function connectTo(host: string): RegExp {
  return new RegExp(`CONNECT ${escape(host)}:\\d+`);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
