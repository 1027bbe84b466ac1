// The network suite's parts, started from inside the extension host (so inside the run's mount namespace, where
// the lab's host names and CA bundle are in place; see test/harness/networkLab.ts): a TLS front for the sandbox
// under the lab's host names, and Debian's tinyproxy (CONNECT, with and without Basic authentication) and mitmproxy
// (TLS-inspecting) on the lab's loopback ports, each with its own configuration and log in the run's folder.
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import * as tls from 'tls';
import type { NetworkLab } from '../../harness/networkLab';
import type { RunningSandbox } from '../../../src/sandbox/types';

export function readLab(): NetworkLab {
  const file = process.env.AZB_NETWORK_LAB;
  if (!file)
    throw new Error(
      'AZB_NETWORK_LAB is not set: the network suite runs in its own code-server (test/harness/runHost.ts)',
    );
  return JSON.parse(fs.readFileSync(file, 'utf8')) as NetworkLab;
}

/** One TLS connection the front accepted (or refused in the handshake). */
export interface FrontConnection {
  servername: string;
  /** The protocol negotiated in ALPN; undefined when the handshake failed. */
  protocol?: string;
  error?: string;
}

/**
 * The sandbox under the lab's host names: terminates TLS with the lab's certificate (trusted through the system
 * store only) and relays the bytes to the sandbox over a second TLS connection with the same ALPN protocol, so
 * the client's choice of HTTP/1.1 or HTTP/2 reaches the sandbox unchanged and is recorded here.
 */
export class SandboxFront {
  readonly connections: FrontConnection[] = [];
  private server?: tls.Server;

  async start(lab: NetworkLab, sandbox: RunningSandbox): Promise<void> {
    const target = new URL(sandbox.endpoint);
    const server = tls.createServer(
      {
        key: fs.readFileSync(lab.frontKey),
        cert: fs.readFileSync(lab.frontCert),
        ALPNProtocols: ['h2', 'http/1.1'],
      },
      (client) => {
        const protocol = client.alpnProtocol || 'http/1.1';
        this.connections.push({
          servername: (client as tls.TLSSocket & { servername?: string }).servername ?? '',
          protocol,
        });
        const upstream = tls.connect({
          host: target.hostname,
          port: Number(target.port),
          ca: sandbox.ca,
          servername: 'localhost',
          ALPNProtocols: [protocol],
        });
        client.pipe(upstream).pipe(client);
        const close = (): void => {
          client.destroy();
          upstream.destroy();
        };
        client.on('error', close);
        upstream.on('error', close);
        client.on('close', close);
        upstream.on('close', close);
      },
    );
    server.on('tlsClientError', (e, socket) => {
      this.connections.push({
        servername: (socket as tls.TLSSocket & { servername?: string }).servername ?? '',
        error: e.message,
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(lab.ports.front, '127.0.0.1', () => resolve());
    });
    this.server = server;
  }

  /** Connections since `from` (an earlier `connections.length`). */
  since(from: number): FrontConnection[] {
    return this.connections.slice(from);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** A proxy process of the lab, with the log it writes. */
export class ProxyProcess {
  private process?: ChildProcess;

  private constructor(
    readonly name: string,
    readonly port: number,
    readonly log: string,
    private readonly command: string,
    private readonly args: string[],
  ) {}

  /** tinyproxy on a loopback port; with credentials, it asks for Basic authentication (407) first. */
  static tinyproxy(
    lab: NetworkLab,
    name: string,
    port: number,
    credentials?: { user: string; password: string },
  ): ProxyProcess {
    const dir = path.join(lab.dir, name);
    fs.mkdirSync(dir, { recursive: true });
    const log = path.join(dir, 'proxy.log');
    const config = [
      `Port ${port}`,
      'Listen 127.0.0.1',
      'Timeout 30',
      `LogFile "${log}"`,
      'LogLevel Connect',
      `PidFile "${path.join(dir, 'proxy.pid')}"`,
      'MaxClients 50',
      'Allow 127.0.0.1',
      ...(credentials ? [`BasicAuth ${credentials.user} ${credentials.password}`] : []),
    ];
    const file = path.join(dir, 'tinyproxy.conf');
    fs.writeFileSync(file, `${config.join('\n')}\n`);
    return new ProxyProcess(name, port, log, 'tinyproxy', ['-d', '-c', file]);
  }

  /** mitmproxy (mitmdump) with the lab's CA; it trusts the sandbox front's certificate upstream. */
  static inspecting(lab: NetworkLab, port: number): ProxyProcess {
    const dir = path.join(lab.dir, 'inspecting');
    fs.mkdirSync(dir, { recursive: true });
    return new ProxyProcess('inspecting', port, path.join(dir, 'proxy.log'), 'mitmdump', [
      '--listen-host',
      '127.0.0.1',
      '--listen-port',
      String(port),
      '--set',
      `confdir=${lab.inspectingConfDir}`,
      '--set',
      `ssl_verify_upstream_trusted_ca=${lab.frontCert}`,
      '--set',
      'flow_detail=1',
    ]);
  }

  async start(): Promise<void> {
    fs.writeFileSync(this.log, '');
    const out = fs.openSync(`${this.log}.out`, 'w');
    // mitmdump writes its flows to stdout: those go to the log the tests read.
    const stdout = this.command === 'mitmdump' ? fs.openSync(this.log, 'a') : out;
    // Unbuffered, so that mitmdump's flows are in its log when the call returns.
    const child = spawn(this.command, this.args, {
      stdio: ['ignore', stdout, out],
      env: { ...process.env, PYTHONUNBUFFERED: '1' },
    });
    fs.closeSync(out);
    if (stdout !== out) fs.closeSync(stdout);
    this.process = child;
    const exited = new Promise<never>((_, reject) =>
      child.once('exit', (code) =>
        reject(new Error(`${this.name} (${this.command}) exited with ${code}; see ${this.log}.out`)),
      ),
    );
    await Promise.race([waitForPort(this.port, 20_000), exited]);
  }

  /** The log's text (what the proxy wrote so far). */
  text(): string {
    return fs.readFileSync(this.log, 'utf8');
  }

  async stop(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

/** Lines added to a log since `from` (an earlier length of its text). */
export function logSince(proxy: ProxyProcess, from: number): string {
  return proxy.text().slice(from);
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > until) throw new Error(`nothing listens on 127.0.0.1:${port} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
