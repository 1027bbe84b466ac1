// Activation timing in the real extension host, for the benchmark (bench/activation.ts reads the file this
// writes). The 50 ms target is a benchmark number; the assertion here is only a sanity bound.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import * as vscode from 'vscode';
import type { AzureBackupApi } from '../../src/extension';

const EXTENSION_ID = 'azbackup.azure-backup';
const SANITY_BOUND_MS = 500;

describe('Activation timing', () => {
  it('activates well within the sanity bound and shows the first tree children; writes activation.json', async () => {
    const ext = vscode.extensions.getExtension<AzureBackupApi>(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not loaded`);
    // activatedInMs is measured inside activate() from its first line to its return (module load excluded).
    const api = await ext.activate();
    assert.strictEqual(typeof api.activatedInMs, 'number');
    await api.ready;
    if (!api.sandbox()) await api.run('azureBackup.openSandbox');

    // The view may already have asked for the root: drop the cache so this measures a real load.
    api.tree.refresh();
    const started = performance.now();
    const children = await api.tree.getChildren();
    const firstTreeChildrenMs = performance.now() - started;
    assert.ok(children.length > 0, 'the root has no children');

    const output = process.env.AZB_TEST_OUTPUT;
    if (output) {
      const timing = {
        activatedInMs: Math.round(api.activatedInMs * 10) / 10,
        firstTreeChildrenMs: Math.round(firstTreeChildrenMs * 10) / 10,
        measuredAt: new Date().toISOString(),
        note: 'firstTreeChildrenMs: root getChildren() on the running sandbox after a refresh (subscription list; the sandbox start is not included)',
      };
      fs.writeFileSync(path.join(output, '..', 'activation.json'), `${JSON.stringify(timing, null, 2)}\n`);
    }
    assert.ok(api.activatedInMs < SANITY_BOUND_MS, `activation took ${api.activatedInMs.toFixed(1)} ms`);
  });
});
