// Child process entry (forked by sandboxProcess.ts): runs one sandbox and answers the parent's requests.
import { startSandbox, type RunningSandbox } from '../src/sandbox/index';
import type { ChildMessage, ParentMessage } from './sandboxIpc';

let sandbox: RunningSandbox | undefined;

function reply(message: ChildMessage): void {
  process.send?.(message);
}

async function handle(message: ParentMessage): Promise<ChildMessage> {
  switch (message.type) {
    case 'start': {
      sandbox = await startSandbox(message.options);
      const { endpoint, ca, tenantId } = sandbox;
      return {
        id: message.id,
        ok: true,
        started: {
          endpoint,
          ca,
          tenantId,
          subscriptionIds: sandbox.subscriptionIds(),
          pageSizes: { ...sandbox.pageSizes },
        },
      };
    }
    case 'log':
      return { id: message.id, ok: true, log: sandbox?.requestLog.entries() ?? [] };
    case 'cpu': {
      // The sandbox's own CPU (user + system, all its threads): it shares the machine's cores with the client.
      const { user, system } = process.cpuUsage();
      return { id: message.id, ok: true, cpuMs: (user + system) / 1000 };
    }
    case 'clear':
      sandbox?.requestLog.clear();
      return { id: message.id, ok: true };
    case 'stop':
      await sandbox?.stop();
      sandbox = undefined;
      return { id: message.id, ok: true };
  }
}

process.on('message', (message: ParentMessage) => {
  handle(message).then(reply, (e: unknown) =>
    reply({ id: message.id, ok: false, error: e instanceof Error ? e.message : String(e) }),
  );
});

// A parent that dies must not leave a server behind.
process.on('disconnect', () => {
  void (sandbox?.stop() ?? Promise.resolve()).finally(() => process.exit(0));
});
