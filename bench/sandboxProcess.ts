// Parent side of the sandbox child process: start it with a seed, read or clear its request log, stop it.
import { fork, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import type { RequestLogEntry, SandboxOptions } from '../src/sandbox/index';
import type { ChildMessage, ParentMessage, StartedInfo } from './sandboxIpc';

/** A message without its id; distributes over the union so each variant keeps its own fields. */
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
type Request = WithoutId<ParentMessage>;

export interface SandboxProcess extends StartedInfo {
  requestLog(): Promise<RequestLogEntry[]>;
  clearLog(): Promise<void>;
  /** CPU time the sandbox process has used so far (ms). */
  cpuMs(): Promise<number>;
  stop(): Promise<void>;
}

export async function startSandboxProcess(options: SandboxOptions): Promise<SandboxProcess> {
  // No --expose-gc and no inspector flags: the child is a plain server.
  const child: ChildProcess = fork(path.join(__dirname, 'sandboxChild.js'), [], {
    execArgv: [],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const killOnExit = (): void => {
    child.kill();
  };
  process.on('exit', killOnExit);
  const pending = new Map<number, (m: ChildMessage) => void>();
  let nextId = 1;
  child.on('message', (m: ChildMessage) => {
    pending.get(m.id)?.(m);
    pending.delete(m.id);
  });
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`sandbox process exited (${code})`))),
  );
  exited.catch(() => undefined);
  const ask = (request: Request): Promise<ChildMessage & { ok: true }> => {
    const id = nextId++;
    const answer = new Promise<ChildMessage>((resolve) => pending.set(id, resolve));
    child.send({ ...request, id } as ParentMessage);
    return Promise.race([answer, exited]).then((m) => {
      if (!m.ok) throw new Error(`sandbox: ${m.error}`);
      return m;
    });
  };

  let started: StartedInfo | undefined;
  try {
    started = (await ask({ type: 'start', options })).started;
  } catch (e) {
    child.kill();
    throw e;
  }
  if (!started) throw new Error('sandbox did not report its endpoint');
  return {
    ...started,
    requestLog: async () => (await ask({ type: 'log' })).log ?? [],
    clearLog: async () => {
      await ask({ type: 'clear' });
    },
    cpuMs: async () => (await ask({ type: 'cpu' })).cpuMs ?? 0,
    stop: async () => {
      await ask({ type: 'stop' }).catch(() => undefined);
      child.disconnect();
      await exited.catch(() => undefined);
      process.off('exit', killOnExit);
    },
  };
}
