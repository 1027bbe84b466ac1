import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

const REPO = path.resolve(__dirname, '../../../..');

/** The source files esbuild puts in a bundle of `entry`, with the loaders' dynamic imports (src/bundles/load*.ts) kept out as esbuild.mjs does. */
async function bundledSources(entry: string): Promise<string[]> {
  const result = await esbuild.build({
    absWorkingDir: REPO,
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    outdir: 'unused',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    logLevel: 'silent',
    plugins: [
      {
        name: 'lazy-bundles',
        setup(build) {
          build.onResolve({ filter: /^\.\/(sdkBundle|sandboxBundle)$/ }, (args) =>
            /[\\/]src[\\/]bundles[\\/]load\w+\.ts$/.test(args.importer)
              ? { path: args.path, external: true }
              : undefined,
          );
        },
      },
    ],
  });
  return Object.keys(result.metafile.inputs);
}

describe("the Azure layer's transport in the bundles", function () {
  this.timeout(60_000);

  it('is in the lazily loaded SDK bundle only: the extension bundle holds no copy of the start gate or response queue', async () => {
    const [extension, core] = await Promise.all([
      bundledSources('src/extension.ts'),
      bundledSources('src/bundles/sdkBundle.ts'),
    ]);
    const transport = (files: string[]) => files.filter((f) => f.startsWith('src/azure/transport/'));
    assert.ok(transport(core).includes('src/azure/transport/startGate.ts'), 'the SDK bundle carries the start gate');
    assert.deepEqual(transport(extension), [], 'dist/extension.js would hold a second copy of the scheduling state');
  });
});
