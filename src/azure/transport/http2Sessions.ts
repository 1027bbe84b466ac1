// One HTTP/2 connection per origin, shared by every call to it: a fan-out of ~50 calls becomes ~50 streams on one
// TLS connection instead of ~50 connections, each with its own handshake. Only h2 is offered in ALPN, so a server
// that cannot speak it (or a proxy in the way) says so in the handshake; that origin is then left to HTTP/1.1.
import * as http2 from 'node:http2';
import * as net from 'node:net';
import * as tls from 'node:tls';

/** Per stream and per connection: ARM pages run to 500 KB, which the 64 KB defaults would deliver in many round trips. */
export const WINDOW_BYTES = 4 * 1024 * 1024;
/** An idle connection is closed after this long, as a keep-alive socket would be. */
const IDLE_CLOSE_MS = 60_000;
/** A connection attempt that takes longer is given up, and the origin stays on HTTP/1.1. */
const CONNECT_TIMEOUT_MS = 10_000;

export class Http2Sessions {
  private readonly ready = new Map<string, http2.ClientHttp2Session>();
  private readonly connecting = new Set<string>();
  private readonly http1Only = new Set<string>();
  private readonly active = new WeakMap<http2.ClientHttp2Session, number>();

  constructor(
    private readonly secureContext: () => tls.SecureContext,
    private readonly idleMs = IDLE_CLOSE_MS,
  ) {}

  /**
   * The origin's open session, or undefined while there is none; then, unless the origin is known not to speak h2,
   * a connection is started in the background. Calls never wait for it: until it is up they go over HTTP/1.1, so a
   * network where only a proxy reaches the server (which VS Code's proxy support serves on HTTP/1.1 only) costs no
   * waiting, and a connection that fails leaves the origin on HTTP/1.1.
   */
  readyFor(url: URL): http2.ClientHttp2Session | undefined {
    const key = url.origin;
    const session = this.ready.get(key);
    if (session && usable(session)) return session;
    if (!this.http1Only.has(key) && !this.connecting.has(key)) {
      this.connecting.add(key);
      this.connect(url, key)
        .catch(() => {
          this.http1Only.add(key);
        })
        .finally(() => this.connecting.delete(key));
    }
    return undefined;
  }

  /** Stops handing out this session (it failed a request it should have taken); its open streams run on. */
  forget(session: http2.ClientHttp2Session): void {
    for (const [key, s] of this.ready) if (s === session) this.ready.delete(key);
  }

  /** Keeps the process alive while the stream is open, and lets it go once the connection has nothing in flight. */
  track(session: http2.ClientHttp2Session, stream: http2.ClientHttp2Stream): void {
    this.active.set(session, (this.active.get(session) ?? 0) + 1);
    session.ref();
    stream.once('close', () => {
      const left = (this.active.get(session) ?? 1) - 1;
      this.active.set(session, left);
      if (left === 0 && !session.destroyed) session.unref();
    });
  }

  /** Resolves once the session is ready; rejects when the origin cannot (or will not) speak h2 to us. */
  private connect(url: URL, key: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const host = url.hostname.replace(/^\[|\]$/g, '');
      const socket = tls.connect({
        host,
        port: Number(url.port) || 443,
        servername: net.isIP(host) ? undefined : host,
        secureContext: this.secureContext(),
        ALPNProtocols: ['h2'],
      });
      socket.setTimeout(CONNECT_TIMEOUT_MS, () =>
        socket.destroy(Object.assign(new Error('HTTP/2 connection timed out'), { code: 'ETIMEDOUT' })),
      );
      // A server without h2 in its ALPN list refuses the handshake (an alert, so an error here); one that ignores
      // ALPN agrees to nothing.
      socket.once('error', reject);
      socket.once('secureConnect', () => {
        socket.off('error', reject);
        socket.setTimeout(0);
        if (socket.alpnProtocol !== 'h2') {
          socket.destroy();
          reject(new Error('the server did not agree to h2'));
          return;
        }
        this.adopt(url, key, socket);
        resolve();
      });
    });
  }

  private adopt(url: URL, key: string, socket: tls.TLSSocket): void {
    const session = http2.connect(url.origin, {
      createConnection: () => socket,
      settings: { enablePush: false, initialWindowSize: WINDOW_BYTES },
    });
    session.setLocalWindowSize(WINDOW_BYTES);
    const drop = (): void => {
      if (this.ready.get(key) === session) this.ready.delete(key);
    };
    // After a GOAWAY the session takes no new streams; the next call opens a new one while these finish.
    session.once('goaway', drop);
    session.once('close', drop);
    session.on('error', drop);
    session.setTimeout(this.idleMs, () => {
      if ((this.active.get(session) ?? 0) > 0) return;
      drop();
      session.close();
    });
    session.unref();
    this.ready.set(key, session);
  }
}

function usable(session: http2.ClientHttp2Session): boolean {
  return !session.closed && !session.destroyed;
}
