// Warms the sandbox before a measured load: one tree load by a throwaway client process (see warmUpChild.ts).
import { fork } from 'node:child_process';
import * as path from 'node:path';
import type { SandboxAddress } from './treeLoad';

export function warmUpSandbox(sandbox: SandboxAddress, concurrency: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, 'warmUpChild.js'), [], {
      execArgv: [],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`sandbox warm-up exited with ${code}`))));
    child.send({ endpoint: sandbox.endpoint, ca: sandbox.ca, tenantId: sandbox.tenantId, concurrency });
  });
}
