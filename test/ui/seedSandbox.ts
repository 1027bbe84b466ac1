// Seeds the data file the extension's sandbox will open in a workbench's user-data folder, before code-server starts.
import * as fs from 'fs';
import * as path from 'path';
import { startSandbox, type RunningSandbox } from '../../src/sandbox';

export async function seedSandbox(userDataDir: string, seed: (sandbox: RunningSandbox) => void): Promise<void> {
  const dir = path.join(userDataDir, 'User', 'globalStorage', 'azbackup.azure-backup');
  fs.mkdirSync(dir, { recursive: true });
  const sandbox = await startSandbox({ dataFile: path.join(dir, 'sandbox.json') });
  seed(sandbox);
  await sandbox.stop();
}
