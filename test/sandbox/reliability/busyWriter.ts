// Child process for the kill-mid-write test: a sandbox with a large state and a data file, changed
// without pause so that it is (almost) always writing. Prints "ready" once the first file is complete.
import { existsSync } from 'node:fs';
import { startSandbox } from '../../../src/sandbox';

async function main(): Promise<void> {
  const dataFile = process.argv[2];
  const sandbox = await startSandbox({
    dataFile,
    speed: 1,
    seed: { subscriptions: 1, vaultsPerSubscription: 4, vmsPerSubscription: 2_000, protectedItems: 1_000, jobs: 8_000 },
  });
  while (!existsSync(dataFile)) await new Promise((r) => setTimeout(r, 10));
  process.stdout.write('ready\n');
  let n = 0;
  // Each change marks the state dirty; the persister writes it again 250 ms after the last write began.
  setInterval(
    () => sandbox.control.addVm({ resourceGroup: `busy-rg`, location: 'westeurope', name: `busy-${n++}` }),
    2,
  );
}

void main();
