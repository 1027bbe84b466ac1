// The transport floor of a load: the same answers (count and sizes, from the sandbox's log of the measured load)
// received at once over one TLS + HTTP/2 connection on loopback, with no latency, no SDK pipeline, no parsing and
// no server work worth counting (transportChild.ts). Its CPU and wall time are what handing the load's bytes to
// JavaScript costs on this machine, whatever the client does with them; a load cannot take less on top of the
// critical path. Flow-control windows as the Azure layer's sessions set them (src/azure/transport/http2Sessions.ts).
import { fork } from 'node:child_process';
import * as http2 from 'node:http2';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { WINDOW_BYTES } from '../src/azure/transport/http2Sessions';
import { readAll } from '../src/azure/transport/wire';
import { mainThreadTimes } from './loopWatch';
import { minorPageFaults } from './pageFaults';
import { median } from './requestStats';

export interface TransportRun {
  wallMs: number;
  cpuMs: number;
  mainThreadOnCpuMs: number | null;
  pageFaults: number;
}

export interface TransportFloor {
  responses: number;
  bytes: number;
  /** The first run on a fresh connection, then the median of the others. */
  first: TransportRun;
  median: TransportRun;
  runs: number;
}

/** One answer, read into one Buffer by the Azure layer's own reader, as any client must before parsing. */
async function get(session: http2.ClientHttp2Session, size: number): Promise<number> {
  const stream = session.request({ ':path': `/bytes/${size}` });
  stream.end();
  return (await readAll(stream)).length;
}

async function timed(session: http2.ClientHttp2Session, sizes: readonly number[]): Promise<TransportRun> {
  const thread = mainThreadTimes();
  const faults = minorPageFaults();
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(sizes.map((size) => get(session, size)));
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const after = mainThreadTimes();
  return {
    wallMs: Math.round(wallMs * 10) / 10,
    cpuMs: Math.round((used.user + used.system) / 100) / 10,
    mainThreadOnCpuMs: thread && after ? Math.round((after.onCpuMs - thread.onCpuMs) * 10) / 10 : null,
    pageFaults: minorPageFaults() - faults,
  };
}

export async function measureTransportFloor(sizes: readonly number[], runs = 7): Promise<TransportFloor> {
  const child = fork(path.join(__dirname, 'transportChild.js'), [], {
    execArgv: [],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const killOnExit = (): void => {
    child.kill();
  };
  process.on('exit', killOnExit);
  try {
    const { port, ca } = await new Promise<{ port: number; ca: string }>((resolve, reject) => {
      child.once('message', (m: { port: number; ca: string }) => resolve(m));
      child.once('exit', (code) => reject(new Error(`transport server exited (${code})`)));
    });
    const session = http2.connect(`https://127.0.0.1:${port}`, {
      ca,
      servername: 'localhost',
      settings: { enablePush: false, initialWindowSize: WINDOW_BYTES },
    });
    try {
      await new Promise<void>((resolve, reject) => {
        session.once('connect', () => resolve());
        session.once('error', reject);
      });
      session.setLocalWindowSize(WINDOW_BYTES);
      const all: TransportRun[] = [];
      for (let i = 0; i < runs; i++) all.push(await timed(session, sizes));
      const rest = all.slice(1);
      return {
        responses: sizes.length,
        bytes: sizes.reduce((n, s) => n + s, 0),
        first: all[0],
        median: {
          wallMs: median(rest.map((r) => r.wallMs)),
          cpuMs: median(rest.map((r) => r.cpuMs)),
          mainThreadOnCpuMs: rest.some((r) => r.mainThreadOnCpuMs === null)
            ? null
            : median(rest.map((r) => r.mainThreadOnCpuMs ?? 0)),
          pageFaults: median(rest.map((r) => r.pageFaults)),
        },
        runs,
      };
    } finally {
      session.close();
    }
  } finally {
    child.disconnect();
    child.kill();
    process.off('exit', killOnExit);
  }
}
