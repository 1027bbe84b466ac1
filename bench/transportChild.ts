// Child process of transport.ts: a bare HTTP/2 server on loopback (TLS as the sandbox's) that answers
// GET /bytes/<n> at once with n bytes, so the parent can time receiving a load's answers and nothing else.
import * as http2 from 'node:http2';
import { makeCertificate } from '../src/sandbox/http/tls';

const bodies = new Map<number, Buffer>();

function body(size: number): Buffer {
  let b = bodies.get(size);
  if (!b) {
    // JSON-like text (the sandbox's answers are ASCII JSON); the content does not matter, only its size.
    b = Buffer.alloc(size, 'x');
    bodies.set(size, b);
  }
  return b;
}

async function main(): Promise<void> {
  const { cert, key } = await makeCertificate();
  // All of a load's answers are queued at once (tens of MB at 20,000 VMs): past nghttp2's default 10 MB of session
  // memory the server would refuse streams with ENHANCE_YOUR_CALM.
  const server = http2.createSecureServer({ cert, key, maxSessionMemory: 1024 });
  server.on('stream', (stream, headers) => {
    const size = Number(/^\/bytes\/(\d+)$/.exec(String(headers[':path']))?.[1] ?? 0);
    const payload = body(size);
    stream.respond({
      ':status': 200,
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(payload.length),
    });
    stream.end(payload);
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    process.send?.({ port: typeof address === 'object' && address ? address.port : 0, ca: cert });
  });
  process.on('disconnect', () => {
    server.close();
    process.exit(0);
  });
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
