// Builds the extension: a small Node bundle for activation, a lazily loaded Node bundle holding the Azure SDKs
// and the Azure layer, the sandbox bundle it loads on demand, a sandbox CLI, and one browser bundle for the webview forms.
// Usage: node esbuild.mjs [--production] [--watch]
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/**
 * The loaders' dynamic imports in src/bundles/ stay separate files, loaded on first use: `./sdkBundle` →
 * dist/sdk-bundle.js (SDKs, Azure layer; from extension.js) and `./sandboxBundle` → dist/sandbox-bundle.js (the
 * emulator; from sdk-bundle.js).
 */
const LAZY = { sdkBundle: './sdk-bundle.js', sandboxBundle: './sandbox-bundle.js' };
const lazyBundles = {
  name: 'lazy-bundles',
  setup(build) {
    build.onResolve({ filter: /^\.\/(sdkBundle|sandboxBundle)$/ }, (args) =>
      /\/src\/bundles\/load\w+\.ts$/.test(args.importer)
        ? { path: LAZY[args.path.slice(2)], external: true }
        : undefined,
    );
  },
};

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
};

const node = { ...common, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] };

const builds = [
  { ...node, entryPoints: { extension: 'src/extension.ts' }, outdir: 'dist', plugins: [lazyBundles] },
  {
    ...node,
    entryPoints: {
      'sdk-bundle': 'src/bundles/sdkBundle.ts',
      'sandbox-bundle': 'src/bundles/sandboxBundle.ts',
      sandbox: 'src/sandbox/cli.ts',
    },
    outdir: 'dist',
    plugins: [lazyBundles],
  },
  {
    ...common,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    entryPoints: { webview: 'src/webview-ui/main.ts' },
    outdir: 'dist',
  },
];

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
  console.log('[esbuild] watching');
} else {
  const results = await Promise.all(builds.map((b) => esbuild.build(b)));
  for (const r of results) {
    for (const [file, out] of Object.entries(r.metafile.outputs)) {
      if (!file.endsWith('.map')) console.log(`[esbuild] ${file} ${(out.bytes / 1024).toFixed(0)} KiB`);
    }
  }
}
