// Clients below the SDKs, for what they never send: a child sandbox to aim at, an HTTP/1.1 request written byte for
// byte on a TLS socket, and an HTTP/2 request with any `:path`.
import { type ChildProcess, spawn } from 'node:child_process';
import * as http2 from 'node:http2';
import * as path from 'node:path';
import { connect as tlsConnect } from 'node:tls';
import type { SandboxOptions } from '../../../src/sandbox';

export interface ChildSandbox {
  endpoint: string;
  ca: string;
  host: string;
  port: number;
  child: ChildProcess;
  /** Everything the child wrote on stderr so far. */
  stderr(): string;
  /** The exit code once it died on its own (undefined while alive). */
  exited(): number | null | undefined;
  stop(): Promise<void>;
}

export async function startChildSandbox(options: SandboxOptions = {}): Promise<ChildSandbox> {
  const child = spawn(
    process.execPath,
    [path.join(__dirname, 'sandboxChild.js'), JSON.stringify({ retryAfterSeconds: 0, ...options })],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let err = '';
  let exitCode: number | null | undefined;
  child.stderr.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const exited = new Promise<void>((resolve) =>
    child.on('exit', (code) => {
      exitCode = code;
      resolve();
    }),
  );
  const info = await new Promise<{ endpoint: string; ca: string }>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line && out.includes('\n')) resolve(JSON.parse(line) as { endpoint: string; ca: string });
    });
    void exited.then(() => reject(new Error(`the sandbox child exited before listening: ${err}`)));
  });
  const url = new URL(info.endpoint);
  return {
    ...info,
    host: url.hostname,
    port: Number(url.port),
    child,
    stderr: () => err,
    exited: () => exitCode,
    stop: async () => {
      if (exitCode === undefined) child.kill('SIGTERM');
      await exited;
    },
  };
}

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Writes `request` as is on a fresh TLS connection (ALPN http/1.1) and reads one answer; rejects if the connection ends without one. */
export function rawHttp1(
  target: { host: string; port: number; ca: string },
  request: string | Buffer,
  timeoutMs = 5_000,
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = tlsConnect({
      host: target.host,
      port: target.port,
      ca: target.ca,
      ALPNProtocols: ['http/1.1'],
      servername: 'localhost',
    });
    let data = Buffer.alloc(0);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    const tryParse = (): boolean => {
      const end = data.indexOf('\r\n\r\n');
      if (end < 0) return false;
      const head = data.subarray(0, end).toString('latin1').split('\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head[0])?.[1] ?? 0);
      const headers: Record<string, string> = {};
      for (const line of head.slice(1)) {
        const i = line.indexOf(':');
        headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
      }
      const length = Number(headers['content-length'] ?? 0);
      if (data.length < end + 4 + length) return false;
      clearTimeout(timer);
      socket.destroy();
      resolve({ status, headers, body: data.subarray(end + 4, end + 4 + length).toString('utf8') });
      return true;
    };
    socket.on('secureConnect', () => socket.write(request));
    socket.on('data', (d: Buffer) => {
      data = Buffer.concat([data, d]);
      tryParse();
    });
    socket.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      if (!tryParse()) reject(new Error(`connection closed without an answer (${data.length} bytes read)`));
    });
  });
}

/** One HTTP/2 request with the given pseudo-headers and headers on `session`; resolves with the answer or rejects on a stream error. */
export function rawHttp2(
  session: http2.ClientHttp2Session,
  headers: http2.OutgoingHttpHeaders,
  body?: string | Buffer,
  timeoutMs = 5_000,
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const stream = session.request(headers, { endStream: body === undefined });
    const chunks: Buffer[] = [];
    let status = 0;
    let answer: Record<string, string> = {};
    const timer = setTimeout(() => {
      stream.close();
      reject(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    stream.on('response', (h) => {
      status = Number(h[':status']);
      answer = Object.fromEntries(Object.entries(h).map(([k, v]) => [k, String(v)]));
    });
    stream.on('data', (d: Buffer) => chunks.push(d));
    stream.on('end', () => {
      clearTimeout(timer);
      resolve({ status, headers: answer, body: Buffer.concat(chunks).toString('utf8') });
    });
    stream.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    if (body !== undefined) stream.end(body);
  });
}

export function connectHttp2(target: { endpoint: string; ca: string }): Promise<http2.ClientHttp2Session> {
  return new Promise((resolve, reject) => {
    const session = http2.connect(target.endpoint, { ca: target.ca });
    session.once('connect', () => resolve(session));
    session.once('error', reject);
  });
}

/** The ARM error code of a JSON body, or undefined when it is not an ARM error envelope. */
export function errorCodeOf(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
    return typeof parsed.error?.code === 'string' && typeof parsed.error.message === 'string'
      ? parsed.error.code
      : undefined;
  } catch {
    return undefined;
  }
}
